package org.truce.actor.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report that names an actor in Cyrillic or Arabic script resolves to that actor, and
 * the report, its panel, its incident's findings and the actor API say how (issue 18).
 */
class NamesAcrossScriptsOverHttpTest {

	private static RunningTruce truce;

	private static Http monitor;

	@BeforeAll
	static void aServerWithLavrovKnownByHisLatinAndArabicNames() throws IOException {
		truce = RunningTruce.sqlite(true, Map.of("truce.clustering.background", "true"));
		truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of()),
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, List.of()),
					new Actor("sergei-lavrov", "Sergei Lavrov", ActorType.OTHER, "russia", List.of(), List.of(),
							Map.of("ar", "سيرغي لافروف")),
					new Actor("bashar-al-assad", "Bashar al-Assad", ActorType.OTHER, "syria-government", List.of(),
							List.of(), Map.of("ar", "بشار الأسد", "ru", "Башар Асад"))));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		try (InputStream in = NamesAcrossScriptsOverHttpTest.class.getClassLoader()
			.getResourceAsStream("scenarios/syria-2016/agreements/aleppo-pause-2016-10.yaml")) {
			assertThat(truce.bean(AgreementCatalogue.class)
				.load("aleppo-pause-2016-10.yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8))
				.errors()).isEmpty();
		}
		monitor = truce.http("monitor");
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void aReportNamingLavrovInArabicResolvesToHimAsHisArabicName() {
		JsonNode report = monitor.get("/api/reports/" + submit("سيرغي لافروف", "2016-10-20T09:00:00+03:00")).json();

		JsonNode actor = report.get("actor");
		assertThat(actor.get("asReported").asString()).isEqualTo("سيرغي لافروف");
		assertThat(actor.get("actorId").asString()).isEqualTo("sergei-lavrov");
		assertThat(actor.get("status").asString()).isEqualTo("RESOLVED");
		assertThat(actor.get("match").get("how").asString()).isEqualTo("NAME");
		assertThat(actor.get("match").get("script").asString()).isEqualTo("Arabic");
	}

	@Test
	void aReportNamingLavrovInCyrillicResolvesByTransliterationAndItsFindingsSaySo() {
		String id = submit("Сергей Лавров", "2016-10-21T10:00:00+03:00");

		JsonNode actor = monitor.get("/api/reports/" + id).json().get("actor");
		assertThat(actor.get("asReported").asString()).isEqualTo("Сергей Лавров");
		assertThat(actor.get("actorId").asString()).isEqualTo("sergei-lavrov");
		assertThat(actor.get("match").get("how").asString()).isEqualTo("TRANSLITERATION");
		assertThat(actor.get("match").get("name").asString()).isEqualTo("Sergei Lavrov");
		assertThat(actor.get("match").get("key").asString()).isEqualTo("srglfrf");

		String panel = monitor.get("/reports/" + id + "/panel").body();
		assertThat(panel).contains("Сергей Лавров", "transliterated", "srglfrf");

		JsonNode findings = awaitFindings(id);
		JsonNode perpetrator = null;
		for (JsonNode finding : findings) {
			for (JsonNode reason : finding.get("reasons")) {
				if (reason.has("data") && reason.get("data").has("matchedBy")) {
					perpetrator = reason;
				}
			}
		}
		assertThat(perpetrator).as(findings.toString()).isNotNull();
		assertThat(perpetrator.get("data").get("matchedBy").asString()).isEqualTo("TRANSLITERATION");
		assertThat(perpetrator.get("data").get("matchedName").asString()).isEqualTo("Sergei Lavrov");
		assertThat(perpetrator.get("detail").asString()).contains("'Сергей Лавров'", "transliterated", "'srglfrf'");
	}

	@Test
	void aNameInAScriptWithNoMatchIsKeptVerbatimAndFlagged() {
		JsonNode report = monitor.get("/api/reports/" + submit("סרגיי לברוב", "2016-10-22T11:00:00+03:00")).json();

		assertThat(report.get("actor").get("asReported").asString()).isEqualTo("סרגיי לברוב");
		assertThat(report.get("actor").get("status").asString()).isEqualTo("UNRESOLVED");
		assertThat(report.get("actor").has("actorId")).isFalse();
		assertThat(report.get("flags").toString()).contains("ACTOR_UNRESOLVED");
	}

	@Test
	void theActorApiShowsNamesPerLanguageAndFindsAcrossScripts() {
		JsonNode all = monitor.get("/api/actors").json();
		JsonNode assad = null;
		for (JsonNode a : all) {
			if (a.get("id").asString().equals("bashar-al-assad")) {
				assad = a;
			}
		}
		assertThat(assad).isNotNull();
		assertThat(assad.get("names").get("en").asString()).isEqualTo("Bashar al-Assad");
		assertThat(assad.get("names").get("ar").asString()).isEqualTo("بشار الأسد");
		assertThat(assad.get("names").get("ru").asString()).isEqualTo("Башар Асад");

		for (String q : List.of("بشار الأسد", "Башар Асад", "Bashar al-Assad", "Bashar Asad")) {
			JsonNode found = monitor.get("/api/actors?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json();
			assertThat(found).as(q).hasSize(1);
			assertThat(found.get(0).get("id").asString()).as(q).isEqualTo("bashar-al-assad");
		}
		assertThat(monitor.get("/api/actors?q=" + URLEncoder.encode("北京", StandardCharsets.UTF_8)).json()).isEmpty();

		JsonNode resolved = monitor
			.get("/api/actors/resolve?name=" + URLEncoder.encode("Сергей Лавров", StandardCharsets.UTF_8))
			.json();
		assertThat(resolved.get("transliterationKey").asString()).isEqualTo("srglfrf");
		assertThat(resolved.get("resolution").get("actorId").asString()).isEqualTo("sergei-lavrov");
		assertThat(resolved.get("explanation").asString()).isEqualTo("'Сергей Лавров' matches no registered name as"
				+ " written; transliterated, it shares the key 'srglfrf' with the actor's registered Latin spelling"
				+ " 'Sergei Lavrov'.");
	}

	private static String submit(String actor, String at) {
		String json = "{\"eventType\": \"air_drone_strike\", \"when\": {\"start\": \"" + at
				+ "\", \"precision\": \"EXACT\"}, \"where\": {\"latitude\": 36.2100, \"longitude\": 37.1500,"
				+ " \"precision\": \"SURVEYED\"}, \"actor\": \"" + actor + "\", \"source\": \"monitors\","
				+ " \"narrative\": \"test\", \"externalId\": \"" + UUID.randomUUID() + "\"}";
		Http.Response r = monitor.postJson("/api/reports", json);
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asString();
	}

	private static JsonNode awaitFindings(String reportId) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		Http.Response last = null;
		while (System.nanoTime() < deadline) {
			// a report alone in its incident gives the incident its id
			last = monitor.get("/api/incidents/" + reportId + "/findings");
			if (last.status() == 200 && last.json().size() > 0) {
				return last.json();
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
		throw new AssertionError("no findings in time: " + last);
	}

}
