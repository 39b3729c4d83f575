package org.truce.bulletin.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.transaction.support.TransactionTemplate;
import org.truce.bulletin.application.BulletinDrafts;
import org.truce.bulletin.model.BulletinDraft;
import org.truce.bulletin.model.DissentAnnex;
import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link BulletinDrafts} store must do; each subclass runs it against one real
 * store, beginning every test with no draft.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BulletinDraftsContract {

	private static final Instant T0 = Instant.parse("2016-11-01T09:00:00Z");

	private static final LocalDate FROM = LocalDate.parse("2016-10-01");

	private static final LocalDate TO = LocalDate.parse("2016-10-31");

	private static final Quorum BOTH = new Quorum(List.of("united-states", "russia"), 2);

	private StartedOrSkipped<RunningTruce> started;

	private BulletinDrafts store;

	private TransactionTemplate tx;

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void empty() {
		RunningTruce truce = this.started.get();
		this.store = truce.bean(BulletinDrafts.class);
		this.tx = truce.bean(TransactionTemplate.class);
		truce.jdbc().sql("DELETE FROM bulletin_dissents").update();
		truce.jdbc().sql("DELETE FROM bulletin_signatures").update();
		truce.jdbc().sql("DELETE FROM bulletin_drafts").update();
	}

	private BulletinDraft drafted(String canonical, Instant at) {
		int version = this.store.nextVersion("aleppo", FROM, TO);
		BulletinDraft d = BulletinDraft.draft(UUID.randomUUID(), "aleppo", FROM, TO, version, canonical, "d" + version,
				BOTH, "monitor-1", at);
		this.tx.executeWithoutResult(s -> this.store.insertSuperseding(d, at));
		return d;
	}

	@Test
	void aDraftIsReadBackAsStoredWithItsCanonicalJsonByteForByte() {
		String canonical = "{\"byOutcome\":{\"NO_VIOLATION\":0,\"UNDETERMINED\":1,\"VIOLATION\":2},\"title\":\"حلب – Алеппо\"}";
		BulletinDraft d = drafted(canonical, T0);

		BulletinDraft read = this.store.find(d.id()).orElseThrow();

		assertThat(read).isEqualTo(d);
		assertThat(read.canonical()).isEqualTo(canonical);
		assertThat(this.store.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aNewerDraftOfThePeriodMakesTheOlderStaleAndTakesTheNextVersion() {
		BulletinDraft first = drafted("{}", T0);
		BulletinDraft second = drafted("{\"a\":1}", T0.plusSeconds(60));
		int third = this.store.nextVersion("aleppo", FROM, TO);

		assertThat(first.version()).isEqualTo(1);
		assertThat(second.version()).isEqualTo(2);
		assertThat(third).isEqualTo(3);
		assertThat(this.store.find(first.id()).orElseThrow().state()).isEqualTo(BulletinDraft.State.STALE);
		assertThat(this.store.find(second.id()).orElseThrow().state()).isEqualTo(BulletinDraft.State.DRAFT);
		assertThat(this.store.nextVersion("aleppo", FROM, TO.minusDays(1))).isEqualTo(1);
		assertThat(this.store.list(BulletinDraft.State.STALE, 10)).extracting(BulletinDraft::id)
			.containsExactly(first.id());
	}

	@Test
	void aSignatureLandsOnlyOnTheStateItWasMadeAgainstAndOncePerSide() {
		BulletinDraft d = drafted("{}", T0);
		BulletinDraft byUs = d.signedBy(new SignOff("united-states", "us-1", 1, T0.plusSeconds(1)));
		BulletinDraft byBoth = byUs.signedBy(new SignOff("russia", "ru-1", 1, T0.plusSeconds(2)));

		assertThat(inTx(() -> this.store.sign(byUs, BulletinDraft.State.DRAFT))).isTrue();
		assertThat(inTx(() -> this.store.sign(byUs, BulletinDraft.State.DRAFT))).as("the same side again").isFalse();
		assertThat(inTx(() -> this.store.sign(byBoth, BulletinDraft.State.DRAFT))).isTrue();
		assertThat(byBoth.state()).isEqualTo(BulletinDraft.State.PUBLISHED);
		assertThat(inTx(() -> this.store.sign(byBoth, BulletinDraft.State.DRAFT))).as("no longer a draft").isFalse();

		BulletinDraft read = this.store.find(d.id()).orElseThrow();
		assertThat(read.state()).isEqualTo(BulletinDraft.State.PUBLISHED);
		assertThat(read.publishedAt()).isEqualTo(T0.plusSeconds(2));
		assertThat(read.signOffs()).extracting(SignOff::side).containsExactly("united-states", "russia");
		assertThat(this.store.list(BulletinDraft.State.PUBLISHED, 10)).extracting(BulletinDraft::id)
			.containsExactly(d.id());
	}

	@Test
	void aDissentIsKeptUnlessTheDraftIsStale() {
		BulletinDraft first = drafted("{}", T0);
		DissentAnnex kept = new DissentAnnex(UUID.randomUUID(), first.id(), "russia", "ru-1", "Not so.",
				T0.plusSeconds(5));
		assertThat(inTx(() -> this.store.addDissent(kept))).isTrue();
		drafted("{\"a\":1}", T0.plusSeconds(60));
		DissentAnnex late = new DissentAnnex(UUID.randomUUID(), first.id(), "russia", "ru-1", "Too late.",
				T0.plusSeconds(90));

		assertThat(inTx(() -> this.store.addDissent(late))).isFalse();
		assertThat(this.store.dissents(first.id())).containsExactly(kept);
	}

	private boolean inTx(java.util.function.BooleanSupplier work) {
		return Boolean.TRUE.equals(this.tx.execute(s -> work.getAsBoolean()));
	}

}
