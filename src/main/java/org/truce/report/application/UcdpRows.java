package org.truce.report.application;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.truce.report.model.DataFlag;
import org.truce.report.model.Estimate;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;
import org.truce.shared.ErrorCode;

/**
 * Rows of the UCDP Georeferenced Event Dataset (GED) CSV, as in
 * {@code scenarios/syria-2016/events/ucdp_ged_syria_2016.csv} (codebook 19.1). The
 * columns are found by name, so GED Global files with more columns read too; every column
 * of the row is kept verbatim as the report's
 * {@link org.truce.report.model.SourceFields}, and a row of HXL hashtags under the header
 * is skipped.
 *
 * <p>
 * Mapping: {@code id} is the external id and the idempotency key {@code ucdp:<id>};
 * [start of {@code date_start}, end of {@code date_end}] (calendar days in the import's
 * time zone, by default the scenario's: UCDP dates events to the local day) with
 * {@code date_prec} is the time; {@code latitude}/{@code longitude} with
 * {@code where_prec} is the place, named by {@code where_coordinates}, {@code adm_1} and
 * {@code adm_2}; {@code side_a} is the actor and {@code side_b} the target, with who
 * acted decided by {@link UcdpPerpetrators} (for state-based and non-state events either
 * side, unless a stated rule reads who acted in the source's words; for one-sided
 * violence side_a); {@code low}/{@code best}/{@code high} is the total and
 * {@code deaths_a}, {@code deaths_b}, {@code deaths_civilians} and {@code deaths_unknown}
 * are best estimates for the actor's side, the target's side, civilians and unknown. The
 * narrative is the {@code source_headline} followed by the {@code source_article}
 * citation, each labelled. The event type is inferred ({@link UcdpEventTypes}).
 *
 * <p>
 * UCDP's quirks are kept and flagged, never rejected: best 0 ({@code BEST_ZERO}), low
 * &lt;= best &lt;= high broken ({@code ESTIMATE_ORDER_BROKEN}), country-level yearly
 * totals, {@code where_prec} 6 ({@code COUNTRY_AGGREGATE}), totals the source aggregated,
 * {@code event_clarity} 2 ({@code SOURCE_AGGREGATE}), fields holding line breaks
 * ({@code MULTILINE_FIELD}).
 */
final class UcdpRows implements RowFormat {

	static final Source SOURCE = new Source("ucdp-ged",
			"UCDP Georeferenced Event Dataset (GED), Uppsala Conflict Data Program", SourceKind.DATASET, Reliability.B);

	/**
	 * Every column Truce reads for a report or lets readers filter by (the conflict, the
	 * dyad and the sides' ids): a file lacking one, or naming it otherwise, is refused
	 * whole.
	 */
	static final List<String> REQUIRED = List.of("id", "type_of_violence", "conflict_new_id", "conflict_name",
			"dyad_new_id", "dyad_name", "side_a_new_id", "side_a", "side_b_new_id", "side_b", "source_article",
			"source_headline", "where_prec", "where_coordinates", "adm_1", "adm_2", "latitude", "longitude",
			"event_clarity", "date_prec", "date_start", "date_end", "deaths_a", "deaths_b", "deaths_civilians",
			"deaths_unknown", "low", "best", "high");

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("eventType", "type_of_violence"),
			Map.entry("when", "date_start"), Map.entry("when.start", "date_start"), Map.entry("when.end", "date_end"),
			Map.entry("when.precision", "date_prec"), Map.entry("where", "latitude"),
			Map.entry("where.latitude", "latitude"), Map.entry("where.longitude", "longitude"),
			Map.entry("where.precision", "where_prec"), Map.entry("where.placeName", "where_coordinates"),
			Map.entry("where.admin1", "adm_1"), Map.entry("where.admin2", "adm_2"), Map.entry("actor", "side_a"),
			Map.entry("target", "side_b"), Map.entry("casualties", "best"), Map.entry("narrative", "source_headline"),
			Map.entry("externalId", "id"), Map.entry("source", "id"));

	@Override
	public String kind() {
		return "ucdp";
	}

	@Override
	public Source source() {
		return SOURCE;
	}

	@Override
	public boolean keepsRows() {
		return true;
	}

	@Override
	public List<String> requiredColumns() {
		return REQUIRED;
	}

	@Override
	public String columnOf(String draftField) {
		return COLUMNS.getOrDefault(draftField, draftField);
	}

	@Override
	public RowReading read(CsvRow row) {
		String id = row.required("id");
		id = id == null ? null : id.trim();
		Integer typeOfViolence = row.integer("type_of_violence", true);
		if (typeOfViolence != null && (typeOfViolence < 1 || typeOfViolence > 3)) {
			row.invalid(ErrorCode.INVALID_VALUE, "type_of_violence", "ucdpViolence", typeOfViolence);
		}
		LocalDate start = row.isoDate("date_start");
		LocalDate end = row.isoDate("date_end");
		Integer datePrec = row.integer("date_prec", true);
		TimePrecision timePrecision = datePrec == null ? null : TimePrecision.ofUcdp(datePrec).orElse(null);
		if (datePrec != null && (timePrecision == null || datePrec == 0)) {
			row.invalid(ErrorCode.UNKNOWN_PRECISION, "date_prec", "ucdpDate", datePrec);
		}
		Integer wherePrec = row.integer("where_prec", true);
		LocationPrecision locationPrecision = wherePrec == null ? null
				: LocationPrecision.ofUcdp(wherePrec).orElse(null);
		if (wherePrec != null && (locationPrecision == null || wherePrec == 0)) {
			row.invalid(ErrorCode.UNKNOWN_PRECISION, "where_prec", "ucdpWhere", wherePrec);
		}
		Double latitude = row.decimal("latitude");
		Double longitude = row.decimal("longitude");
		Integer eventClarity = row.integer("event_clarity", false);
		Estimate total = new Estimate(row.integer("low", false), row.integer("best", false),
				row.integer("high", false));
		Estimate actorSide = Estimate.best(row.integer("deaths_a", false));
		Estimate targetSide = Estimate.best(row.integer("deaths_b", false));
		Estimate civilians = Estimate.best(row.integer("deaths_civilians", false));
		Estimate unknown = Estimate.best(row.integer("deaths_unknown", false));
		if (!row.problems().isEmpty()) {
			return new Unreadable(row.problems());
		}
		String headline = row.text("source_headline");
		String article = row.text("source_article");
		UcdpEventTypes.Inference type = UcdpEventTypes.infer(typeOfViolence, headline, article);
		EnumSet<DataFlag> flags = EnumSet.of(DataFlag.EVENT_TYPE_INFERRED);
		if (locationPrecision == LocationPrecision.COUNTRY) {
			flags.add(DataFlag.COUNTRY_AGGREGATE);
		}
		if (eventClarity != null && eventClarity == 2) {
			flags.add(DataFlag.SOURCE_AGGREGATE);
		}
		ReportDraft draft = new ReportDraft(type.type().code(),
				new ReportDraft.When(start.toString(), end.toString(), timePrecision.name()),
				new ReportDraft.Where(latitude, longitude, locationPrecision.name(), null,
						row.text("where_coordinates"), row.text("adm_1"), row.text("adm_2")),
				row.text("side_a"), row.text("side_b"),
				new ReportDraft.CasualtiesDraft(
						total.low() == null && total.best() == null && total.high() == null ? null : total, actorSide,
						targetSide, civilians, unknown),
				narrative(headline, article), SOURCE.id(), id, null);
		return new Draft(draft, "ucdp:" + id, type.basis(), flags, UcdpPerpetrators.reading(typeOfViolence, headline,
				article, java.util.Arrays.asList(row.text("where_coordinates"), row.text("adm_2"))));
	}

	/** The headline and the citation, each labelled with what it is. */
	static String narrative(String headline, String article) {
		StringBuilder out = new StringBuilder();
		if (headline != null) {
			out.append("Headline: ").append(headline.strip());
		}
		if (article != null) {
			if (out.length() > 0) {
				out.append('\n');
			}
			out.append("Source article: ").append(article.strip());
		}
		return out.length() == 0 ? null : out.toString();
	}

}
