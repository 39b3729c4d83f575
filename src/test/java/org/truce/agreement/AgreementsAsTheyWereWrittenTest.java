package org.truce.agreement;

import java.io.StringReader;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.DocumentError;
import org.truce.agreement.model.Period;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agreement documents with daily windows, a disputed end with its views, and a zone drawn
 * around a boundary (issue 14, part 5), as their documents are read.
 */
class AgreementsAsTheyWereWrittenTest {

	private final AgreementDocuments documents = new AgreementDocuments(
			new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY));

	private static final String TERMS = """
			terms:
			  - id: t
			    text: A term.
			    prohibits: [shelling_artillery_missile_attack]
			    by: parties
			    against: anyone
			""";

	@Test
	void thePausesThreeDailyWindowsAreReadInDamascusTime() {
		AgreementDocuments.Parsed parsed = this.documents.parse("pause.yaml", new StringReader("""
				id: pause
				effective:
				  from: "2016-10-20T08:00:00+03:00"
				  to: "2016-10-22T19:00:00+03:00"
				  daily: {from: "08:00", to: "19:00", zone: Asia/Damascus}
				parties: [a]
				""" + TERMS));
		assertThat(parsed.errors()).isEmpty();
		Agreement pause = parsed.agreement();
		assertThat(pause.windows(pause.terms().get(0))).containsExactly(
				new Period(Instant.parse("2016-10-20T05:00:00Z"), Instant.parse("2016-10-20T16:00:00Z")),
				new Period(Instant.parse("2016-10-21T05:00:00Z"), Instant.parse("2016-10-21T16:00:00Z")),
				new Period(Instant.parse("2016-10-22T05:00:00Z"), Instant.parse("2016-10-22T16:00:00Z")));
	}

	@Test
	void dailyHoursFollowTheZonesChangeOfClocks() {
		// Syria left summer time on 28 October 2016: 08:00 local is 05:00 UTC before,
		// 06:00 after.
		AgreementDocuments.Parsed parsed = this.documents.parse("autumn.yaml", new StringReader("""
				id: autumn
				effective:
				  from: "2016-10-27T00:00:00+03:00"
				  to: "2016-10-29T23:00:00+02:00"
				  daily: {from: "08:00", to: "19:00", zone: Asia/Damascus}
				parties: [a]
				""" + TERMS));
		assertThat(parsed.errors()).isEmpty();
		Agreement a = parsed.agreement();
		assertThat(a.windows(a.terms().get(0))).extracting(Period::start)
			.containsExactly(Instant.parse("2016-10-27T05:00:00Z"), Instant.parse("2016-10-28T06:00:00Z"),
					Instant.parse("2016-10-29T06:00:00Z"));
	}

	@Test
	void faultsInDailyHoursAndDisputesAreReportedWithTheirLines() {
		AgreementDocuments.Parsed parsed = this.documents.parse("broken.yaml", new StringReader("""
				id: broken
				effective:
				  from: "2016-10-20T08:00:00+03:00"
				  daily: {from: "19:00", to: "08:00", zone: Mars/Olympus}
				disputes:
				  - id: end
				    fact: When it ended
				    views:
				      - id: only
				        label: The only view
				        heldBy: [a]
				        effective: {to: "2016-10-22T19:00:00+03:00"}
				parties: [a]
				""" + TERMS));
		assertThat(parsed.errors()).extracting(DocumentError::toString)
			.contains("broken.yaml:4:45: 'Mars/Olympus' is not a time zone, such as Asia/Damascus",
					"broken.yaml:4:10: daily hours must end after they start, on the same day",
					"broken.yaml:9:9: a view needs 'sources': where it is documented",
					"broken.yaml:6:5: a dispute needs two or more views");
	}

	@Test
	void dailyHoursNeedAnEnd() {
		AgreementDocuments.Parsed parsed = this.documents.parse("open.yaml", new StringReader("""
				id: open
				effective:
				  from: "2016-10-20T08:00:00+03:00"
				  daily: {from: "08:00", to: "19:00", zone: Asia/Damascus}
				parties: [a]
				""" + TERMS));
		assertThat(parsed.errors()).extracting(DocumentError::message)
			.containsExactly("daily hours need a period with an end ('to')");
	}

	@Test
	void aDisputedEndSpansEveryViewAndEachViewHoldsItsOwn() {
		AgreementDocuments.Parsed parsed = this.documents.parse("disputed.yaml", new StringReader("""
				id: disputed
				effective: {from: "2016-09-12T19:00:00+03:00"}
				disputes:
				  - id: end
				    fact: When it ended
				    views:
				      - id: army
				        label: Ended 18 September
				        heldBy: [syria-government]
				        sources: [SANA]
				        effective: {to: "2016-09-18T23:59:00+03:00"}
				      - id: us
				        label: Ended 3 October
				        heldBy: [united-states]
				        sources: [State Department]
				        effective: {to: "2016-10-03T23:59:00+03:00"}
				parties: [a]
				""" + TERMS));
		assertThat(parsed.errors()).isEmpty();
		Agreement a = parsed.agreement();
		assertThat(a.effective())
			.isEqualTo(new Period(Instant.parse("2016-09-12T16:00:00Z"), Instant.parse("2016-10-03T20:59:00Z")));
		assertThat(a.views()).extracting(v -> v.id()).containsExactly("army", "us");
		Agreement army = a.underView(a.view("army").orElseThrow());
		assertThat(army.effective().end()).isEqualTo(Instant.parse("2016-09-18T20:59:00Z"));
		assertThat(army.effective().start()).isEqualTo(a.effective().start());
		assertThat(army.disputes()).isEmpty();
	}

	@Test
	void aZoneCanBeEverythingWithinADistanceOfABoundary() {
		AgreementDocuments.Parsed parsed = this.documents.parse("halt.yaml", new StringReader("""
				id: halt
				effective: {from: "2016-10-18T10:00:00+03:00"}
				parties: [a]
				zones:
				  - id: city
				    boundary: {layer: neighbourhood, name: Aleppo}
				  - id: around
				    boundary: {layer: neighbourhood, name: Aleppo}
				    bufferMetres: 10000
				""" + TERMS));
		assertThat(parsed.errors()).isEmpty();
		var city = parsed.agreement().zone("city").orElseThrow().geometry().getEnvelopeInternal();
		var around = parsed.agreement().zone("around").orElseThrow();
		double northMetres = (around.geometry().getEnvelopeInternal().getMaxY() - city.getMaxY()) * 111_132;
		assertThat(northMetres).isBetween(9_900.0, 10_100.0);
		assertThat(around.definition()).endsWith("and all within 10000 m of it");
	}

}
