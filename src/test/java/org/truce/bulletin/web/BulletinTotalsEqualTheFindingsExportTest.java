package org.truce.bulletin.web;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.adjudication.application.ExportingFindings;
import org.truce.identity.model.Viewer;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.TheDemo;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Part 6 of issue 17 on the demo's record: a bulletin's totals equal the counts worked
 * out here, independently, from the findings export (the CSV that
 * {@code GET /api/exports/findings} and {@code truce export findings} write, here without
 * their row cap): each incident of the export whose {@code incident_start} falls in the
 * period (days in the scenario's zone) counted once by its most serious outcome, by party
 * ({@code possible_perpetrators} before {@code actor_id}), and by zone. For staff, and
 * for the public, whose bulletin and export are both cut to the published record.
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class BulletinTotalsEqualTheFindingsExportTest {

	private static RunningTruce truce;

	private static Http monitor;

	private static Http anyone;

	private static ZoneId zone;

	@BeforeAll
	static void theDemo(TheDemo demo) {
		truce = demo.truce();
		monitor = demo.as("monitor");
		anyone = truce.http();
		zone = ZoneId.of(anyone.get("/api/scenario").json().get("timeZone").asString());
	}

	@ParameterizedTest(name = "{0} {1} to {2}, as {3}")
	@CsvSource({ "syria-arrangement-2016-09, 2016-09-12, 2016-09-18, staff",
			"syria-arrangement-2016-09, 2016-09-12, 2016-09-18, public",
			"syria-coh-2016-02, 2016-03-01, 2016-03-31, staff", "syria-coh-2016-02, 2016-03-01, 2016-03-31, public",
			"aleppo-air-strike-halt-2016-10, 2016-10-18, 2016-11-17, staff" })
	void theBulletinsTotalsAreTheExportsCounts(String agreement, LocalDate from, LocalDate to, String reader)
			throws Exception {
		boolean staff = reader.equals("staff");
		Http.Response answer = (staff ? monitor : anyone)
			.get("/api/bulletins?agreement=" + agreement + "&from=" + from + "&to=" + to);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode bulletin = answer.json();

		Expected expected = fromExport(agreement, from, to,
				staff ? new Viewer(Viewer.Reach.FULL, Set.of(), "test") : Viewer.PUBLIC);
		if (staff) {
			assertThat(expected.worst).as("the demo holds incidents to count").hasSizeGreaterThan(5);
		}
		Map<String, Long> byOutcome = new LinkedHashMap<>();
		bulletin.get("byOutcome").properties().forEach(e -> byOutcome.put(e.getKey(), e.getValue().asLong()));
		assertThat(byOutcome).isEqualTo(expected.byOutcome());

		Map<String, Long> byParty = new TreeMap<>();
		bulletin.get("tables").get("by_party").forEach(r -> {
			String party = r.get("actor_id").asString() + "/" + r.get("attribution").asString();
			byParty.put(party, r.get("total").asLong() - r.get("not_assessed").asLong());
			byParty.put(party + "/VIOLATION", r.get("violation").asLong());
		});
		byParty.values().removeIf(n -> n == 0);
		assertThat(byParty).isEqualTo(expected.byParty);

		Map<String, Long> byZone = new TreeMap<>();
		bulletin.get("tables")
			.get("by_zone")
			.forEach(r -> byZone.put(r.get("zone_id").asString(),
					r.get("total").asLong() - r.get("not_assessed").asLong()));
		byZone.values().removeIf(n -> n == 0);
		assertThat(byZone).isEqualTo(expected.byZone);
	}

	/** What the export says, counted here. */
	record Expected(Map<String, String> worst, Map<String, Long> byParty, Map<String, Long> byZone) {

		Map<String, Long> byOutcome() {
			Map<String, Long> out = new LinkedHashMap<>();
			for (String o : List.of("VIOLATION", "UNDETERMINED", "NO_VIOLATION")) {
				out.put(o, this.worst.values().stream().filter(o::equals).count());
			}
			return out;
		}

	}

	static Expected fromExport(String agreement, LocalDate from, LocalDate to, Viewer viewer) throws Exception {
		ByteArrayOutputStream csv = new ByteArrayOutputStream();
		truce.bean(ExportingFindings.class).exportCsv(agreement, csv, viewer);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv.toString(StandardCharsets.UTF_8)))
			.getRecords();
		Map<String, String> worst = new HashMap<>();
		Map<String, Set<String>> possible = new HashMap<>();
		Map<String, Set<String>> actors = new HashMap<>();
		Map<String, Set<String>> zones = new HashMap<>();
		Map<String, Boolean> withheld = new HashMap<>();
		List<String> severity = List.of("NO_VIOLATION", "UNDETERMINED", "VIOLATION");
		for (CSVRecord r : rows) {
			LocalDate day = Instant.parse(r.get("incident_start")).atZone(zone).toLocalDate();
			if (day.isBefore(from) || day.isAfter(to)) {
				continue;
			}
			String id = r.get("incident_id");
			worst.merge(id, r.get("outcome"), (a, b) -> severity.indexOf(a) >= severity.indexOf(b) ? a : b);
			possible.computeIfAbsent(id, k -> new TreeSet<>()).addAll(split(r.get("possible_perpetrators")));
			actors.computeIfAbsent(id, k -> new TreeSet<>()).addAll(split(r.get("actor_id")));
			zones.computeIfAbsent(id, k -> new TreeSet<>()).addAll(split(r.get("zones")));
			withheld.merge(id, r.get("reasons").contains("LOCATION_WITHHELD:"), Boolean::logicalOr);
		}
		Map<String, Long> byParty = new TreeMap<>();
		Map<String, Long> byZone = new TreeMap<>();
		for (String id : worst.keySet()) {
			List<String> parties = !possible.get(id).isEmpty()
					? possible.get(id).stream().map(p -> p + "/ONE_OF").toList()
					: !actors.get(id).isEmpty() ? actors.get(id).stream().map(x -> x + "/ATTRIBUTED").toList()
							: List.of("(unknown)/UNKNOWN");
			for (String party : parties) {
				byParty.merge(party, 1L, Long::sum);
				if (worst.get(id).equals("VIOLATION")) {
					byParty.merge(party + "/VIOLATION", 1L, Long::sum);
				}
			}
			if (withheld.get(id)) {
				byZone.merge("(withheld)", 1L, Long::sum);
			}
			else if (zones.get(id).isEmpty()) {
				byZone.merge("(none)", 1L, Long::sum);
			}
			else {
				zones.get(id).forEach(z -> byZone.merge(z, 1L, Long::sum));
			}
		}
		return new Expected(worst, byParty, byZone);
	}

	static List<String> split(String cell) {
		return cell.isEmpty() ? List.of() : List.of(cell.split(";"));
	}

}
