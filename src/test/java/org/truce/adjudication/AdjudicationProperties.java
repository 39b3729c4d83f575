package org.truce.adjudication;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.locationtech.jts.geom.Envelope;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRegistry;
import org.truce.adjudication.model.Adjudicator;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.Outcome;
import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.Term;
import org.truce.incident.model.Incident;
import org.truce.report.model.Casualties;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of adjudication, over random incidents against the agreement, actors and
 * control map of the seed-situations conformance case.
 */
class AdjudicationProperties {

	private static final Fixture FIXTURE = Fixture.load();

	private static final Instant FROM = Instant.parse("2016-09-01T00:00:00Z");

	private record Fixture(Agreement agreement, ActorRegistry actors, Adjudicator adjudicator) {

		static Fixture load() {
			try (InputStream in = Files
				.newInputStream(Paths.get("src/test/resources/adjudication/seed-situations.yaml"))) {
				JsonNode doc = YAMLMapper.builder().build().readTree(in);
				Agreement agreement = new AgreementDocuments((layer, ref) -> Optional.empty())
					.parse("seed-situations", new StringReader(doc.get("agreement").asString()))
					.agreement();
				ActorRegistry actors = AdjudicationConformanceTest.actors(doc.get("actors"));
				return new Fixture(agreement, actors,
						new Adjudicator(agreement, AdjudicationConformanceTest.controlMap(doc.get("control")), actors));
			}
			catch (java.io.IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	@Provide
	Arbitrary<Incident> incidents() {
		Arbitrary<EventType> types = Arbitraries.of(EventType.values());
		Arbitrary<Double> lat = Arbitraries.doubles().between(35.4, 36.8);
		Arbitrary<Double> lon = Arbitraries.doubles().between(36.2, 39.2);
		Arbitrary<LocationPrecision> precision = Arbitraries.of(LocationPrecision.values());
		Arbitrary<Long> startHours = Arbitraries.longs().between(0, 24 * 120);
		Arbitrary<Long> lengthHours = Arbitraries.longs().between(0, 24 * 40);
		Arbitrary<String> actor = Arbitraries
			.of(FIXTURE.actors()
				.all()
				.stream()
				.flatMap(
						a -> java.util.stream.Stream.concat(java.util.stream.Stream.of(a.name()), a.aliases().stream()))
				.toList())
			.injectNull(0.15);
		Arbitrary<String> target = Arbitraries.of("rebels", "ISIS", "Civilians", "Assad regime", "Unknown group")
			.injectNull(0.5);
		return Combinators.combine(types, lat, lon, precision, startHours, lengthHours, actor, target)
			.as((t, la, lo, p, s, len, a, tg) -> {
				Instant start = FROM.plus(Duration.ofHours(s));
				return new Incident("i", List.of(), List.of(), t,
						new TimeSpan(start, start.plus(Duration.ofHours(len)), TimePrecision.DAY),
						Location.of(la, lo, p, null), FIXTURE.actors().resolve(a), FIXTURE.actors().resolve(tg),
						Casualties.NONE);
			});
	}

	@Property(tries = 300)
	void movingAnIncidentOutsideEveryZoneNeverCreatesAViolationOfAZoneBoundTerm(@ForAll("incidents") Incident incident,
			@ForAll @DoubleRange(min = 0.5, max = 3) double degreesAway) {
		Envelope all = new Envelope();
		FIXTURE.agreement().zones().forEach(z -> all.expandToInclude(z.geometry().getEnvelopeInternal()));
		double lat = all.getMaxY() + degreesAway + incident.where().uncertaintyMetres() / 110_000;
		Incident moved = new Incident(incident.id(), incident.reportIds(), incident.externalIds(), incident.eventType(),
				incident.when(),
				Location.of(Math.min(lat, 89), incident.where().longitude(), incident.where().precision(), null),
				incident.actor(), incident.target(), incident.casualties());
		Map<String, Term> terms = FIXTURE.agreement()
			.terms()
			.stream()
			.collect(Collectors.toMap(Term::id, Function.identity()));
		for (Finding finding : FIXTURE.adjudicator().adjudicate(moved)) {
			if (!terms.get(finding.key().termId()).zoneIds().isEmpty()) {
				assertThat(finding.outcome()).as("%s", finding).isNotEqualTo(Outcome.VIOLATION);
			}
		}
	}

	@Property(tries = 300)
	void wideningLocationUncertaintyNeverMakesAFindingDefinite(@ForAll("incidents") Incident incident,
			@ForAll @DoubleRange(min = 1.0, max = 200.0) double factor) {
		Location w = incident.where();
		Incident wider = with(incident, incident.when(), new Location(w.latitude(), w.longitude(), w.precision(),
				w.uncertaintyMetres() * factor, null, null, null));
		assertWideningOnlyAddsUncertainty(incident, wider);
	}

	@Property(tries = 300)
	void wideningTimeUncertaintyNeverMakesAFindingDefinite(@ForAll("incidents") Incident incident,
			@ForAll @IntRange(min = 0, max = 24 * 60) int hoursEarlier,
			@ForAll @IntRange(min = 0, max = 24 * 60) int hoursLater) {
		TimeSpan t = incident.when();
		Incident wider = with(incident, new TimeSpan(t.start().minus(Duration.ofHours(hoursEarlier)),
				t.end().plus(Duration.ofHours(hoursLater)), TimePrecision.MONTH), incident.where());
		assertWideningOnlyAddsUncertainty(incident, wider);
	}

	@Property(tries = 300)
	void swappingInAnEquivalentAliasNeverChangesAFinding(@ForAll("incidents") Incident incident,
			@ForAll("spellings") Function<Actor, String> spelling) {
		if (incident.actor() == null || incident.actor().actorId() == null) {
			return;
		}
		Actor actor = FIXTURE.actors().byId(incident.actor().actorId()).orElseThrow();
		Incident swapped = new Incident(incident.id(), incident.reportIds(), incident.externalIds(),
				incident.eventType(), incident.when(), incident.where(),
				FIXTURE.actors().resolve(spelling.apply(actor)), incident.target(), incident.casualties());
		assertThat(outcomes(swapped)).isEqualTo(outcomes(incident));
	}

	@Provide
	Arbitrary<Function<Actor, String>> spellings() {
		return Arbitraries.of(a -> a.name(), a -> a.name().toUpperCase(),
				a -> a.aliases().isEmpty() ? a.name() : a.aliases().get(0),
				a -> a.aliases().isEmpty() ? a.id() : a.aliases().get(a.aliases().size() - 1), a -> a.id(),
				a -> a.name().replace("a", "á").replace(" ", "-"));
	}

	private static void assertWideningOnlyAddsUncertainty(Incident narrow, Incident wide) {
		Map<String, Outcome> before = outcomes(narrow);
		Map<String, Outcome> after = outcomes(wide);
		before.forEach((term, outcome) -> {
			assertThat(after).containsKey(term);
			if (outcome == Outcome.UNDETERMINED) {
				assertThat(after.get(term)).as("term %s", term).isEqualTo(Outcome.UNDETERMINED);
			}
			else {
				assertThat(after.get(term)).as("term %s", term).isIn(outcome, Outcome.UNDETERMINED);
			}
		});
	}

	private static Map<String, Outcome> outcomes(Incident incident) {
		return FIXTURE.adjudicator()
			.adjudicate(incident)
			.stream()
			.collect(Collectors.toMap(f -> f.key().termId(), Finding::outcome));
	}

	private static Incident with(Incident i, TimeSpan when, Location where) {
		return new Incident(i.id(), i.reportIds(), i.externalIds(), i.eventType(), when, where, i.actor(), i.target(),
				i.casualties());
	}

}
