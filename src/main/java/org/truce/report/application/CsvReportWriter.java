package org.truce.report.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.Estimate;
import org.truce.report.model.Location;
import org.truce.report.model.Report;
import org.truce.shared.Hxl;

/**
 * Writes reports as RFC 4180 CSV in UTF-8 (CRLF line ends, fields quoted when needed, so
 * narratives may hold commas, quotes and line breaks), one row per report and one column
 * per field: see {@link #HEADER}. Absent values are empty. Instants are ISO 8601 in UTC;
 * flags, candidates and other possible actors are separated by {@code ;}; attachments are
 * a JSON array. Who acted is kept apart from the names: {@code who_acted} is the kind
 * ({@code ACTOR}, {@code EITHER_SIDE}, {@code ONE_OF}), {@code who_acted_text} says it
 * for a reader ("one of X or Y (not known which)", "X (inferred: basis)"), and
 * {@code who_acted_basis} is the rule that inferred it, if any.
 *
 * <p>
 * Free-text columns (names, places, narrative, external id) that begin with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return get a leading {@code '} so
 * that a spreadsheet shows them as text instead of running them as formulas (CSV
 * injection). Numeric and coded columns are never altered.
 */
public final class CsvReportWriter implements ReportWriter {

	/** The columns, in order. */
	public static final List<String> HEADER = List.of("id", "event_type", "event_type_basis", "time_start", "time_end",
			"time_precision", "latitude", "longitude", "location_precision", "uncertainty_m", "place_name", "admin1",
			"admin2", "actor", "actor_id", "actor_status", "actor_candidates", "target", "target_id", "target_status",
			"target_candidates", "who_acted", "who_acted_text", "who_acted_basis", "also_possible", "equipment",
			"total_low", "total_best", "total_high", "actor_side_low", "actor_side_best", "actor_side_high",
			"target_side_low", "target_side_best", "target_side_high", "civilians_low", "civilians_best",
			"civilians_high", "unknown_low", "unknown_best", "unknown_high", "narrative", "source", "external_id",
			"attachments", "flags", "recorded_at");

	/**
	 * The columns for a reader who may not see sources: {@link #HEADER} without
	 * {@code source} and {@code external_id}.
	 */
	public static final List<String> HEADER_WITHOUT_SOURCES = HEADER.stream()
		.filter(c -> !c.equals("source") && !c.equals("external_id"))
		.toList();

	/**
	 * Each column's HXL hashtag, for {@code --hxl}. The acting and acted-on actors are
	 * the {@code first} and {@code second} group as the source listed them, never an
	 * attacker and a target: who acted is {@code #org+perpetrator}, read with its kind
	 * ({@code who_acted}: ACTOR, EITHER_SIDE or ONE_OF), so that "one of X or Y" is never
	 * tagged as X.
	 */
	public static final Map<String, String> HXL = Map.ofEntries(Map.entry("id", "#event+id"),
			Map.entry("event_type", "#event+type"), Map.entry("event_type_basis", "#event+type+basis"),
			Map.entry("time_start", "#date+start"), Map.entry("time_end", "#date+end"),
			Map.entry("time_precision", "#date+precision"), Map.entry("latitude", "#geo+lat"),
			Map.entry("longitude", "#geo+lon"), Map.entry("location_precision", "#geo+precision"),
			Map.entry("uncertainty_m", "#geo+uncertainty_m"), Map.entry("place_name", "#loc+name"),
			Map.entry("admin1", "#adm1+name"), Map.entry("admin2", "#adm2+name"),
			Map.entry("actor", "#group+name+first"), Map.entry("actor_id", "#group+id+first"),
			Map.entry("actor_status", "#group+status+first"), Map.entry("actor_candidates", "#group+candidates+first"),
			Map.entry("target", "#group+name+second"), Map.entry("target_id", "#group+id+second"),
			Map.entry("target_status", "#group+status+second"),
			Map.entry("target_candidates", "#group+candidates+second"), Map.entry("who_acted", "#org+perpetrator+kind"),
			Map.entry("who_acted_text", "#org+perpetrator"), Map.entry("who_acted_basis", "#org+perpetrator+basis"),
			Map.entry("also_possible", "#org+perpetrator+possible"), Map.entry("equipment", "#x_equipment+class"),
			Map.entry("total_low", "#affected+killed+min"), Map.entry("total_best", "#affected+killed"),
			Map.entry("total_high", "#affected+killed+max"), Map.entry("actor_side_low", "#affected+killed+first+min"),
			Map.entry("actor_side_best", "#affected+killed+first"),
			Map.entry("actor_side_high", "#affected+killed+first+max"),
			Map.entry("target_side_low", "#affected+killed+second+min"),
			Map.entry("target_side_best", "#affected+killed+second"),
			Map.entry("target_side_high", "#affected+killed+second+max"),
			Map.entry("civilians_low", "#affected+killed+civilians+min"),
			Map.entry("civilians_best", "#affected+killed+civilians"),
			Map.entry("civilians_high", "#affected+killed+civilians+max"),
			Map.entry("unknown_low", "#affected+killed+status_unknown+min"),
			Map.entry("unknown_best", "#affected+killed+status_unknown"),
			Map.entry("unknown_high", "#affected+killed+status_unknown+max"), Map.entry("narrative", "#description"),
			Map.entry("source", "#meta+source+id"), Map.entry("external_id", "#meta+id+external"),
			Map.entry("attachments", "#meta+attachments"), Map.entry("flags", "#meta+flags"),
			Map.entry("recorded_at", "#date+recorded"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BufferedWriter out;

	private final boolean withSources;

	private final boolean hxl;

	private CSVPrinter csv;

	/**
	 * @param withSources false to leave out the {@code source} and {@code external_id}
	 * columns, for a reader who may not see them
	 * @param hxl true to write a row of HXL hashtags ({@link #HXL}) under the header
	 */
	public CsvReportWriter(OutputStream out, boolean withSources, boolean hxl) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		this.withSources = withSources;
		this.hxl = hxl;
	}

	@Override
	public void begin() throws IOException {
		this.csv = new CSVPrinter(this.out, CSVFormat.RFC4180);
		List<String> header = this.withSources ? HEADER : HEADER_WITHOUT_SOURCES;
		this.csv.printRecord(header);
		if (this.hxl) {
			this.csv.printRecord(Hxl.row(header, HXL));
		}
	}

	@Override
	public void write(Report r) throws IOException {
		Location where = r.where();
		List<Object> row = new ArrayList<>(HEADER.size());
		row.add(r.id());
		row.add(r.eventType().code());
		row.add(r.eventTypeBasis());
		row.add(r.when().start());
		row.add(r.when().end());
		row.add(r.when().precision().name());
		row.add(number(where.latitude()));
		row.add(number(where.longitude()));
		row.add(where.precision().name());
		row.add(number(where.uncertaintyMetres()));
		row.add(text(where.placeName()));
		row.add(text(where.admin1()));
		row.add(text(where.admin2()));
		actor(row, r.actor());
		actor(row, r.target());
		row.add(r.whoActed().kind().name());
		row.add(text(r.whoActed().describe(r.actor(), r.target())));
		row.add(text(r.whoActed().basis()));
		row.add(text(r.whoActed()
			.alsoPossible()
			.stream()
			.map(ActorRef::asReported)
			.collect(Collectors.joining(";"))
			.transform(t -> t.isEmpty() ? null : t)));
		row.add(r.equipment() == null ? null : r.equipment().code());
		estimate(row, r.casualties().total());
		estimate(row, r.casualties().actorSide());
		estimate(row, r.casualties().targetSide());
		estimate(row, r.casualties().civilians());
		estimate(row, r.casualties().unknown());
		row.add(text(r.narrative()));
		if (this.withSources) {
			row.add(r.sourceId());
			row.add(text(r.externalId()));
		}
		row.add(r.attachments().isEmpty() ? null : JSON.writeValueAsString(r.attachments()));
		row.add(r.flags().stream().sorted().map(Enum::name).collect(Collectors.joining(";")));
		row.add(r.recordedAt());
		this.csv.printRecord(row);
	}

	@Override
	public void end() throws IOException {
		this.csv.flush();
	}

	private static void actor(List<Object> row, ActorRef ref) {
		row.add(ref == null ? null : text(ref.asReported()));
		row.add(ref == null ? null : ref.actorId());
		row.add(ref == null ? null : ref.status().name());
		row.add(ref == null ? null : String.join(";", ref.candidates()));
	}

	private static void estimate(List<Object> row, Estimate e) {
		row.add(e == null ? null : e.low());
		row.add(e == null ? null : e.best());
		row.add(e == null ? null : e.high());
	}

	/** Plain decimal notation, never an exponent. */
	private static String number(double d) {
		return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
	}

	static String text(String s) {
		if (s == null || s.isEmpty()) {
			return s;
		}
		char c = s.charAt(0);
		return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? "'" + s : s;
	}

}
