package org.truce.report.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.ledger.application.Ledger;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A monitor sends an ACLED file to {@code POST /api/imports/acled}: the answer counts the
 * rows and says which names resolved to no single actor, and the import's ledger entry
 * shows everyone the counts but the names only to staff.
 */
class ImportingAnAcledFileOverHttpTest {

	private static final String FIXTURE = "acled/acled_syria_names_sample.csv";

	private static RunningTruce truce;

	private static Http monitor;

	private static Http.Response imported;

	@BeforeAll
	static void aMonitorImportsTheInventedAcledRows() throws IOException {
		truce = RunningTruce.sqlite(true);
		truce.register(
				new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
						List.of("Military Forces of Syria (2000-)", "Police Forces of Syria (2000-)")),
				new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null,
						List.of("Military Forces of Russia (2000-)")),
				new Actor("civilians", "Civilians", ActorType.CIVILIANS, null, List.of("Civilians (Syria)")));
		monitor = truce.http("monitor");
		byte[] file;
		try (InputStream in = ImportingAnAcledFileOverHttpTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
			file = in.readAllBytes();
		}
		imported = monitor.post("/api/imports/acled?name=acled-names.csv", "text/csv", file, false);
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void theAnswerCountsTheRowsAndNamesTheMostCommonUnresolvedNames() {
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		JsonNode body = imported.json();
		assertThat(body.get("fileName").asString()).isEqualTo("acled-names.csv");
		assertThat(body.get("counts").get("imported").asLong()).isEqualTo(10);
		assertThat(body.get("failed").asBoolean()).isFalse();
		JsonNode unresolved = body.get("unresolved");
		// Resolved here: the forces of Syria and Russia, the police and civilians. Not:
		// the
		// rest of the file's names, which this small registry lacks.
		assertThat(unresolved.get("actorRows").asLong()).isEqualTo(7);
		assertThat(unresolved.get("targetRows").asLong()).isEqualTo(5);
		JsonNode first = unresolved.get("actors").get(0);
		assertThat(first.get("name").asString()).isEqualTo("Unidentified Armed Group (Syria)");
		assertThat(first.get("rows").asLong()).isEqualTo(2);
		assertThat(first.get("status").asString()).isEqualTo("UNRESOLVED");
		assertThat(unresolved.get("targets").get(0).get("name").asString()).isEqualTo("Islamic State (Syria)");
		assertThat(unresolved.get("targets").get(0).get("rows").asLong()).isEqualTo(2);
		assertThat(unresolved.toString()).doesNotContain("Military Forces of Syria (2000-)\"")
			.doesNotContain("Military Forces of Russia");
	}

	@Test
	void theImportsLedgerEntryShowsEveryoneTheCountsAndOnlyStaffTheNames() {
		String id = imported.json().get("id").asString();
		long index = truce.bean(Ledger.class).indexOf("import", id).orElseThrow();
		String range = "/ledger/entries?start=" + index + "&end=" + (index + 1);

		JsonNode asPublic = truce.http().get(range).json().get(0);
		assertThat(asPublic.get("entry").asString()).contains("\"unresolvedActors\":{\"actorRows\":7,\"targetRows\":5}")
			.doesNotContain("Unidentified Armed Group");
		assertThat(asPublic.get("disclosures")).isEmpty();

		JsonNode asMonitor = monitor.get(range).json().get(0);
		assertThat(asMonitor.get("disclosures")).hasSize(1);
		assertThat(asMonitor.get("disclosures").get(0).get("group").asString()).isEqualTo("unresolvedNames");
		assertThat(asMonitor.get("disclosures").get(0).get("value").toString())
			.contains("Unidentified Armed Group (Syria)");
	}

	@Test
	void aFileWithARenamedColumnIsRefusedNamingItAndNothingIsRecorded() throws IOException {
		String file;
		try (InputStream in = ImportingAnAcledFileOverHttpTest.class.getClassLoader().getResourceAsStream(FIXTURE)) {
			file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String renamed = file.replaceFirst(",inter2,", ",inter_2,").replace("SYRN", "SYRQ");
		long entries = truce.bean(Ledger.class).size();
		long runs = truce.jdbc().sql("SELECT count(*) FROM imports").query(Long.class).single();

		Http.Response refused = monitor.post("/api/imports/acled?name=renamed.csv", "text/csv",
				renamed.getBytes(StandardCharsets.UTF_8), false);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.code()).isEqualTo("FIELD_REQUIRED");
		assertThat(refused.field()).isEqualTo("inter2");
		assertThat(refused.json().get("detail").asString()).contains("inter2").contains("nothing was imported");
		assertThat(truce.bean(Ledger.class).size()).isEqualTo(entries);
		assertThat(truce.jdbc().sql("SELECT count(*) FROM imports").query(Long.class).single()).isEqualTo(runs);
		assertThat(monitor.get("/api/reports?limit=1000").json().get("items").toString()).doesNotContain("SYRQ");
	}

	@Test
	void staffReadAndFilterByTheRowsOwnColumnsAndExportThemInAcledsLayoutWhileThePublicMayNot() {
		Http.Response civilians = monitor.get("/api/reports?inter=7&limit=1000");
		assertThat(civilians.status()).as(civilians.toString()).isEqualTo(200);
		JsonNode items = civilians.json().get("items");
		assertThat(items.size()).isPositive();
		for (JsonNode item : items) {
			JsonNode fields = item.get("sourceFields").get("values");
			assertThat(List.of(fields.get("inter1").asString(), fields.get("inter2").asString())).contains("7");
		}
		String id = items.get(0).get("id").asString();
		assertThat(monitor.get("/api/reports/" + id).json().get("sourceFields").get("format").asString())
			.isEqualTo("acled");

		Http anyone = truce.http();
		Http.Response refused = anyone.get("/api/reports?inter=7");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.field()).isEqualTo("inter");
		Http.Response mixed = monitor.get("/api/reports?inter=7&dyad=411");
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.code()).isEqualTo("INVALID_QUERY");

		Http.Response layout = monitor.get("/api/exports/reports?format=acled");
		assertThat(layout.status()).as(layout.toString()).isEqualTo(200);
		assertThat(layout.body()).startsWith("event_id_cnty,event_date,year,time_precision,").contains("SYRN0002,");
		assertThat(anyone.get("/api/exports/reports?format=acled").status()).isEqualTo(403);
	}

	@Test
	void aFileThatIsNotOfTheKindIsRefusedWithAProblemAndAnUnknownKindIsNotFound() {
		Http.Response notAcled = monitor.post("/api/imports/acled", "text/csv",
				"id,side_a,side_b\n1,a,b\n".getBytes(StandardCharsets.UTF_8), false);
		assertThat(notAcled.status()).isEqualTo(422);
		assertThat(notAcled.isProblem()).isTrue();
		assertThat(notAcled.code()).isEqualTo("FIELD_REQUIRED");
		assertThat(notAcled.field()).isEqualTo("event_id_cnty");
		assertThat(notAcled.json().get("detail").asString()).contains("the header lacks the ACLED columns");

		Http.Response unknown = monitor.post("/api/imports/gdelt", "text/csv", new byte[0], false);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.code()).isEqualTo("NOT_FOUND");

		Http.Response empty = monitor.post("/api/imports/acled", "text/csv", new byte[0], false);
		assertThat(empty.status()).isEqualTo(422);

		Http.Response badZone = monitor.post("/api/imports/acled?zone=Mars/Olympus", "text/csv", new byte[0], false);
		assertThat(badZone.status()).isEqualTo(422);
		assertThat(badZone.code()).isEqualTo("UNKNOWN_TIME_ZONE");
		assertThat(badZone.field()).isEqualTo("zone");
	}

}
