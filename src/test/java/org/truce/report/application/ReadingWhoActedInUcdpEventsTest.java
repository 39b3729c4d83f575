package org.truce.report.application;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.WhoActed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * UCDP's side_a and side_b are a dyad, not attacker and attacked: who acted is read only
 * from a stated rule's words.
 */
class ReadingWhoActedInUcdpEventsTest {

	private static final ActorRef GOVERNMENT = ActorRef.resolved("Government of Syria", "syria-government");

	private static final ActorRef IS = ActorRef.resolved("IS", "islamic-state");

	private static final ActorRef INSURGENTS = ActorRef.resolved("Syrian insurgents", "syrian-insurgents");

	private static WhoActedReading.Decision read(int type, String headline, ActorRef sideA, ActorRef sideB,
			String... places) {
		return UcdpPerpetrators.reading(type, headline, null, List.of(places)).decide(sideA, sideB);
	}

	@Test
	void aStateBasedEventWhoseWordsSayNothingIsEitherSideInUcdpOrder() {
		WhoActedReading.Decision d = read(1, "Clashes continue in the eastern Ghouta", GOVERNMENT, INSURGENTS);

		assertThat(d.whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
		assertThat(d.actor()).isEqualTo(GOVERNMENT);
		assertThat(d.target()).isEqualTo(INSURGENTS);
		assertThat(d.swapped()).isFalse();
		assertThat(d.inferred()).isFalse();
	}

	@Test
	void anIslamicStateClaimInOneOfTheHeadlinesSwapsTheSidesAndSaysSo() {
		WhoActedReading.Decision d = read(1,
				"18 persons were killed yesterday, including 3 members of the regime forces and militiamen loyal to them"
						+ " and 3 other citizens;Islamic State claims bomb attack in Syria's Tartous;Explosions hit"
						+ " Tartous city cause casualties in the first attack of its kind",
				GOVERNMENT, IS);

		assertThat(d.actor()).isEqualTo(IS);
		assertThat(d.target()).isEqualTo(GOVERNMENT);
		assertThat(d.swapped()).isTrue();
		assertThat(d.whoActed().kind()).isEqualTo(WhoActed.Kind.ACTOR);
		assertThat(d.whoActed().basis()).contains("rule is-claims", "'Islamic State claims'", "source_headline",
				"side_b (IS)", "swapped");
	}

	@Test
	void theRegimeShellingInASingleStatementHeadlineSaysSideAActed() {
		WhoActedReading.Decision d = read(1, "Regime forces shelled several areas in the northern countryside of Homs",
				GOVERNMENT, INSURGENTS, "Burj Qai village", "Homs district");

		assertThat(d.actor()).isEqualTo(GOVERNMENT);
		assertThat(d.swapped()).isFalse();
		assertThat(d.whoActed().basis()).contains("rule regime-shelling", "side_a (Government of Syria)");
	}

	@Test
	void shellingOfAPlaceThatIsNotTheEventsInfersNothing() {
		WhoActedReading.Decision d = read(1,
				"Regime’s Helicopters drop more than 50 barrel bombs on the besieged Khan al-Shih", GOVERNMENT,
				INSURGENTS, "Arbin town", "Markaz Rif Dimashq district");
		WhoActedReading.Decision there = read(1, "Regime’s helicopters drop 20 barrel bombs on Muadamiyat al-Sham",
				GOVERNMENT, INSURGENTS, "Moadamiyat al-Sham town", "Darayya district");

		assertThat(d.whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
		assertThat(there.whoActed().basis()).contains("regime-barrel-bombs");
	}

	@Test
	void aDigestJoiningTwoStatementsInfersNothing() {
		WhoActedReading.Decision d = read(1,
				"Clashes in the vicinity of al-Qaryatayn city and the regime forces bomb Sheikh Meskin", GOVERNMENT,
				IS);

		assertThat(d.whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
	}

	@Test
	void aRuleNamingAnActorThatIsNeitherSideInfersNothing() {
		WhoActedReading.Decision d = read(1, "Russian airstrikes kill 23 civilians in Idlib city", GOVERNMENT,
				INSURGENTS, "Idlib city");

		assertThat(d.whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
		assertThat(d.actor()).isEqualTo(GOVERNMENT);
	}

	@Test
	void rulesThatNameBothSidesInferNothing() {
		WhoActedReading.Decision d = read(1, "Rebel shells kill 30 in Aleppo;Regime forces target Aleppo countryside",
				GOVERNMENT, INSURGENTS, "Aleppo town");

		assertThat(read(1, "Rebel shells kill 30 in Aleppo", GOVERNMENT, INSURGENTS, "Aleppo town").actor())
			.isEqualTo(INSURGENTS);

		assertThat(d.whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
	}

	@Test
	void anUnresolvedSideIsNeverTheOneARuleNames() {
		WhoActedReading.Decision d = read(2, "Islamic State claims an attack on Syrian rebels",
				ActorRef.unresolved("IS"), INSURGENTS);

		assertThat(d.whoActed()).isEqualTo(WhoActed.EITHER_SIDE);
	}

	@Test
	void aCitationInSourceArticleIsReadByItsHeadline() {
		WhoActedReading.Decision d = UcdpPerpetrators
			.reading(1, "Explosions hit Tartous", "\"Reuters,2016-12-31,Islamic State claims bomb attack in Tartous\"",
					List.of())
			.decide(GOVERNMENT, IS);

		assertThat(d.actor()).isEqualTo(IS);
		assertThat(d.whoActed().basis()).contains("source_article");
	}

	@Test
	void characterReferencesAreDecodedBeforeTheHeadlinesAreSplit() {
		WhoActedReading.Decision d = read(1, "The regime forces target al-Wa&#8217;er neighborhood in Homs city",
				GOVERNMENT, INSURGENTS, "Homs city");

		assertThat(d.actor()).isEqualTo(GOVERNMENT);
		assertThat(d.whoActed().basis()).contains("regime-shelling");
	}

	@Test
	void oneSidedViolenceNamesItsPerpetratorAsSideA() {
		WhoActedReading.Decision d = read(3, "Islamic State claims nothing here", INSURGENTS,
				ActorRef.resolved("Civilians", "civilians"));

		assertThat(d.whoActed()).isEqualTo(WhoActed.ACTOR);
		assertThat(d.actor()).isEqualTo(INSURGENTS);
		assertThat(d.inferred()).isFalse();
	}

	@Test
	void everyRuleHasANameAndNamesOneActor() {
		List<UcdpPerpetrators.Rule> rules = UcdpPerpetrators.RULES;

		assertThat(rules).extracting(UcdpPerpetrators.Rule::id).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
		assertThat(rules).allMatch(r -> r.actorId() != null);
	}

}
