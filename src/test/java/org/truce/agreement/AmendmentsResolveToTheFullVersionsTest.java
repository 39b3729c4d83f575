package org.truce.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.DocumentError;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions 2 to 6 of the February cessation are amendments: each names the version it
 * amends and lists only its changes. Resolved, each is the agreement its full copy was
 * (kept in test resources, as they stood before the conversion), parsed value for parsed
 * value. And an amendment that names what does not exist is refused, at the key path.
 */
class AmendmentsResolveToTheFullVersionsTest {

	private static final String SCENARIO = "scenarios/syria-2016/agreements/";

	private static final String FULL_COPIES = "agreements/syria-coh-2016-02-full-copies/";

	private final AgreementDocuments documents = new AgreementDocuments(
			new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY));

	private static String classpath(String path) {
		try (InputStream in = AmendmentsResolveToTheFullVersionsTest.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> scenarioVersions() {
		return List.of(classpath(SCENARIO + "syria-coh-2016-02.yaml"),
				classpath(SCENARIO + "syria-coh-2016-02-v2.yaml"), classpath(SCENARIO + "syria-coh-2016-02-v3.yaml"),
				classpath(SCENARIO + "syria-coh-2016-02-v4.yaml"), classpath(SCENARIO + "syria-coh-2016-02-v5.yaml"),
				classpath(SCENARIO + "syria-coh-2016-02-v6.yaml"));
	}

	private AgreementDocuments.Parsed parse(String name, String text, AgreementDocuments.EarlierVersions earlier) {
		return this.documents.parse(name, new StringReader(text), earlier);
	}

	@Test
	void eachAmendmentResolvesToTheFullCopyItReplaced() {
		AgreementDocuments.EarlierVersions earlier = AgreementDocuments.EarlierVersions.among(scenarioVersions());
		for (int version = 2; version <= 6; version++) {
			String name = "syria-coh-2016-02-v" + version + ".yaml";
			String amendment = classpath(SCENARIO + name);
			assertThat(AgreementDocuments.header(amendment).orElseThrow().amends()).as(name).isEqualTo(version - 1);
			AgreementDocuments.Parsed resolved = parse(name, amendment, earlier);
			AgreementDocuments.Parsed full = parse(name, classpath(FULL_COPIES + name),
					AgreementDocuments.EarlierVersions.NONE);
			assertThat(resolved.errors()).as(name).isEmpty();
			assertThat(full.errors()).as(name).isEmpty();
			Agreement a = resolved.agreement();
			Agreement b = full.agreement();
			assertThat(a.version()).isEqualTo(version);
			assertThat(a.terms()).as(name + " terms").isEqualTo(b.terms());
			assertThat(a.zones()).as(name + " zones").isEqualTo(b.zones());
			assertThat(a).as(name).isEqualTo(b);
		}
	}

	@Test
	void aChangeToVersionOneReachesEveryLaterVersion() {
		String v1 = scenarioVersions().get(0);
		String changed = v1.replaceFirst("(?m)^  - islamic-state\\b.*$", "  - islamic-state\n  - hurras-al-din");
		assertThat(changed).isNotEqualTo(v1);
		List<String> withChange = new java.util.ArrayList<>(scenarioVersions());
		withChange.set(0, changed);
		AgreementDocuments.EarlierVersions earlier = AgreementDocuments.EarlierVersions.among(withChange);
		AgreementDocuments.Parsed v6 = parse("v6.yaml", withChange.get(5), earlier);
		assertThat(v6.errors()).isEmpty();
		assertThat(v6.agreement().excluded()).contains("hurras-al-din");
	}

	private static final String V1 = """
			id: a
			effective: {from: "2016-02-27T00:00:00+02:00"}
			parties: [p, q]
			zones:
			  - id: z
			    polygon: {type: Polygon, coordinates: [[[36.4, 35.6], [36.9, 35.6], [36.9, 36.1], [36.4, 35.6]]]}
			terms:
			  - id: a/t
			    text: A term.
			    prohibits: [shelling_artillery_missile_attack]
			    by: parties
			    against: anyone
			""";

	private List<DocumentError> errorsOf(String amendment) {
		return parse("v2.yaml", amendment, AgreementDocuments.EarlierVersions.among(List.of(V1))).errors();
	}

	@Test
	void anAmendmentCanAddReplaceAndRemoveTermsAndZonesAndChangePartiesAndPeriods() {
		AgreementDocuments.Parsed parsed = parse("v2.yaml",
				"""
						id: a
						version: 2
						amends: 1
						inForceFrom: "2016-03-01T00:00:00+02:00"
						changes:
						  effective: {from: "2016-02-27T00:00:00+02:00", to: "2016-06-01T00:00:00+03:00", sources: [s]}
						  parties: {add: [r], remove: [q], sources: [s]}
						  declarations: {add: [{actor: r, accepted: "2016-03-01T00:00:00+02:00"}], sources: [s]}
						  zones:
						    remove: [{id: z, sources: [s]}]
						  terms:
						    replace:
						      - {id: a/t, text: Changed., prohibits: [air_drone_strike], by: parties, against: anyone, sources: [s]}
						    add:
						      - {id: a/u, text: New., prohibits: [air_drone_strike], by: parties, against: parties, sources: [s]}
						""",
				AgreementDocuments.EarlierVersions.among(List.of(V1)));
		assertThat(parsed.errors()).isEmpty();
		Agreement a = parsed.agreement();
		assertThat(a.version()).isEqualTo(2);
		assertThat(a.parties()).containsExactlyInAnyOrder("p", "r");
		assertThat(a.zones()).isEmpty();
		assertThat(a.terms()).extracting(t -> t.id() + ": " + t.text()).containsExactly("a/t: Changed.", "a/u: New.");
		assertThat(a.effective().end()).isNotNull();
		assertThat(a.declarations()).hasSize(1);
	}

	@Test
	void anAmendmentOfAnUnknownVersionIsRefusedAtItsKey() {
		List<DocumentError> errors = errorsOf("""
				id: a
				version: 3
				amends: 2
				inForceFrom: "2016-03-01T00:00:00+02:00"
				changes:
				  parties: {add: [r], sources: [s]}
				""");
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).line()).isEqualTo(3);
		assertThat(errors.get(0).message()).startsWith("amends: version 2 of a is not known");
		List<DocumentError> none = this.documents
			.parse("v2.yaml",
					new StringReader("id: a\nversion: 2\namends: 1\ninForceFrom: \"2016-03-01T00:00:00+02:00\""
							+ "\nchanges: {parties: {add: [r], sources: [s]}}\n"))
			.errors();
		assertThat(none).singleElement()
			.satisfies(e -> assertThat(e.message()).contains("version 1 of a is not known"));
	}

	@Test
	void removingOrReplacingATermThatDoesNotExistIsRefusedAtItsKeyPath() {
		List<DocumentError> errors = errorsOf(
				"""
						id: a
						version: 2
						amends: 1
						inForceFrom: "2016-03-01T00:00:00+02:00"
						changes:
						  terms:
						    remove: [{id: a/nope, sources: [s]}]
						    replace:
						      - {id: a/never, text: X., prohibits: [air_drone_strike], by: parties, against: anyone, sources: [s]}
						""");
		assertThat(errors).extracting(DocumentError::toString)
			.containsExactly("v2.yaml:7:19: changes.terms.remove[0]: no term 'a/nope' in version 1 to remove",
					"v2.yaml:9:9: changes.terms.replace[0]: no term 'a/never' in version 1 to replace");
	}

	@Test
	void everyChangeNamesItsSourcesAndAnAmendmentListsOnlyChanges() {
		List<DocumentError> errors = errorsOf("""
				id: a
				version: 2
				amends: 1
				inForceFrom: "2016-03-01T00:00:00+02:00"
				terms: []
				changes:
				  terms:
				    add:
				      - {id: a/u, text: New., prohibits: [air_drone_strike], by: parties, against: parties}
				""");
		assertThat(errors).extracting(DocumentError::message)
			.anySatisfy(m -> assertThat(m).startsWith("unknown key 'terms' in the amendment"))
			.anySatisfy(m -> assertThat(m)
				.isEqualTo("changes.terms.add[0]: needs 'sources', where the change is documented"));
		assertThat(errorsOf("""
				id: a
				version: 2
				amends: 2
				inForceFrom: "2016-03-01T00:00:00+02:00"
				changes: {parties: {add: [r], sources: [s]}}
				""")).extracting(DocumentError::message)
			.containsExactly("amends: an amendment amends an earlier version, from 1 to 1, not 2");
	}

}
