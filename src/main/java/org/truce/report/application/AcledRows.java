package org.truce.report.application;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;

import org.truce.report.model.Estimate;
import org.truce.report.model.EventType;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.WhoActed;
import org.truce.shared.ErrorCode;

/**
 * Rows of an ACLED export CSV (columns found by name, in any order and any case). Every
 * column the mapping reads or a reader filters by ({@link #REQUIRED}) must be in the
 * header; the whole row, those columns and every other one ({@code year},
 * {@code disorder_type}, {@code iso}, {@code admin3}, {@code source_scale}, {@code tags},
 * {@code timestamp}, ...), is kept verbatim as the report's
 * {@link org.truce.report.model.SourceFields}. A row of HXL hashtags under the header is
 * skipped.
 *
 * <p>
 * Mapping: {@code event_id_cnty} is the external id and the idempotency key
 * {@code acled:<event_id_cnty>}; {@code sub_event_type} is the event type (parsed by
 * {@link org.truce.report.model.EventType#parse}); {@code event_date} ({@code 2016-09-19}
 * or {@code 19 September 2016}) with {@code time_precision} is the time: 1, the day; 2,
 * the week, taken as the seven days centred on the date (ACLED codes the middle of the
 * week); 3, the month, taken as the whole calendar month of the date (ACLED codes its
 * middle, first or last day); {@code latitude}/{@code longitude} with
 * {@code geo_precision} ({@link LocationPrecision#ofAcled}) is the place, named by
 * {@code location}, {@code admin1} and {@code admin2}; {@code actor1} is the report's
 * actor and {@code actor2} its target, with who acted read as {@link #whoActed} says;
 * {@code fatalities} is the best estimate of the total; the narrative is {@code notes},
 * followed by the actors ACLED associates with each actor ({@code assoc_actor_1},
 * {@code assoc_actor_2}, semicolon-separated, kept as written and not resolved) and the
 * {@code source} line, each when there is one.
 *
 * <p>
 * Who acted, from ACLED's codebook (acleddata.com/knowledge-base/codebook, "Actors" and
 * "Interaction codes"; the same note is in the acledR package's data documentation):
 * "Actor 1 and Actor 2 do not imply directionality (e.g. attacker or defender)". So an
 * event naming two actors is {@link WhoActed#EITHER_SIDE}, as a battle is, unless
 * <ul>
 * <li>it is violence against civilians ({@code event_type} "Violence against civilians",
 * or a {@code sub_event_type} of that category), whose civilian victims ACLED codes as
 * Actor 2: then actor1 acted ({@link WhoActed#ACTOR}); or</li>
 * <li>{@code inter2} is 7, ACLED's code for civilians (for example an air strike that the
 * {@code civilian_targeting} column marks "Civilian targeting"): civilians are not coded
 * as the agents of political violence, so actor1 acted.</li>
 * </ul>
 * An event naming only actor1 says that actor1 acted.
 *
 * <p>
 * Dates are calendar days in the import's time zone (by default the scenario's).
 */
final class AcledRows implements RowFormat {

	static final Source SOURCE = new Source("acled", "Armed Conflict Location & Event Data (ACLED)", SourceKind.DATASET,
			Reliability.B);

	/**
	 * Every column Truce reads for a report (its narrative and who acted included) or
	 * lets readers filter by: a file lacking one, or naming it otherwise, is refused
	 * whole.
	 */
	static final List<String> REQUIRED = List.of("event_id_cnty", "event_date", "time_precision", "event_type",
			"sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
			"civilian_targeting", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source",
			"notes", "fatalities");

	private static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("eventType", "sub_event_type"),
			Map.entry("when", "event_date"), Map.entry("when.start", "event_date"), Map.entry("when.end", "event_date"),
			Map.entry("when.precision", "time_precision"), Map.entry("where", "latitude"),
			Map.entry("where.latitude", "latitude"), Map.entry("where.longitude", "longitude"),
			Map.entry("where.precision", "geo_precision"), Map.entry("where.placeName", "location"),
			Map.entry("where.admin1", "admin1"), Map.entry("where.admin2", "admin2"), Map.entry("actor", "actor1"),
			Map.entry("target", "actor2"), Map.entry("casualties", "fatalities"), Map.entry("narrative", "notes"),
			Map.entry("externalId", "event_id_cnty"), Map.entry("source", "source"));

	/** ACLED's inter code for civilians. */
	private static final String CIVILIANS_INTER_CODE = "7";

	private static final DateTimeFormatter LONG_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("d MMMM uuuu")
		.toFormatter(Locale.ENGLISH)
		.withResolverStyle(ResolverStyle.STRICT);

	@Override
	public String kind() {
		return "acled";
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
		String id = row.required("event_id_cnty");
		id = id == null ? null : id.trim();
		LocalDate date = date(row);
		Integer timePrecision = row.integer("time_precision", true);
		TimePrecision precision = timePrecision == null ? null : switch (timePrecision) {
			case 1 -> TimePrecision.DAY;
			case 2 -> TimePrecision.WEEK;
			case 3 -> TimePrecision.MONTH;
			default -> {
				row.invalid(ErrorCode.UNKNOWN_PRECISION, "time_precision", "acled", timePrecision);
				yield null;
			}
		};
		Integer geoPrecision = row.integer("geo_precision", true);
		LocationPrecision where = geoPrecision == null ? null : LocationPrecision.ofAcled(geoPrecision).orElse(null);
		if (geoPrecision != null && where == null) {
			row.invalid(ErrorCode.UNKNOWN_PRECISION, "geo_precision", "acled", geoPrecision);
		}
		Double latitude = row.decimal("latitude");
		Double longitude = row.decimal("longitude");
		Integer fatalities = row.integer("fatalities", false);
		if (!row.problems().isEmpty()) {
			return new Unreadable(row.problems());
		}
		LocalDate first = switch (precision) {
			case WEEK -> date.minusDays(3);
			case MONTH -> YearMonth.from(date).atDay(1);
			default -> date;
		};
		LocalDate last = switch (precision) {
			case WEEK -> date.plusDays(3);
			case MONTH -> YearMonth.from(date).atEndOfMonth();
			default -> date;
		};
		ReportDraft draft = new ReportDraft(row.text("sub_event_type"),
				new ReportDraft.When(first.toString(), last.toString(), precision.name()),
				new ReportDraft.Where(latitude, longitude, where.name(), null, row.text("location"), row.text("admin1"),
						row.text("admin2")),
				row.text("actor1"), row.text("actor2"),
				new ReportDraft.CasualtiesDraft(Estimate.best(fatalities), null, null, null, null),
				narrative(row.text("notes"), associated(row, "actor1", "assoc_actor_1"),
						associated(row, "actor2", "assoc_actor_2"), row.text("source")),
				SOURCE.id(), id, null);
		return new Draft(draft, "acled:" + id, null, Set.of(), WhoActedReading.stated(whoActed(row)));
	}

	/** Who acted, as the class Javadoc says. */
	static WhoActed whoActed(CsvRow row) {
		if (row.text("actor2") == null || row.text("actor1") == null) {
			return WhoActed.ACTOR;
		}
		String eventType = row.text("event_type");
		boolean againstCivilians = eventType != null && eventType.strip().equalsIgnoreCase("Violence against civilians")
				|| EventType.parse(row.text("sub_event_type"))
					.map(t -> t.category() == EventType.Category.VIOLENCE_AGAINST_CIVILIANS)
					.orElse(false);
		String inter2 = row.text("inter2");
		boolean actor2Civilians = inter2 != null && inter2.strip().equals(CIVILIANS_INTER_CODE);
		return againstCivilians || actor2Civilians ? WhoActed.ACTOR : WhoActed.EITHER_SIDE;
	}

	private static LocalDate date(CsvRow row) {
		String value = row.required("event_date");
		if (value == null) {
			return null;
		}
		String text = value.trim();
		try {
			return Character.isDigit(text.charAt(0)) && text.length() == 10 && text.charAt(4) == '-'
					? LocalDate.parse(text) : LocalDate.parse(text, LONG_DATE);
		}
		catch (DateTimeParseException ex) {
			row.invalid(ErrorCode.INVALID_VALUE, "event_date", "columnAcledDate", CsvRow.quote(value));
			return null;
		}
	}

	/**
	 * The narrative: the notes, then each column of associated actors that is filled, as
	 * ACLED wrote it (semicolons and all), then the source line.
	 */
	static String narrative(String notes, String associated1, String associated2, String source) {
		StringJoiner lines = new StringJoiner("\n");
		lines.setEmptyValue("");
		Stream.of(notes, associated1, associated2, source == null ? null : "ACLED source: " + source.strip())
			.filter(Objects::nonNull)
			.map(String::strip)
			.forEach(lines::add);
		String text = lines.toString();
		return text.isEmpty() ? null : text;
	}

	/**
	 * The line naming the actors ACLED associates with one of the two actors, or null
	 * when the column is absent or blank. Which of them acted is not inferred from it.
	 */
	private static String associated(CsvRow row, String actorColumn, String column) {
		String associated = row.text(column);
		if (associated == null) {
			return null;
		}
		return "ACLED " + column + " (associated with " + actorColumn + "): " + associated.strip();
	}

}
