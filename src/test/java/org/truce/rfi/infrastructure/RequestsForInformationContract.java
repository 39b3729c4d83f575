package org.truce.rfi.infrastructure;

import org.truce.testing.RecordStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.transaction.support.TransactionTemplate;
import org.truce.incident.application.Incidents;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Report;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.application.RequestsForInformation.Query;
import org.truce.rfi.application.RequestsForInformation.Status;
import org.truce.rfi.model.RequestForInformation;
import org.truce.rfi.model.RfiState;
import org.truce.rfi.model.RfiTally;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link RequestsForInformation} store must do; each subclass runs it against
 * one real store, beginning every test with an empty one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RequestsForInformationContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcRequestsForInformation.class, RecordStores.class };

	private static final Instant T0 = Instant.parse("2016-09-19T18:00:00.123Z");

	private StartedOrSkipped<RunningTruce> started;

	private RequestsForInformation store;

	private TransactionTemplate tx;

	private Incidents incidents;

	private Report a;

	private Report b;

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
	void twoIncidents() {
		RunningTruce truce = this.started.get();
		truce.wipe();
		truce.bean(Sources.class).save(ReportFixture.monitor());
		this.store = truce.bean(RequestsForInformation.class);
		this.tx = truce.bean(TransactionTemplate.class);
		this.incidents = truce.bean(Incidents.class);
		this.a = ReportFixture.report().build();
		this.b = ReportFixture.report().build();
		truce.bean(Reports.class).append(List.of(ReportFixture.unkeyed(this.a), ReportFixture.unkeyed(this.b)));
		this.tx.executeWithoutResult(s -> {
			this.incidents.create(this.a.id(), List.of(this.a.id()), T0, "test");
			this.incidents.create(this.b.id(), List.of(this.b.id()), T0, "test");
		});
	}

	private RequestForInformation rfi(UUID incident, String party, String side, Instant deadline) {
		return new RequestForInformation(UUID.randomUUID(), incident, party, "Which unit flew over Urum al-Kubra?",
				"00112233445566778899aabbccddeeff", deadline, "user-1", side, T0, null, 1);
	}

	private RequestForInformation inserted(RequestForInformation r) {
		return this.tx.execute(s -> this.store.insert(r, null, null)).request();
	}

	@Test
	void aStoredRequestReadsBackAsSentOpenAtVersionOne() {
		RequestForInformation sent = rfi(this.a.id(), "syria-government", "united-states", T0.plus(Duration.ofDays(1)));

		RequestsForInformation.Inserted in = this.tx.execute(s -> this.store.insert(sent, "user-1:k1", "digest-1"));

		assertThat(in.created()).isTrue();
		assertThat(in.request()).isEqualTo(sent);
		assertThat(this.store.byId(sent.id())).contains(sent);
		assertThat(this.store.byId(sent.id()).orElseThrow().state(T0)).isEqualTo(RfiState.OPEN);
	}

	@Test
	void aSecondInsertWithTheSameKeyStoresNothingAndGivesBackTheFirst() {
		RequestForInformation first = rfi(this.a.id(), "syria-government", "monitors", T0.plusSeconds(60));
		RequestForInformation second = rfi(this.a.id(), "syria-government", "monitors", T0.plusSeconds(60));

		this.tx.execute(s -> this.store.insert(first, "user-1:same", "digest-1"));
		RequestsForInformation.Inserted again = this.tx.execute(s -> this.store.insert(second, "user-1:same", "d-2"));

		assertThat(again.created()).isFalse();
		assertThat(again.request().id()).isEqualTo(first.id());
		assertThat(again.requestDigest()).isEqualTo("digest-1");
		assertThat(this.store.byId(second.id())).isEmpty();
		assertThat(this.store.byIdempotencyKey("user-1:same")).hasValueSatisfying(i -> {
			assertThat(i.request().id()).isEqualTo(first.id());
		});
		assertThat(this.store.byIdempotencyKey("user-1:other")).isEmpty();
	}

	@Test
	void anAnswerIsRecordedOnceAndOnlyAtTheVersionRead() {
		RequestForInformation sent = inserted(
				rfi(this.a.id(), "syria-government", "russia", T0.plus(Duration.ofHours(2))));
		RequestForInformation.Answer answer = new RequestForInformation.Answer("No aircraft of ours flew there.",
				"ffeeddccbbaa99887766554433221100", "liaison-1", T0.plus(Duration.ofHours(1)));

		boolean stale = this.tx.execute(s -> this.store.answer(sent.id(), 2, answer));
		boolean first = this.tx.execute(s -> this.store.answer(sent.id(), 1, answer));
		boolean twice = this.tx.execute(s -> this.store.answer(sent.id(), 1, answer));
		boolean twiceAtNewVersion = this.tx.execute(s -> this.store.answer(sent.id(), 2, answer));

		assertThat(stale).isFalse();
		assertThat(first).isTrue();
		assertThat(twice).isFalse();
		assertThat(twiceAtNewVersion).as("an answered request takes no second answer").isFalse();
		RequestForInformation stored = this.store.byId(sent.id()).orElseThrow();
		assertThat(stored.answer()).isEqualTo(answer);
		assertThat(stored.version()).isEqualTo(2);
		assertThat(stored.state(T0.plus(Duration.ofDays(9)))).isEqualTo(RfiState.ANSWERED_ON_TIME);
	}

	@Test
	void listingsTellOpenOverdueAnsweredAndLateApartAtTheInstantGiven() {
		Instant now = T0.plus(Duration.ofDays(2));
		RequestForInformation open = inserted(
				rfi(this.a.id(), "syria-government", "united-states", now.plusSeconds(1)));
		RequestForInformation overdue = inserted(
				rfi(this.a.id(), "syria-government", "united-states", now.minusSeconds(1)));
		RequestForInformation onTime = inserted(
				rfi(this.b.id(), "russia", "united-states", T0.plus(Duration.ofDays(1))));
		RequestForInformation late = inserted(rfi(this.b.id(), "syrian-air-force", "monitors", T0.plusSeconds(10)));
		answer(onTime, T0.plus(Duration.ofDays(1)));
		answer(late, T0.plusSeconds(11));

		assertThat(ids(new Query(null, Status.OPEN, now, 100))).containsExactly(open.id());
		assertThat(ids(new Query(null, Status.OVERDUE, now, 100))).containsExactly(overdue.id());
		assertThat(ids(new Query(null, Status.ANSWERED, now, 100))).containsExactlyInAnyOrder(onTime.id(), late.id());
		assertThat(ids(new Query(null, Status.LATE, now, 100))).containsExactly(late.id());
		assertThat(ids(new Query(null, null, now, 100))).as("by deadline")
			.containsExactly(late.id(), onTime.id(), overdue.id(), open.id());
		assertThat(ids(new Query(Set.of("syria-government", "syrian-air-force"), null, now, 100)))
			.containsExactly(late.id(), overdue.id(), open.id());
		assertThat(ids(new Query(Set.of(), null, now, 100))).isEmpty();
		assertThat(ids(new Query(null, null, now, 2))).hasSize(2);

		List<RfiTally> bySide = RfiTally.by(this.store.find(new Query(null, null, now, 100)),
				RequestForInformation::requestedBySide, now);
		assertThat(bySide).containsExactly(new RfiTally("monitors", 1, 0, 1, 0, 0),
				new RfiTally("united-states", 3, 1, 0, 1, 1));
	}

	@Test
	void theRequestsAboutAnIncidentIncludeThoseAboutIncidentsMergedIntoIt() {
		RequestForInformation aboutA = inserted(rfi(this.a.id(), "syria-government", "monitors", T0.plusSeconds(5)));
		RequestForInformation aboutB = inserted(rfi(this.b.id(), "russia", "monitors", T0.plusSeconds(9)));

		assertThat(this.store.aboutIncident(this.a.id())).containsExactly(aboutA);
		this.tx.executeWithoutResult(s -> this.incidents.markMerged(this.b.id(), this.a.id(), T0.plusSeconds(1)));

		assertThat(this.store.aboutIncident(this.a.id())).containsExactly(aboutA, aboutB);
		assertThat(this.store.aboutIncident(this.b.id())).containsExactly(aboutB);
		assertThat(this.store.aboutIncident(UUID.randomUUID())).isEmpty();
	}

	private void answer(RequestForInformation r, Instant at) {
		this.tx.execute(s -> this.store.answer(r.id(), r.version(),
				new RequestForInformation.Answer("answer", "00000000000000000000000000000000", "liaison-1", at)));
	}

	private List<UUID> ids(Query query) {
		return this.store.find(query).stream().map(RequestForInformation::id).toList();
	}

}
