package org.truce.scenario.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;

import org.truce.identity.application.DemoAccounts;
import org.truce.report.application.ImportProgress;
import org.truce.scenario.application.LoadingScenario;
import org.truce.scenario.application.Scenario;
import org.truce.testing.Http;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A second scenario, far from Syria: Tavuru, a made-up island in the South Pacific
 * ({@code src/test/resources/scenarios/fictional-tavuru/}). Pointed at its folder, Truce
 * loads it and serves its actors, reports, boundaries and map, with no code of its own.
 */
class AFictionalIslandScenarioLoadsAndServesTest {

	/** The island and the atoll beside it. */
	static final Envelope TAVURU = new Envelope(-150.45, -149.2, -35.35, -34.5);

	static RunningTruce truce;

	static List<String> summary;

	static Http http;

	@BeforeAll
	static void loadTavuru() {
		truce = RunningTruce.sqlite(true, Map.of("truce.scenario", "classpath:scenarios/fictional-tavuru/"));
		summary = truce.bean(LoadingScenario.class).load(truce.bean(Scenario.class), ImportProgress.NONE);
		http = truce.http();
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void everyPartOfTheScenarioIsLoaded() {
		assertThat(summary).containsExactly("Actors: 3 registered from actors.yaml.",
				"Sources: ucdp-ged, wikipedia-current-events registered.",
				"Humanitarian notifications: the scenario has none.", summary.get(3),
				"Geography: 3 boundaries and 6 gazetteer places.", "News: the scenario has none.", summary.get(6));
		assertThat(summary.get(3)).startsWith(
				"Events: events/ucdp_ged_tavuru_2030.csv: 3 rows read, 3 imported, 0 already present, 0 rejected");
		assertThat(summary.get(6)).startsWith("Agreements: 1 agreements; findings: tavuru-truce-2030-03 ");
	}

	@Test
	void theMapOpensOnTheIslandWithItsOwnLayers() {
		JsonNode scenario = http.get("/api/scenario").json();

		assertThat(scenario.path("id").asString()).isEqualTo("fictional-tavuru");
		assertThat(scenario.path("timeZone").asString()).isEqualTo("Pacific/Tahiti");
		JsonNode centre = scenario.path("centre");
		assertThat(TAVURU.contains(centre.get(0).asDouble(), centre.get(1).asDouble())).as("centre %s", centre)
			.isTrue();
		assertThat(scenario.path("layers").values()).extracting(l -> l.path("name").asString())
			.containsExactly("tavuru-admin0", "tavuru-admin1", "islands");
		assertThat(scenario.path("layers").values()).extracting(l -> l.path("url").asString())
			.containsExactly("/layers/tavuru-admin0.geojson", "/layers/tavuru-admin1.geojson",
					"/layers/islands.geojson");
		assertThat(http.get("/").body()).contains("fictional-tavuru").doesNotContain("syria-admin");
	}

	@Test
	void itsLayersAreServedAndSyriasAreNot() {
		JsonNode provinces = http.get("/layers/tavuru-admin1.geojson").json();
		assertThat(provinces.path("features").values()).extracting(f -> f.path("properties").path("name").asString())
			.containsExactly("Kaharoa", "Motuiti");
		JsonNode islands = http.get("/layers/islands.geojson").json();
		assertThat(islands.path("features").values())
			.extracting(f -> f.path("properties").path("name").asString(), f -> f.path("properties").has("label"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Tavuru", false),
					org.assertj.core.groups.Tuple.tuple("Ariki Atoll", true));
		assertThat(http.get("/layers/syria-admin1.geojson").status()).isEqualTo(404);
	}

	@Test
	void itsBoundariesAndPlacesAreLookedUp() {
		JsonNode motuiti = http.get("/api/boundaries/TV02").json();
		assertThat(motuiti.path("properties").path("name").asString()).isEqualTo("Motuiti");
		JsonNode places = http.get("/api/places?q=Vaimoana").json();
		assertThat(places.path("items").values()).isNotEmpty()
			.allSatisfy(p -> assertThat(p.path("admin1Pcode").asString()).isEqualTo("TV02"));
	}

	@Test
	void itsDemoUsersAreBoundToItsActors() {
		List<DemoAccounts.Credential> users = truce.bean(DemoAccounts.class)
			.ensure(truce.dataDir(), truce.bean(Scenario.class).demoUsers());

		assertThat(users).extracting(DemoAccounts.Credential::username)
			.containsExactly("admin", "co-chair-pc", "monitor", "liaison-tv", "notifier");
		assertThat(users).extracting(c -> c.grant().actorId())
			.containsExactly(null, "pacific-concord", null, "tavuru-government", null);
	}

	@Test
	void itsActorsResolve() {
		JsonNode front = http.get("/api/actors/resolve?name=MLF").json();
		assertThat(front.path("resolution").path("actorId").asString()).isEqualTo("motuiti-front");
		JsonNode government = http.get("/api/actors/resolve?name=Tavuru%20Defence%20Force").json();
		assertThat(government.path("resolution").path("actorId").asString()).isEqualTo("tavuru-government");
	}

	@Test
	void itsReportsAreServedOnTheIslandWithTheirActorsResolved() {
		JsonNode points = http.get("/api/map/reports").json();
		assertThat(points.path("features").values()).hasSize(3).allSatisfy(f -> {
			JsonNode xy = f.path("geometry").path("coordinates");
			assertThat(TAVURU.contains(xy.get(0).asDouble(), xy.get(1).asDouble())).as("point %s", xy).isTrue();
		});
		JsonNode reports = http.get("/api/reports").json();
		assertThat(reports.path("items").values()).hasSize(3)
			.extracting(r -> r.path("actor").path("actorId").asString())
			.containsOnly("tavuru-government", "motuiti-front");
	}

}
