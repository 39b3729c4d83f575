package org.truce.determination.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.determination.application.Determinations;
import org.truce.determination.application.Determining;
import org.truce.determination.model.Comment;
import org.truce.determination.model.Determination;
import org.truce.determination.model.Quorum;
import org.truce.determination.model.Verdict;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.incident.application.Incidents;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Report;
import org.truce.store.IdempotentRequests;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link Determinations} store (and the idempotency store beside it) must do;
 * each subclass runs it against one real store, started with a quorum of one side
 * ({@code truce.determinations.quorum=1}), beginning every test with an empty store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DeterminationsContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { DeterminingSlice.class };

	private static final Instant T0 = Instant.parse("2016-10-21T12:00:00Z");

	static final Map<String, Object> ONE_SIDE_SUFFICES = Map.of("truce.determinations.quorum", 1);

	private static final Determination.Subject SHELLING = new Determination.Subject("aleppo-pause-2016-10",
			"aleppo-pause-2016-10/no-strikes-or-shelling", "syria-government", Verdict.VIOLATION);

	private StartedOrSkipped<RunningTruce> started;

	private Determinations store;

	private TransactionTemplate tx;

	private UUID incident;

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
	void anIncident() {
		RunningTruce truce = this.started.get();
		truce.wipe();
		truce.bean(Sources.class).save(ReportFixture.monitor());
		this.store = truce.bean(Determinations.class);
		this.tx = truce.bean(TransactionTemplate.class);
		Report report = ReportFixture.report().build();
		truce.bean(Reports.class).append(List.of(ReportFixture.unkeyed(report)));
		this.tx.executeWithoutResult(
				s -> truce.bean(Incidents.class).create(report.id(), List.of(report.id()), T0, "test"));
		this.incident = report.id();
	}

	private Determination draft() {
		Determination d = Determination.draft(UUID.randomUUID(), this.incident, SHELLING, "Shells in the zone.",
				Quorum.of(List.of("united-states", "russia"), null), "analyst", T0);
		this.tx.executeWithoutResult(s -> this.store.insert(d));
		return d;
	}

	private Determination signed(Determination d, String side) {
		Determination after = ((Determination.Changed) d.signOff(side, "co-chair-" + side, d.version(),
				T0.plusSeconds(d.version() * 60L)))
			.after();
		assertThat(updated(after, d.version())).isTrue();
		return after;
	}

	private boolean updated(Determination after, int expected) {
		Boolean updated = this.tx.execute(s -> this.store.update(after, expected));
		return Boolean.TRUE.equals(updated);
	}

	@Test
	void aDraftIsReadBackAsStored() {
		Determination d = draft();

		assertThat(this.store.find(d.id())).contains(d);
		assertThat(this.store.aboutIncidents(List.of(this.incident))).containsExactly(d);
		assertThat(this.store.find(UUID.randomUUID())).isEmpty();
	}

	@Test
	void signOffsAreReadBackWithTheDeterminationAndTheEffectiveTime() {
		Determination d = signed(signed(draft(), "united-states"), "russia");

		Determination read = this.store.find(d.id()).orElseThrow();
		assertThat(read).isEqualTo(d);
		assertThat(read.status()).isEqualTo(Determination.Status.EFFECTIVE);
		assertThat(read.signOffs()).extracting(s -> s.side()).containsExactly("united-states", "russia");
	}

	@Test
	void ofTwoChangesMadeAgainstOneVersionOnlyTheFirstIsStored() {
		Determination d = draft();
		Determination byUs = ((Determination.Changed) d.signOff("united-states", "a", 1, T0)).after();
		Determination byRussia = ((Determination.Changed) d.signOff("russia", "b", 1, T0)).after();

		assertThat(updated(byUs, 1)).isTrue();
		assertThat(updated(byRussia, 1)).isFalse();
		assertThat(this.store.find(d.id()).orElseThrow().signOffs()).extracting(s -> s.side())
			.containsExactly("united-states");
	}

	@Test
	void awaitingListsTheDraftsThatNameASideItHasNotSigned() {
		Determination a = draft();
		Determination b = signed(draft(), "russia");

		assertThat(this.store.list(Determination.Status.DRAFT, "russia", 10)).extracting(Determination::id)
			.containsExactly(a.id());
		assertThat(this.store.list(null, "united-states", 10)).extracting(Determination::id)
			.containsExactlyInAnyOrder(a.id(), b.id());
		assertThat(this.store.list(null, "united_states", 10)).as("no pattern matching").isEmpty();
		assertThat(this.store.list(Determination.Status.EFFECTIVE, null, 10)).isEmpty();
	}

	@Test
	void commentsAndDissentsAreKeptInOrder() {
		Determination d = draft();
		Comment dissent = new Comment(UUID.randomUUID(), d.id(), "co-chair-ru", "russia", true, "We do not sign.", T0);
		Comment comment = new Comment(UUID.randomUUID(), d.id(), "analyst", null, false, "Noted.", T0.plusSeconds(1));
		this.tx.executeWithoutResult(s -> {
			this.store.addComment(dissent);
			this.store.addComment(comment);
		});

		assertThat(this.store.comments(d.id())).containsExactly(dissent, comment);
	}

	@Test
	void withAQuorumOfOneConfiguredTheFirstSignOffMakesItEffective() {
		RunningTruce truce = this.started.get();
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, List.of()),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of()),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of())));
		AgreementCatalogue agreements = truce.bean(AgreementCatalogue.class);
		if (agreements.versions(SHELLING.agreementId()).isEmpty()) {
			assertThat(agreements
				.load("aleppo-pause-2016-10.yaml",
						org.truce.determination.web.DeterminationsTestDocuments.aleppoPause())
				.errors()).isEmpty();
		}
		Determining determining = truce.bean(Determining.class);
		Determination d = determining.draft(
				this.incident, new Determining.Draft(SHELLING.agreementId(), SHELLING.termId(), SHELLING.actorId(),
						Verdict.VIOLATION, "Shells in the zone.", null),
				"analyst", List.of(new Grant(Role.MONITOR, null)));
		assertThat(d.quorum()).isEqualTo(new Quorum(List.of("united-states", "russia"), 1));

		Determination signed = determining.signOff(d.id(), 1, null, "co-chair-ru",
				List.of(new Grant(Role.CO_CHAIR, "russia")));

		assertThat(signed.status()).isEqualTo(Determination.Status.EFFECTIVE);
		assertThat(this.store.find(d.id()).orElseThrow().effectiveAt()).isNotNull();
	}

	@Test
	void aKeyIsDoneOnceAndItsResponseReplayed() {
		IdempotentRequests requests = this.started.get().bean(IdempotentRequests.class);
		int[] done = { 0 };

		IdempotentRequests.Answer<String> first = requests.once("u1", "k", "digest-a", () -> "made " + ++done[0],
				v -> new IdempotentRequests.Response(201, "\"" + v + "\""));
		IdempotentRequests.Answer<String> again = requests.once("u1", "k", "digest-a", () -> "made " + ++done[0],
				v -> new IdempotentRequests.Response(201, "\"" + v + "\""));
		IdempotentRequests.Answer<String> otherUser = requests.once("u2", "k", "digest-b", () -> "made " + ++done[0],
				v -> new IdempotentRequests.Response(201, "\"" + v + "\""));

		assertThat(first.replayed()).isFalse();
		assertThat(again.replayed()).isTrue();
		assertThat(again.response()).isEqualTo(first.response());
		assertThat(otherUser.replayed()).isFalse();
		assertThat(done[0]).isEqualTo(2);
		assertThatThrownBy(() -> requests.once("u1", "k", "digest-c", () -> "x",
				v -> new IdempotentRequests.Response(201, "\"x\"")))
			.hasMessageContaining("Idempotency-Key");
	}

}
