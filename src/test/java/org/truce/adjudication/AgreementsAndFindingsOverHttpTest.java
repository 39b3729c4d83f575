package org.truce.adjudication;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.ControlMapDocuments;
import org.truce.identity.application.ManagingUsers;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agreement, control-map and finding endpoints over real HTTP, on the Aleppo pause of
 * October 2016 and a fresh SQLite store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AgreementsAndFindingsOverHttpTest {

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	AgreementCatalogue agreements;

	@Autowired
	AdjudicatingIncidents adjudicating;

	@Autowired
	SubmittingReport submitting;

	@Autowired
	Sources sources;

	@Autowired
	ActorDirectory actors;

	@Autowired
	ManagingUsers users;

	@Autowired
	org.truce.ledger.application.Ledger ledger;

	/** A monitor's API token: monitors read every finding and the compliance clock. */
	private String token;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.data", () -> data.toString());
	}

	@BeforeEach
	void aleppoPauseWithAShellingDuringItAndOneAfter() throws IOException {
		if (!this.agreements.versions("aleppo-pause-2016-10").isEmpty()) {
			return;
		}
		this.actors.register(java.util.List.of(
				new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
						java.util.List.of("Syrian government")),
				new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, java.util.List.of("Russia"))));
		this.sources.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		this.agreements.replaceControlMap("control-2016.geojson",
				new ControlMapDocuments()
					.parse("control-2016.geojson", classpath("scenarios/syria-2016/control/control-2016.geojson"))
					.areas());
		AgreementCatalogue.Loaded loaded = this.agreements.load("aleppo-pause-2016-10.yaml",
				classpath("scenarios/syria-2016/agreements/aleppo-pause-2016-10.yaml"));
		assertThat(loaded.errors()).isEmpty();
		this.submitting.submit(shelling("2016-10-21T11:00:00+03:00", "shelling-during-pause"),
				org.truce.report.application.Submitter.record("test"), null, "a");
		this.submitting.submit(shelling("2016-10-25T11:00:00+03:00", "shelling-after-pause"),
				org.truce.report.application.Submitter.record("test"), null, "b");
		this.adjudicating.all();
	}

	private static ReportDraft shelling(String at, String externalId) {
		return new ReportDraft("shelling_artillery_missile_attack", new ReportDraft.When(at, null, "EXACT"),
				new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
				"Syrian government", null, null, "Shells struck the old city.", "monitors", externalId, null);
	}

	@Test
	void agreementsAreListedWithTheirVersionsAndTerms() throws Exception {
		JsonNode list = get("/api/agreements", 200);
		assertThat(list.findValuesAsString("id")).contains("aleppo-pause-2016-10");
		JsonNode pause = get("/api/agreements/aleppo-pause-2016-10", 200);
		assertThat(pause.get("terms").size()).isPositive();
		assertThat(pause.get("zones").get(0).get("definition").asString()).contains("neighbourhood");
		JsonNode zones = get("/api/agreements/aleppo-pause-2016-10/zones", 200);
		assertThat(zones.get("type").asString()).isEqualTo("FeatureCollection");
		assertThat(zones.get("features").get(0).get("geometry").get("type").asString()).contains("Polygon");
	}

	@Test
	void theApiGivesEveryTextOfATermWithItsLanguageAndWhetherItIsAuthentic() throws Exception {
		JsonNode pause = get("/api/agreements/aleppo-pause-2016-10", 200);
		assertThat(pause.get("languages").toString())
			.isEqualTo("[{\"lang\":\"ru\",\"authentic\":true},{\"lang\":\"en\",\"authentic\":false},"
					+ "{\"lang\":\"ar\",\"authentic\":false}]");
		JsonNode term = pause.get("terms").get(0);
		assertThat(term.get("text").asString()).startsWith("No air strikes and no shelling");
		assertThat(term.get("texts").findValuesAsString("lang")).containsExactly("ru", "en", "ar");
		assertThat(term.get("texts").get(0).get("text").asString()).startsWith("Никаких авиаударов");
		assertThat(term.get("texts").get(0).get("authentic").asBoolean()).isTrue();
		assertThat(term.get("texts").get(2).get("text").asString()).startsWith("لا غارات جوية");
		assertThat(term.get("texts").get(2).get("authentic").asBoolean()).isFalse();
	}

	@Test
	void theTextsInEveryLanguageArePartOfTheLedgersAgreementVersionEntry() {
		long index = this.ledger.indexOf("agreement-version", "aleppo-pause-2016-10@1").orElseThrow();
		var entry = this.ledger.entries(index, index + 1).get(0);
		String document = this.json.readTree(entry.canonicalJson()).get("body").get("document").asString();
		assertThat(document).contains("Никаких авиаударов и обстрелов").contains("authentic: [ru]");
		assertThat(org.truce.ledger.model.MerkleHashes.leafHash(entry.canonicalJson().getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(entry.leafHash());
	}

	@Test
	void theFindingsPanelShowsATermInTheReadersLanguageWithTheOthersOneClickAway() throws Exception {
		String incident = get("/api/findings?agreement=aleppo-pause-2016-10&outcome=VIOLATION", 200).get("items")
			.get(0)
			.get("incident")
			.asString();
		String russian = page("/incidents/" + incident + "/findings/panel", "ru-RU,ru;q=0.9");
		assertThat(russian).contains("<span class=\"term-shown\" lang=\"ru\" dir=\"auto\">Никаких авиаударов")
			.contains("<summary>Другие языки (2)</summary>")
			.contains("<small>перевод (en)</small>")
			.doesNotContain("term-fallback");
		String arabic = page("/incidents/" + incident + "/findings/panel", "ar");
		assertThat(arabic).contains("<span class=\"term-shown\" lang=\"ar\" dir=\"auto\">لا غارات جوية")
			.contains("ترجمة (ar)")
			.contains("<small>نص ذو حجية (ru)</small>");
		String english = page("/incidents/" + incident + "/findings/panel", "en");
		assertThat(english).contains("lang=\"en\" dir=\"auto\">No air strikes and no shelling")
			.contains("translation (en)")
			.contains("<small>authentic (ru)</small>");
		// A language Truce does not speak is answered in English (docs/languages.md), so
		// the
		// term is shown as to an English reader; a term without a text in the reader's
		// language falls back to an authentic one (AgreementTextsInSeveralLanguagesTest).
		String french = page("/incidents/" + incident + "/findings/panel", "fr");
		assertThat(french).isEqualTo(english);
	}

	private String page(String path, String acceptLanguage) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + RunningTruce.token(this.users, "monitor"))
				.header("Accept-Language", acceptLanguage)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aShellingInsideTheCityDuringThePauseIsAViolationWithReasons() throws Exception {
		JsonNode findings = get("/api/findings?agreement=aleppo-pause-2016-10&outcome=VIOLATION", 200);
		assertThat(findings.get("items").size()).isPositive();
		JsonNode violation = findings.get("items").get(0);
		assertThat(violation.get("externalIds").get(0).asString()).isEqualTo("shelling-during-pause");
		assertThat(violation.get("reasons").findValuesAsString("code")).contains("INSIDE_ZONE", "PERPETRATOR_BOUND",
				"TERM_IN_FORCE");
		String incident = violation.get("incident").asString();
		JsonNode forIncident = get("/api/incidents/" + incident + "/findings", 200);
		assertThat(forIncident.findValuesAsString("outcome")).contains("VIOLATION");
		JsonNode byActor = get("/api/findings?agreement=aleppo-pause-2016-10&actor=Syrian%20government", 200);
		assertThat(byActor.get("items").size()).isPositive();
	}

	@Test
	void theShellingAfterThePauseHasNoFindingUnderIt() throws Exception {
		JsonNode all = get("/api/findings?agreement=aleppo-pause-2016-10&limit=1000", 200);
		assertThat(all.get("items").size()).isPositive();
		for (JsonNode item : all.get("items")) {
			assertThat(item.get("externalIds").get(0).asString()).isNotEqualTo("shelling-after-pause");
		}
	}

	@Test
	void controlAreasAndMingledAreasAreGeoJson() throws Exception {
		JsonNode control = get("/api/control-areas?at=2016-10-21", 200);
		assertThat(control.get("features").size()).isPositive();
		JsonNode mingled = get("/api/agreements/aleppo-pause-2016-10/mingled", 200);
		assertThat(mingled.get("type").asString()).isEqualTo("FeatureCollection");
	}

	@Test
	void unknownAgreementsAndBadFiltersAreProblems() throws Exception {
		JsonNode missing = get("/api/agreements/no-such-agreement", 404);
		assertThat(missing.get("code").asString()).isEqualTo("NOT_FOUND");
		JsonNode badOutcome = get("/api/findings?outcome=MAYBE", 400);
		assertThat(badOutcome.get("code").asString()).isEqualTo("INVALID_QUERY");
		JsonNode badActor = get("/api/findings?actor=Nobody%20At%20All", 400);
		assertThat(badActor.get("field").asString()).isEqualTo("actor");
		JsonNode noClock = get("/api/agreements/aleppo-pause-2016-10/clock?at=2016-10-21", 422);
		assertThat(noClock.get("code").asString()).isEqualTo("INVALID_VALUE");
	}

	private JsonNode get(String path, int status) throws Exception {
		if (this.token == null) {
			this.token = RunningTruce.token(this.users, "monitor");
		}
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Authorization", "Bearer " + this.token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(status);
		return this.json.readTree(response.body());
	}

	private static String classpath(String resource) throws IOException {
		try (InputStream in = AgreementsAndFindingsOverHttpTest.class.getClassLoader().getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
