package org.truce.incident.infrastructure;

import org.truce.testing.RecordStores;
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
import org.truce.incident.application.Incidents;
import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Report;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Incidents} store must do; each subclass runs it against one real
 * store, beginning every test with an empty one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IncidentsContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { RecordStores.class };

	private static final Instant T0 = Instant.parse("2016-09-19T18:00:00Z");

	private StartedOrSkipped<RunningTruce> started;

	private Incidents incidents;

	private TransactionTemplate tx;

	private Report a;

	private Report b;

	private Report c;

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
	void threeStoredReports() {
		RunningTruce truce = this.started.get();
		truce.wipe();
		truce.bean(Sources.class).save(ReportFixture.monitor());
		this.incidents = truce.bean(Incidents.class);
		this.tx = truce.bean(TransactionTemplate.class);
		this.a = ReportFixture.report().build();
		this.b = ReportFixture.report().build();
		this.c = ReportFixture.report().build();
		truce.bean(Reports.class)
			.append(List.of(ReportFixture.unkeyed(this.a), ReportFixture.unkeyed(this.b),
					ReportFixture.unkeyed(this.c)));
	}

	@Test
	void aNewIncidentHoldsItsReportsAtVersionOne() {
		write(() -> this.incidents.create(this.a.id(), List.of(this.a.id(), this.b.id()), T0, "u1"));

		IncidentRecord stored = this.incidents.find(this.a.id()).orElseThrow();
		assertThat(stored.status()).isEqualTo(IncidentRecord.Status.OPEN);
		assertThat(stored.version()).isEqualTo(1);
		assertThat(stored.reportIds()).containsExactlyInAnyOrder(this.a.id(), this.b.id());
		assertThat(this.incidents.incidentOf(List.of(this.a.id(), this.b.id(), this.c.id())))
			.isEqualTo(Map.of(this.a.id(), this.a.id(), this.b.id(), this.a.id()));
		assertThat(this.incidents.unclustered(10)).containsExactly(this.c.id());
	}

	@Test
	void aVersionBumpsOnlyFromTheVersionExpected() {
		write(() -> this.incidents.create(this.a.id(), List.of(this.a.id()), T0, "u1"));

		assertThat(this.incidents.bump(this.a.id(), 1, T0.plusSeconds(1))).isTrue();
		assertThat(this.incidents.bump(this.a.id(), 1, T0.plusSeconds(2))).as("a stale version").isFalse();
		assertThat(this.incidents.find(this.a.id()).orElseThrow().version()).isEqualTo(2);
	}

	@Test
	void mergingMovesReportsAndClaimsAndRemembersWhereTheIncidentWent() {
		write(() -> {
			this.incidents.create(this.a.id(), List.of(this.a.id()), T0, "u1");
			this.incidents.create(this.b.id(), List.of(this.b.id()), T0, "u1");
			this.incidents.claim(new Claim("c1", this.b.id(), "russia", Claim.Position.DENIES, "syrian-air-force",
					"Not there.", "u2", T0));
			this.incidents.move(List.of(this.b.id()), this.a.id(), T0.plusSeconds(5), "u1");
			this.incidents.markMerged(this.b.id(), this.a.id(), T0.plusSeconds(5));
		});

		assertThat(this.incidents.find(this.a.id()).orElseThrow().reportIds()).containsExactlyInAnyOrder(this.a.id(),
				this.b.id());
		IncidentRecord gone = this.incidents.find(this.b.id()).orElseThrow();
		assertThat(gone.status()).isEqualTo(IncidentRecord.Status.MERGED);
		assertThat(gone.mergedInto()).isEqualTo(this.a.id());
		assertThat(gone.reportIds()).isEmpty();
		assertThat(this.incidents.claims(this.a.id())).extracting(Claim::id).containsExactly("c1");
		assertThat(this.incidents.recent(10)).extracting(IncidentRecord::id).containsExactly(this.a.id());
	}

	@Test
	void aSidesNewerClaimSupersedesItsOlderOneAndOtherSidesStayApart() {
		write(() -> {
			this.incidents.create(this.a.id(), List.of(this.a.id()), T0, "u1");
			this.incidents
				.claim(new Claim("c1", this.a.id(), "russia", Claim.Position.DENIES, "russia", "No.", "u2", T0));
			this.incidents.claim(new Claim("c2", this.a.id(), "united-states", Claim.Position.ATTRIBUTES, "russia",
					"Yes.", "u3", T0.plusSeconds(1)));
			this.incidents.claim(new Claim("c3", this.a.id(), "russia", Claim.Position.DENIES, "russia", "Still no.",
					"u2", T0.plusSeconds(2)));
		});

		assertThat(this.incidents.claims(this.a.id())).extracting(Claim::id, Claim::side, Claim::statement)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("c2", "united-states", "Yes."),
					org.assertj.core.groups.Tuple.tuple("c3", "russia", "Still no."));
	}

	@Test
	void evidenceKeepsItsDigestMediaTypeAndReceiptTimeAndTheSameBytesAreStoredOnce() {
		byte[] bytes = { 1, 2, 3 };
		Evidence e = new Evidence("e1", this.a.id(), "abc123", "image/jpeg", "photo.jpg", 3, T0, "u1");
		write(() -> this.incidents.create(this.a.id(), List.of(this.a.id()), T0, "u1"));

		assertThat(write(() -> this.incidents.addEvidence(e, bytes))).isTrue();
		assertThat(write(() -> this.incidents
			.addEvidence(new Evidence("e2", this.a.id(), "abc123", "image/jpeg", null, 3, T0, "u1"), bytes))).isFalse();

		assertThat(this.incidents.evidence(this.a.id())).containsExactly(e);
		assertThat(this.incidents.evidenceContent(this.a.id(), "abc123")).hasValue(bytes);
		assertThat(this.incidents.evidenceContent(this.a.id(), "other")).isEmpty();
	}

	@Test
	void aCandidateLinkIsStoredOnceAndDecidedOnce() {
		StoredLink link = new StoredLink("l1", this.a.id(), this.b.id(),
				List.of("INCOMPATIBLE_TYPES", "DIFFERENT_PERPETRATORS"), 812.5, 3600, StoredLink.Status.OPEN, T0, null,
				null, null);
		StoredLink reversed = new StoredLink("l2", this.b.id(), this.a.id(), List.of("INCOMPATIBLE_TYPES"), 812.5, 3600,
				StoredLink.Status.OPEN, T0, null, null, null);

		assertThat(write(() -> this.incidents.addLinks(List.of(link, reversed)))).containsExactly(link);
		assertThat(this.incidents.openLinks(10)).containsExactly(link);
		assertThat(this.incidents.linksOf(List.of(this.b.id()))).containsExactly(link);

		assertThat(
				this.incidents.decide("l1", StoredLink.Status.REJECTED, "u1", "Different villages.", T0.plusSeconds(9)))
			.isTrue();
		assertThat(this.incidents.decide("l1", StoredLink.Status.CONFIRMED, "u2", "late", T0.plusSeconds(10)))
			.isFalse();
		StoredLink decided = this.incidents.link("l1").orElseThrow();
		assertThat(decided.status()).isEqualTo(StoredLink.Status.REJECTED);
		assertThat(decided.decidedBy()).isEqualTo("u1");
		assertThat(decided.decisionReason()).isEqualTo("Different villages.");
		assertThat(decided.decidedAt()).isEqualTo(T0.plusSeconds(9));
		assertThat(this.incidents.openLinks(10)).isEmpty();
	}

	@Test
	void aDiscountIsKeptWithWhoAndWhyAndCanBeLifted() {
		write(() -> {
			this.incidents.create(this.a.id(), List.of(this.a.id()), T0, "u1");
			this.incidents.discount(this.a.id(), new IncidentRecord.Discount("u1", "Staged footage."), T0);
		});
		assertThat(this.incidents.find(this.a.id()).orElseThrow().discount())
			.isEqualTo(new IncidentRecord.Discount("u1", "Staged footage."));

		write(() -> this.incidents.discount(this.a.id(), null, T0));
		assertThat(this.incidents.find(this.a.id()).orElseThrow().discount()).isNull();
	}

	private void write(Runnable work) {
		this.tx.executeWithoutResult(status -> work.run());
	}

	private <T> T write(java.util.function.Supplier<T> work) {
		return this.tx.execute(status -> work.get());
	}

}
