package org.truce.incident.model;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.truce.report.model.EventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.incident.model.ReportFixture.TEN_AM;
import static org.truce.incident.model.ReportFixture.airstrikeInAleppo;

/**
 * Each stated rule of {@link Clustering#compare}, with the defaults: 2 km plus both
 * uncertainties, 6 hours, 10 km and 2 days to merge, 25 km and a week to link.
 */
class ComparingTwoReportsTest {

	private static final ClusteringRules RULES = ClusteringRules.defaults();

	private static Comparison compare(ReportFixture a, ReportFixture b) {
		return Clustering.compare(a.input(), b.input(), RULES);
	}

	@Test
	void twoReportsOfOneStrikeAKilometreApartAreTheSame() {
		Comparison c = compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").north(1_000).hoursLater(1));

		assertThat(c).isInstanceOf(Comparison.Same.class);
		Comparison.Same same = (Comparison.Same) c;
		assertThat(same.distanceMetres()).isCloseTo(1_000, org.assertj.core.data.Offset.offset(1.0));
		assertThat(same.gapSeconds()).isEqualTo(3_600);
	}

	@Test
	void theUncertaintyOfBothReportsWidensTheReach() {
		// 2 km + 2 km + 2 km = 6 km
		assertThat(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").north(5_900)))
			.isInstanceOf(Comparison.Same.class);
		assertThat(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").north(6_100)))
			.isInstanceOf(Comparison.Unrelated.class);
		// 2 km + 100 m + 100 m
		assertThat(
				compare(airstrikeInAleppo("a").uncertainty(100), airstrikeInAleppo("b").uncertainty(100).north(2_300)))
			.isInstanceOf(Comparison.Unrelated.class);
	}

	@Test
	void intervalsThatOverlapHaveNoGapAndAGapUpToSixHoursIsNear() {
		ReportFixture day = airstrikeInAleppo("a").during(TEN_AM - 36_000, TEN_AM + 50_399);
		assertThat(compare(day, airstrikeInAleppo("b"))).isEqualTo(new Comparison.Same(0, 0));
		assertThat(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").during(TEN_AM + 21_600, TEN_AM + 22_000)))
			.isInstanceOf(Comparison.Same.class);
		assertThat(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").during(TEN_AM + 21_601, TEN_AM + 22_000)))
			.isInstanceOf(Comparison.Unrelated.class);
	}

	@Test
	void aStrikeFromTheAirAndShellingAreCompatibleButAProtestIsNot() {
		assertThat(compare(airstrikeInAleppo("a"),
				airstrikeInAleppo("b").type(EventType.SHELLING_ARTILLERY_MISSILE_ATTACK.code())))
			.isInstanceOf(Comparison.Same.class);
		assertThat(reasons(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").type("peaceful_protest"))))
			.containsExactly(LinkReason.INCOMPATIBLE_TYPES);
	}

	@Test
	void anUnknownTypeCodeIsCompatibleOnlyWithItself() {
		assertThat(compare(airstrikeInAleppo("a").type("barrel_bomb"), airstrikeInAleppo("b").type("barrel_bomb")))
			.isInstanceOf(Comparison.Same.class);
		assertThat(reasons(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").type("barrel_bomb"))))
			.containsExactly(LinkReason.INCOMPATIBLE_TYPES);
	}

	@Test
	void differentPerpetratorsAreOnlyACandidateButAnUnnamedOneIsCompatible() {
		assertThat(reasons(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").by("russia"))))
			.containsExactly(LinkReason.DIFFERENT_PERPETRATORS);
		assertThat(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").by(null)))
			.isInstanceOf(Comparison.Same.class);
	}

	@Test
	void differentTargetsAreOnlyACandidateButAnUnnamedOneIsCompatible() {
		assertThat(reasons(compare(airstrikeInAleppo("a").against("civilians"), airstrikeInAleppo("b").against("fsa"))))
			.containsExactly(LinkReason.DIFFERENT_TARGETS);
		assertThat(compare(airstrikeInAleppo("a").against("civilians"), airstrikeInAleppo("b")))
			.isInstanceOf(Comparison.Same.class);
	}

	@Test
	void aLocationWithinTwentyFiveKilometresIsTooUncertainToMergeButIsProposed() {
		Comparison c = compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").uncertainty(25_000).north(20_000));

		assertThat(reasons(c)).containsExactly(LinkReason.LOCATION_TOO_UNCERTAIN);
	}

	@Test
	void anIntervalOfThreeDaysIsTooLongToMergeButIsProposed() {
		Comparison c = compare(airstrikeInAleppo("a"),
				airstrikeInAleppo("b").during(TEN_AM - 86_400, TEN_AM + 172_800));

		assertThat(reasons(c)).containsExactly(LinkReason.TIME_TOO_UNCERTAIN);
	}

	@Test
	void everyFailedConditionIsGivenInReasonOrder() {
		Comparison c = compare(airstrikeInAleppo("a").against("civilians"),
				airstrikeInAleppo("b").type("armed_clash")
					.by("hts")
					.against("fsa")
					.uncertainty(20_000)
					.during(TEN_AM, TEN_AM + 3 * 86_400));

		assertThat(reasons(c)).containsExactly(LinkReason.values());
	}

	@Test
	void aDistrictOrAMonthIsTooVagueEvenToPropose() {
		assertThat(compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").uncertainty(50_000)))
			.isInstanceOf(Comparison.Unrelated.class);
		assertThat(
				compare(airstrikeInAleppo("a"), airstrikeInAleppo("b").during(TEN_AM - 86_400, TEN_AM + 29 * 86_400)))
			.isInstanceOf(Comparison.Unrelated.class);
	}

	@Test
	void aSourceDoesNotDuplicateItsOwnDistinctRecords() {
		ReportFixture ucdp1 = airstrikeInAleppo("a").from("ucdp", "ucdp-1");
		assertThat(compare(ucdp1, airstrikeInAleppo("b").from("ucdp", "ucdp-2")))
			.isInstanceOf(Comparison.Unrelated.class);
		assertThat(compare(ucdp1, airstrikeInAleppo("b").from("ucdp", "ucdp-2").by("russia")))
			.isInstanceOf(Comparison.Unrelated.class);
		assertThat(compare(ucdp1, airstrikeInAleppo("b").from("ucdp", "ucdp-1"))).isInstanceOf(Comparison.Same.class);
		assertThat(compare(ucdp1, airstrikeInAleppo("b").from("acled", "ucdp-2"))).isInstanceOf(Comparison.Same.class);
		assertThat(
				compare(airstrikeInAleppo("a").from("monitors", null), airstrikeInAleppo("b").from("monitors", null)))
			.isInstanceOf(Comparison.Same.class);
	}

	@Test
	void comparisonIsSymmetric() {
		ReportFixture a = airstrikeInAleppo("a").against("civilians");
		ReportFixture b = airstrikeInAleppo("b").by("russia").uncertainty(12_000).north(9_000).hoursLater(3);

		assertThat(compare(a, b)).isEqualTo(compare(b, a));
	}

	@Test
	void thresholdsAreConfigurable() {
		ReportFixture a = airstrikeInAleppo("a");
		ReportFixture b = airstrikeInAleppo("b").north(8_000).hoursLater(8);

		assertThat(compare(a, b)).isInstanceOf(Comparison.Unrelated.class);
		assertThat(
				Clustering.compare(a.input(), b.input(), RULES.withDistanceMetres(5_000).withTimeGapSeconds(9 * 3_600)))
			.isInstanceOf(Comparison.Same.class);
	}

	@Test
	void everyEventTypeIsInExactlyOneGroup() {
		Set<EventType> grouped = EnumSet.noneOf(EventType.class);
		int count = 0;
		for (TypeGroup group : TypeGroup.values()) {
			grouped.addAll(group.types());
			count += group.types().size();
		}
		assertThat(grouped).containsExactlyInAnyOrder(EventType.values());
		assertThat(count).isEqualTo(EventType.values().length);
	}

	@Test
	void everyReasonHasItsOwnSentence() {
		Set<String> meanings = java.util.Arrays.stream(LinkReason.values())
			.map(LinkReason::meaning)
			.collect(Collectors.toSet());
		assertThat(meanings).hasSize(LinkReason.values().length).allSatisfy(m -> assertThat(m).endsWith("."));
	}

	@Test
	void impossibleInputsAndRulesAreRefused() {
		assertThatThrownBy(() -> airstrikeInAleppo("a").during(TEN_AM, TEN_AM - 1))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> airstrikeInAleppo("a").uncertainty(Double.NaN))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClusteringRules(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new ClusteringRules(2_000, 3_600, 30_000, 86_400, 20_000, 86_400))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static java.util.List<LinkReason> reasons(Comparison c) {
		assertThat(c).isInstanceOf(Comparison.Candidate.class);
		return ((Comparison.Candidate) c).reasons();
	}

}
