package org.truce.scenario.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each dataset's own actor names resolve through the aliases of
 * {@code scenarios/syria-2016/actors.yaml}: every side of the shipped UCDP file, and
 * ACLED's names for the actors the file lists.
 */
class ResolvingTheDatasetsNamesInTheSyriaScenarioTest {

	private static final String ACTORS = "scenarios/syria-2016/actors.yaml";

	private static final String UCDP = "scenarios/syria-2016/events/ucdp_ged_syria_2016.csv";

	private final ActorRegistry registry = new ActorRegistry(ActorsLoader.read(new ClassPathResource(ACTORS)));

	@Test
	void everyUcdpSideNameResolvesToExactlyOneActorThatListsItsUcdpId() throws IOException {
		Map<String, Integer> sides = new TreeMap<>();
		try (Reader reader = new InputStreamReader(new ClassPathResource(UCDP).getInputStream(),
				StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			for (CSVRecord row : parser) {
				sides.put(row.get("side_a"), Integer.valueOf(row.get("side_a_new_id")));
				sides.put(row.get("side_b"), Integer.valueOf(row.get("side_b_new_id")));
			}
		}
		Map<String, List<Integer>> ucdpIds = new TreeMap<>();
		entries().forEach(e -> ucdpIds.put(e.id(), e.ucdpIds() == null ? List.of() : e.ucdpIds()));

		assertThat(sides).hasSizeGreaterThan(30);
		sides.forEach((name, ucdpId) -> {
			ActorRef ref = this.registry.resolve(name);
			assertThat(ref.status()).as(name).isEqualTo(ActorRef.ResolutionStatus.RESOLVED);
			assertThat(ucdpIds.get(ref.actorId())).as(name + " -> " + ref.actorId()).contains(ucdpId);
		});
	}

	@Test
	void acledsNamesOfTheScenariosActorsResolve() {
		Map<String, String> expected = new TreeMap<>();
		expected.put("Military Forces of Syria (2000-)", "syria-government");
		expected.put("Military Forces of Syria (2000-2024)", "syria-government");
		expected.put("Police Forces of Syria (2000-)", "syria-government");
		expected.put("Military Forces of Syria (2000-) Syrian Arab Air Force", "syrian-air-force");
		expected.put("Military Forces of Russia (2000-)", "russia");
		expected.put("Military Forces of Turkey (2016-)", "turkey-government");
		expected.put("Military Forces of Turkey (2002-2016)", "turkey-government");
		expected.put("Military Forces of Israel (2009-)", "israel-government");
		expected.put("Military Forces of the United States (2009-2017)", "united-states");
		expected.put("Islamic State (Syria)", "islamic-state");
		expected.put("Civilians (Syria)", "civilians");
		expected.put("Hayat Tahrir al Sham", "jabhat-fateh-al-sham");
		expected.put("HTS: Hayat Tahrir al Sham", "jabhat-fateh-al-sham");
		expected.put("Jabhat Fateh al Sham", "jabhat-fateh-al-sham");
		expected.put("NDF: National Defence Forces", "ndf");
		expected.put("QDW: National Defense Forces", "ndf");
		expected.put("QSD: Syrian Democratic Forces", "sdf");
		expected.put("YPG: Peoples Protection Units", "ypg");
		expected.put("TIP: Turkistan Islamic Party", "etim");
		expected.put("JaS: Levant Front", "levant-front");
		expected.put("Opposition Rebels (Syria)", "syrian-insurgents");
		expected.put("Global Coalition Against Daesh", "us-led-coalition");
		expected.put("Hezbollah", "hezbollah");

		expected.forEach((name, id) -> assertThat(this.registry.resolve(name)).as(name)
			.usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved(name, id)));
	}

	@Test
	void acledsNamesForAnUnknownOrUndecidedActorStayUnresolved() {
		for (String name : List.of("Unidentified Armed Group (Syria)", "Unidentified Military Forces",
				"Allied Syrian and/or Russian Forces", "Military Forces of Syria (2024-)", "Civilians (Iraq)",
				"Military Forces of Syria (2000-) Prison Guards")) {
			assertThat(this.registry.resolve(name)).as(name).isEqualTo(ActorRef.unresolved(name));
		}
	}

	@Test
	void noNameIsClaimedByTwoActors() {
		assertThat(this.registry.ambiguousKeys()).isEmpty();
	}

	private static List<ActorsLoader.Entry> entries() {
		try (InputStream in = new ClassPathResource(ACTORS).getInputStream()) {
			return YAMLMapper.builder().build().readValue(in, ActorsLoader.ActorsFile.class).actors();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
