package org.truce.determination.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a joint determination: who signs, the quorum, versions and edits. */
class SigningOffUntilTheQuorumTest {

	private static final Instant T0 = Instant.parse("2016-10-21T12:00:00Z");

	private static final Determination.Subject SHELLING = new Determination.Subject("aleppo-pause-2016-10",
			"aleppo-pause-2016-10/no-strikes-or-shelling", "syria-government", Verdict.VIOLATION);

	private static Determination draft(Quorum quorum) {
		return Determination.draft(UUID.randomUUID(), UUID.randomUUID(), SHELLING, "Shells struck the old city.",
				quorum, "analyst-1", T0);
	}

	private static Determination signed(Determination d, String side, String user) {
		Determination.Outcome outcome = d.signOff(side, user, d.version(), T0.plusSeconds(60));
		assertThat(outcome).isInstanceOf(Determination.Changed.class);
		return ((Determination.Changed) outcome).after();
	}

	@Test
	void aDraftNamingTwoSidesStaysADraftAfterOneSignsAndTakesEffectWithTheSecond() {
		Determination d = draft(Quorum.of(List.of("united-states", "russia"), null));

		Determination once = signed(d, "united-states", "co-chair-us");
		assertThat(once.status()).isEqualTo(Determination.Status.DRAFT);
		assertThat(once.effectiveAt()).isNull();
		assertThat(once.awaiting()).containsExactly("russia");
		assertThat(once.version()).isEqualTo(2);

		Determination.Outcome second = once.signOff("russia", "co-chair-ru", 2, T0.plusSeconds(120));
		assertThat(second).isInstanceOfSatisfying(Determination.Changed.class, c -> {
			assertThat(c.madeEffective()).isTrue();
			assertThat(c.after().status()).isEqualTo(Determination.Status.EFFECTIVE);
			assertThat(c.after().effectiveAt()).isEqualTo(T0.plusSeconds(120));
			assertThat(c.after().signOffs()).extracting(SignOff::side).containsExactly("united-states", "russia");
			assertThat(c.after().signOffOf("russia").orElseThrow().version()).isEqualTo(2);
		});
	}

	@Test
	void aSideTheDeterminationDoesNotNameIsRefused() {
		Determination d = draft(Quorum.of(List.of("united-states", "russia"), null));

		assertThat(d.signOff("turkey", "co-chair-tr", 1, T0))
			.isEqualTo(new Determination.Refused(Determination.Refusal.SIDE_NOT_NAMED));
	}

	@Test
	void eachSideSignsOnce() {
		Determination d = signed(draft(Quorum.of(List.of("united-states", "russia"), null)), "united-states", "a");

		assertThat(d.signOff("united-states", "b", d.version(), T0))
			.isEqualTo(new Determination.Refused(Determination.Refusal.ALREADY_SIGNED));
	}

	@Test
	void aSignOffOfAnEarlierVersionIsStale() {
		Determination d = signed(draft(Quorum.of(List.of("united-states", "russia"), null)), "united-states", "a");

		assertThat(d.signOff("russia", "b", 1, T0))
			.isEqualTo(new Determination.Refused(Determination.Refusal.STALE_VERSION));
	}

	@Test
	void aConfiguredQuorumOfOneOfTwoTakesEffectWithTheFirstSignature() {
		Quorum oneOfTwo = Quorum.of(List.of("united-states", "russia"), 1);
		assertThat(oneOfTwo.required()).isEqualTo(1);

		Determination d = signed(draft(oneOfTwo), "russia", "co-chair-ru");

		assertThat(d.status()).isEqualTo(Determination.Status.EFFECTIVE);
		assertThat(d.awaiting()).containsExactly("united-states");
		Determination both = signed(d, "united-states", "co-chair-us");
		assertThat(both.status()).isEqualTo(Determination.Status.EFFECTIVE);
		assertThat(both.effectiveAt()).as("it took effect with the first").isEqualTo(d.effectiveAt());
	}

	@Test
	void aQuorumIsNeverMoreThanTheSidesNamedNorLessThanOne() {
		assertThat(Quorum.of(List.of("united-states"), 2).required()).isEqualTo(1);
		assertThat(Quorum.of(List.of("united-states", "russia", "russia"), null))
			.isEqualTo(new Quorum(List.of("united-states", "russia"), 2));
		assertThatThrownBy(() -> new Quorum(List.of("united-states"), 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Quorum.of(List.of(), null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void editingASignedDraftClearsItsSignOffsAndAnEffectiveOneIsNotEdited() {
		Quorum both = Quorum.of(List.of("united-states", "russia"), null);
		Determination d = signed(draft(both), "united-states", "a");
		Determination.Subject rejected = new Determination.Subject(SHELLING.agreementId(), SHELLING.termId(),
				SHELLING.actorId(), Verdict.NO_VIOLATION);

		assertThat(d.edit(rejected, "Not shelling.", both, 1, T0))
			.isEqualTo(new Determination.Refused(Determination.Refusal.STALE_VERSION));
		Determination.Outcome edited = d.edit(rejected, "Not shelling.", both, 2, T0);
		assertThat(edited).isInstanceOfSatisfying(Determination.Changed.class, c -> {
			assertThat(c.cleared()).extracting(SignOff::side).containsExactly("united-states");
			assertThat(c.after().signOffs()).isEmpty();
			assertThat(c.after().version()).isEqualTo(3);
			assertThat(c.after().subject().verdict()).isEqualTo(Verdict.NO_VIOLATION);
		});

		Determination effective = signed(d, "russia", "b");
		assertThat(effective.status()).isEqualTo(Determination.Status.EFFECTIVE);
		assertThat(effective.edit(rejected, "Not shelling.", both, effective.version(), T0))
			.isEqualTo(new Determination.Refused(Determination.Refusal.ALREADY_EFFECTIVE));
	}

}
