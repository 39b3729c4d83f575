package org.truce.agreement;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.DocumentError;
import org.truce.agreement.model.Dispute;
import org.truce.agreement.model.RouteDistances;
import org.truce.report.model.EquipmentClass;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agreement may state several disputed facts: its effective period (once) and a term's
 * distances from a route, each with its views. Their combinations are bounded
 * ({@link Agreement#MAX_COMBINATIONS}); the conformance cases in
 * {@code adjudication/several-disputed-facts.yaml} show the findings under them.
 */
class SeveralDisputedFactsTest {

	private final AgreementDocuments documents = new AgreementDocuments(
			new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY));

	private static final String HEAD = """
			id: disputed
			effective: {from: "2016-09-12T19:00:00+03:00"}
			parties: [a]
			zones:
			  - {id: road, route: [[37.10, 36.25], [37.20, 36.25]], widthMetres: 100}
			terms:
			  - id: withdrawal
			    text: Pull back.
			    prohibits: [weapons_in_restricted_area]
			    by: parties
			    against: anyone
			    distances: {from: road, left: north, right: south, metres: {north: {personnel: 1000}}}
			  - id: plain
			    text: A term.
			    prohibits: [shelling_artillery_missile_attack]
			    by: parties
			    against: anyone
			disputes:
			""";

	private static String end(String first, String second) {
		return """
				  - id: end-%s
				    fact: When it ended
				    views:
				      - {id: %s, label: Early, heldBy: [a], sources: [s], effective: {to: "2016-09-18T23:59:00+03:00"}}
				      - {id: %s, label: Late, heldBy: [b], sources: [s], effective: {to: "2016-10-03T23:59:00+03:00"}}
				""".formatted(first, first, second);
	}

	private static String distance(String term, String... views) {
		StringBuilder out = new StringBuilder("""
				  - id: distance-%s
				    fact: How far heavy weapons pulled back
				    term: %s
				    views:
				""".formatted(views[0], term));
		int metres = 1000;
		for (String view : views) {
			out.append(
					"      - {id: %s, label: %d m, heldBy: [a], sources: [s], metres: {north: {heavy_weapons: %d}}}\n"
						.formatted(view, metres, metres));
			metres += 1000;
		}
		return out.toString();
	}

	private AgreementDocuments.Parsed parse(String disputes) {
		return this.documents.parse("d.yaml", new StringReader(HEAD + disputes));
	}

	@Test
	void aPeriodAndATermsDistancesMayBothBeDisputed() {
		AgreementDocuments.Parsed parsed = parse(end("early", "late") + distance("withdrawal", "near", "far"));
		assertThat(parsed.errors()).isEmpty();
		Agreement a = parsed.agreement();
		assertThat(a.disputes()).extracting(Dispute::termId).containsExactly(null, "withdrawal");
		assertThat(a.combinations()).hasSize(4)
			.extracting(c -> String.join("+", c.stream().map(Dispute.View::id).toList()))
			.containsExactly("early+near", "early+far", "late+near", "late+far");
		Dispute.View far = a.view("far").orElseThrow();
		assertThat(far.distances().metres(RouteDistances.Side.LEFT, EquipmentClass.HEAVY_WEAPONS)).contains(2000.0);
		Agreement underFar = a.under(List.of(a.view("late").orElseThrow(), far));
		assertThat(underFar.terms().get(0).distances()).isEqualTo(far.distances());
		assertThat(underFar.terms().get(1)).isEqualTo(a.terms().get(1));
		assertThat(underFar.effective().end()).isEqualTo(a.view("late").orElseThrow().effective().end());
		assertThat(a.disputesOf(a.terms().get(1))).extracting(Dispute::id).containsExactly("end-early");
	}

	@Test
	void combinationsAreBoundedAndEachFactIsCheckedAtItsKey() {
		List<DocumentError> tooMany = parse(
				distance("withdrawal", "a1", "a2", "a3") + end("e1", "e2") + distance("withdrawal", "b1", "b2"))
			.errors();
		assertThat(tooMany).extracting(DocumentError::message)
			.anySatisfy(
					m -> assertThat(m).startsWith("the views of the disputed facts combine in 12 ways, more than 8"));
		assertThat(parse(end("e1", "e2") + end("e3", "e4")).errors()).extracting(DocumentError::message)
			.containsExactly("only one dispute over the effective period: state each view's start and end in it");
		assertThat(parse(distance("plain", "x", "y")).errors()).extracting(DocumentError::toString)
			.containsExactly("d.yaml:21:11: term 'plain' has no distances to dispute");
		assertThat(parse(distance("nope", "x", "y")).errors()).extracting(DocumentError::message)
			.containsExactly("term 'nope' is not defined in this agreement");
		assertThat(parse(distance("withdrawal", "x+y", "z")).errors()).extracting(DocumentError::message)
			.containsExactly("a view id may not contain '+', which joins the ids of views held together");
		assertThat(parse(end("e1", "e2") + distance("withdrawal", "e1", "z")).errors())
			.extracting(DocumentError::message)
			.containsExactly("view id 'e1' is used twice");
	}

}
