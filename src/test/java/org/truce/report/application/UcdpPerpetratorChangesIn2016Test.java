package org.truce.report.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.ClassPathResource;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.actor.model.ActorType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over the scenario's UCDP GED 2016 file, how the perpetrator of each event changed from
 * the old reading (side_a acted): by rule, printed for the record. Sides resolve through
 * the scenario's actors.yaml, as the demo resolves them.
 */
class UcdpPerpetratorChangesIn2016Test {

	@Test
	void everyEventIsCountedOnceAndTheTartousClaimChargesTheIslamicState() throws IOException {
		ActorRegistry actors = scenarioActors();
		Map<String, Integer> byRule = new TreeMap<>();
		List<String> inferred = new ArrayList<>();
		int rows = 0;
		WhoActedReading.Decision tartous = null;
		try (Reader in = new InputStreamReader(new ClassPathResource(UcdpFixture.REAL_FILE).getInputStream(),
				StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.builder()
					.setReader(in)
					.setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())
					.get()) {
			for (CSVRecord r : parser) {
				rows++;
				int type = Integer.parseInt(r.get("type_of_violence"));
				ActorRef a = actors.resolve(r.get("side_a"));
				ActorRef b = actors.resolve(r.get("side_b"));
				WhoActedReading.Decision d = UcdpPerpetrators
					.reading(type, r.get("source_headline"), r.get("source_article"),
							List.of(r.get("where_coordinates"), r.get("adm_2")))
					.decide(a, b);
				String key;
				if (type == 3) {
					key = "type 3: side_a acted (unchanged)";
				}
				else if (!d.inferred()) {
					key = "types 1-2: either side (dyad rule)";
				}
				else {
					String rule = d.whoActed().basis().replaceFirst("^ucdp: rule ([a-z-]+),.*", "$1");
					key = "types 1-2: rule " + rule + (d.swapped() ? ", side_b acted (swapped)" : ", side_a acted");
					inferred.add(r.get("id") + " " + rule + (d.swapped() ? " swapped" : ""));
				}
				byRule.merge(key, 1, Integer::sum);
				if (r.get("id").equals("240896")) {
					tartous = d;
				}
			}
		}
		System.out.println("UCDP GED 2016 events by who-acted rule (" + rows + " events):");
		byRule.forEach((k, v) -> System.out.println("  " + v + "\t" + k));
		System.out.println("Inferred: " + inferred);

		assertThat(byRule.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(rows);
		assertThat(tartous).isNotNull();
		assertThat(tartous.actor().actorId()).isEqualTo("islamic-state");
		assertThat(tartous.target().actorId()).isEqualTo("syria-government");
	}

	private static ActorRegistry scenarioActors() throws IOException {
		List<Actor> out = new ArrayList<>();
		try (InputStream in = new ClassPathResource("scenarios/syria-2016/actors.yaml").getInputStream()) {
			JsonNode doc = YAMLMapper.builder().build().readTree(in);
			for (JsonNode a : doc.get("actors")) {
				List<String> aliases = new ArrayList<>();
				if (a.has("aliases")) {
					a.get("aliases").forEach(n -> aliases.add(n.asString()));
				}
				out.add(new Actor(a.get("id").asString(), a.get("name").asString(),
						ActorType.valueOf(a.get("type").asString()),
						a.has("parent") && !a.get("parent").isNull() ? a.get("parent").asString() : null, aliases));
			}
		}
		return new ActorRegistry(out);
	}

}
