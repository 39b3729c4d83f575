package org.truce.report.application;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.Estimate;
import org.truce.report.model.Location;
import org.truce.report.model.Report;

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

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BufferedWriter out;

	private final boolean withSources;

	private CSVPrinter csv;

	/**
	 * @param withSources false to leave out the {@code source} and {@code external_id}
	 * columns, for a reader who may not see them
	 */
	public CsvReportWriter(OutputStream out, boolean withSources) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
		this.withSources = withSources;
	}

	@Override
	public void begin() throws IOException {
		this.csv = new CSVPrinter(this.out, CSVFormat.RFC4180);
		this.csv.printRecord(this.withSources ? HEADER : HEADER_WITHOUT_SOURCES);
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
