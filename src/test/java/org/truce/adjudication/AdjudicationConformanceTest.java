package org.truce.adjudication;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.model.Adjudicator;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.Reason;
import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.ControlMap;
import org.truce.agreement.model.Period;
import org.truce.incident.model.Attribution;
import org.truce.incident.model.Incident;
import org.truce.report.model.Casualties;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.Estimate;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.report.model.WhoActed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every adjudication conformance case in
 * {@code src/test/resources/adjudication/*.yaml}: an agreement, actors, a control map and
 * incidents, with the expected finding for each incident and term (outcome, and reason
 * codes and missing facts it must name). The case files document the format in their
 * comments.
 */
class AdjudicationConformanceTest {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@TestFactory
	Stream<DynamicTest> everyCaseGivesTheExpectedFindings() throws IOException {
		Path dir = Paths.get("src/test/resources/adjudication");
		List<Path> files;
		try (Stream<Path> list = Files.list(dir)) {
			files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).isNotEmpty();
		return files.stream().flatMap(this::cases);
	}

	private Stream<DynamicTest> cases(Path file) {
		JsonNode doc;
		try (InputStream in = Files.newInputStream(file)) {
			doc = YAML.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		AgreementDocuments.Parsed parsed = new AgreementDocuments((layer, ref) -> Optional.empty())
			.parse(file.getFileName() + "#agreement", new StringReader(doc.get("agreement").asString()));
		assertThat(parsed.errors()).as("agreement of %s", file).isEmpty();
		ActorRegistry actors = actors(doc.get("actors"));
		Adjudicator adjudicator = new Adjudicator(parsed.agreement(), controlMap(doc.get("control")), actors);
		List<DynamicTest> tests = new ArrayList<>();
		for (JsonNode expected : doc.get("expected")) {
			String incidentId = expected.get("incident").asString();
			String termId = expected.get("term").asString();
			JsonNode incidentNode = null;
			for (JsonNode i : doc.get("incidents")) {
				if (i.get("id").asString().equals(incidentId)) {
					incidentNode = i;
				}
			}
			Incident incident = incident(incidentNode, actors);
			tests.add(DynamicTest.dynamicTest(file.getFileName() + ": " + expected.get("case").asString(), () -> {
				List<Finding> findings = adjudicator.adjudicate(incident);
				String viewId = expected.has("view") ? expected.get("view").asString() : null;
				Optional<Finding> finding = findings.stream()
					.filter(f -> f.key().termId().equals(termId))
					.filter(f -> java.util.Objects.equals(f.key().viewId(), viewId))
					.findFirst();
				String outcome = expected.get("outcome").asString();
				if (outcome.equals("NOT_IN_FORCE")) {
					assertThat(finding).as("term %s should not be in force", termId).isEmpty();
					return;
				}
				assertThat(finding).as("a finding for term %s", termId).isPresent();
				Finding f = finding.get();
				assertThat(f.outcome().name()).as("outcome; reasons: %s", f.reasons()).isEqualTo(outcome);
				List<String> codes = f.reasons().stream().map(Reason::code).map(Enum::name).toList();
				for (JsonNode reason : optional(expected, "reasons")) {
					assertThat(codes).as("reasons").contains(reason.asString());
				}
				if (expected.has("possiblePerpetrators")) {
					List<String> ids = new ArrayList<>();
					expected.get("possiblePerpetrators").forEach(n -> ids.add(n.asString()));
					assertThat(f).isInstanceOf(Finding.Violation.class);
					assertThat(((Finding.Violation) f).possiblePerpetrators()).containsExactlyInAnyOrderElementsOf(ids);
				}
				else if (f instanceof Finding.Violation v) {
					assertThat(v.possiblePerpetrators()).as("a violation charged to one actor").isEmpty();
				}
				for (JsonNode missing : optional(expected, "missing")) {
					assertThat(f).isInstanceOf(Finding.Undetermined.class);
					assertThat(((Finding.Undetermined) f).missing().stream().map(Enum::name))
						.contains(missing.asString());
				}
				if (expected.has("data")) {
					for (Map.Entry<String, JsonNode> item : expected.get("data").properties()) {
						assertThat(f.reasons()).as("a reason with %s = %s", item.getKey(), item.getValue())
							.anySatisfy(
									r -> assertThat(r.data()).containsEntry(item.getKey(), item.getValue().asString()));
					}
				}
				assertThat(f.reasons()).allSatisfy(r -> assertThat(r.detail()).isNotBlank());
				if (expected.has("detail")) {
					assertThat(f.reasons()).as("a reason in these words")
						.anySatisfy(r -> assertThat(r.detail()).contains(expected.get("detail").asString()));
				}
			}));
		}
		return tests.stream();
	}

	private static Iterable<JsonNode> optional(JsonNode node, String field) {
		return node.has(field) ? node.get(field) : List.of();
	}

	static ActorRegistry actors(JsonNode list) {
		List<Actor> actors = new ArrayList<>();
		for (JsonNode a : list) {
			List<String> aliases = new ArrayList<>();
			optional(a, "aliases").forEach(n -> aliases.add(n.asString()));
			List<String> associatedWith = new ArrayList<>();
			optional(a, "associatedWith").forEach(n -> associatedWith.add(n.asString()));
			actors.add(new Actor(a.get("id").asString(), a.get("name").asString(),
					ActorType.valueOf(a.get("type").asString()), a.has("parent") ? a.get("parent").asString() : null,
					aliases, associatedWith));
		}
		return new ActorRegistry(actors);
	}

	static ControlMap controlMap(JsonNode list) {
		if (list == null) {
			return ControlMap.EMPTY;
		}
		List<ControlArea> areas = new ArrayList<>();
		for (JsonNode c : list) {
			areas.add(new ControlArea(c.get("id").asString(), c.get("actor").asString(), wkt(c.get("wkt").asString()),
					new Period(instant(c.get("from").asString()), c.has("to") ? instant(c.get("to").asString()) : null),
					"conformance case"));
		}
		return new ControlMap(areas);
	}

	static Incident incident(JsonNode i, ActorRegistry actors) {
		JsonNode when = i.get("when");
		JsonNode where = i.get("where");
		LocationPrecision precision = LocationPrecision.valueOf(where.get("precision").asString());
		double radius = where.has("uncertaintyMetres") ? where.get("uncertaintyMetres").asDouble()
				: precision.radiusMetres();
		Casualties casualties = i.has("civilianDeaths")
				? new Casualties(null, null, null, Estimate.best(i.get("civilianDeaths").asInt()), null)
				: Casualties.NONE;
		return new Incident(i.get("id").asString(), List.of(i.get("id").asString()), List.of(),
				EventType.parse(i.get("eventType").asString()).orElseThrow(),
				new TimeSpan(instant(when.get("start").asString()), instant(when.get("end").asString()),
						TimePrecision.valueOf(when.get("precision").asString())),
				new Location(where.get("lat").asDouble(), where.get("lon").asDouble(), precision, radius, null, null,
						null),
				i.has("actor") ? actors.resolve(i.get("actor").asString()) : null,
				i.has("target") ? actors.resolve(i.get("target").asString()) : null, casualties,
				Attribution.UNCONTESTED, whoActed(i.get("whoActed"), actors),
				i.has("equipment") ? EquipmentClass.parse(i.get("equipment").asString()).orElseThrow() : null);
	}

	/**
	 * {@code whoActed}: absent (the actor acted), {@code either_side}, or {@code {kind:
	 * one_of, alsoPossible: [names]}}.
	 */
	static WhoActed whoActed(JsonNode node, ActorRegistry actors) {
		if (node == null) {
			return WhoActed.ACTOR;
		}
		if (node.isString()) {
			return new WhoActed(WhoActed.Kind.valueOf(node.asString().toUpperCase(Locale.ROOT)), List.of(), null);
		}
		List<ActorRef> also = new ArrayList<>();
		optional(node, "alsoPossible").forEach(n -> also.add(actors.resolve(n.asString())));
		return new WhoActed(WhoActed.Kind.valueOf(node.get("kind").asString().toUpperCase(Locale.ROOT)), also, null);
	}

	static Instant instant(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

	static Geometry wkt(String text) {
		try {
			return new WKTReader().read(text);
		}
		catch (org.locationtech.jts.io.ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
