package org.truce.bulletin.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.determination.model.Signatures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulletin draft is signed off as a joint determination is: each named side once, the
 * signature that reaches the quorum publishes it, and a signature names the text read
 * (its digest or version), never a stale draft's.
 */
class BulletinDraftSignOffTest {

	private static final Instant T0 = Instant.parse("2016-11-01T09:00:00Z");

	private static BulletinDraft draft(Quorum quorum) {
		return BulletinDraft.draft(UUID.randomUUID(), "aleppo", LocalDate.parse("2016-10-20"),
				LocalDate.parse("2016-10-22"), 3, "{}", "ab12", quorum, "monitor", T0);
	}

	@Test
	void theSignatureThatReachesTheQuorumPublishesItAndALateSideMayStillSign() {
		BulletinDraft d = draft(new Quorum(List.of("united-states", "russia", "turkey"), 2));

		BulletinDraft one = d.signedBy(new SignOff("united-states", "us", 3, T0.plusSeconds(1)));
		BulletinDraft two = one.signedBy(new SignOff("russia", "ru", 3, T0.plusSeconds(2)));
		BulletinDraft three = two.signedBy(new SignOff("turkey", "tr", 3, T0.plusSeconds(3)));

		assertThat(one.state()).isEqualTo(BulletinDraft.State.DRAFT);
		assertThat(one.publishedAt()).isNull();
		assertThat(two.state()).isEqualTo(BulletinDraft.State.PUBLISHED);
		assertThat(two.publishedAt()).isEqualTo(T0.plusSeconds(2));
		assertThat(three.publishedAt()).as("published once, when the quorum was reached").isEqualTo(T0.plusSeconds(2));
		assertThat(three.signatures().awaiting()).isEmpty();
	}

	@Test
	void aSideSignsOnceAndOnlyIfNamed() {
		BulletinDraft d = draft(new Quorum(List.of("united-states", "russia"), 2));
		BulletinDraft one = d.signedBy(new SignOff("united-states", "us", 3, T0));

		assertThat(one.refusal("united-states")).contains(Signatures.Refusal.ALREADY_SIGNED);
		assertThat(one.refusal("turkey")).contains(Signatures.Refusal.SIDE_NOT_NAMED);
		assertThat(one.refusal("russia")).isEmpty();
	}

	@Test
	void aSignatureNamesTheDigestOrTheVersionReadAndNeverAStaleDraft() {
		BulletinDraft d = draft(new Quorum(List.of("united-states", "russia"), 2));
		BulletinDraft stale = new BulletinDraft(d.id(), d.agreementId(), d.from(), d.to(), d.version(), d.canonical(),
				d.digest(), d.quorum(), BulletinDraft.State.STALE, d.draftedBy(), d.draftedAt(), d.updatedAt(), null,
				List.of());

		assertThat(d.current("ab12")).isTrue();
		assertThat(d.current("AB12")).isTrue();
		assertThat(d.current("3")).isTrue();
		assertThat(d.current("2")).isFalse();
		assertThat(d.current("cd34")).isFalse();
		assertThat(stale.current("ab12")).isFalse();
		assertThat(stale.current("3")).isFalse();
	}

}
