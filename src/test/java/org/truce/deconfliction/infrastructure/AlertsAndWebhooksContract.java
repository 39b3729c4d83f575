package org.truce.deconfliction.infrastructure;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.transaction.support.TransactionTemplate;
import org.truce.deconfliction.application.Alerts;
import org.truce.deconfliction.application.Webhooks;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.ProtectedPlaceKind;
import org.truce.deconfliction.model.Proximity;
import org.truce.deconfliction.model.Webhook;
import org.truce.report.model.EventType;
import org.truce.shared.Ids;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the alerts and webhook stores must do, run against each real store: alerts read
 * back as stored and are cut to their readers; deliveries are claimed once, retried when
 * due, and logged with every attempt.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AlertsAndWebhooksContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcAlerts.class, JdbcWebhooks.class, PostgresAlertRelay.class };

	private static final Instant T0 = Instant.parse("2016-09-19T16:30:00Z");

	private StartedOrSkipped<RunningTruce> started;

	private Alerts alerts;

	private Webhooks webhooks;

	private TransactionTemplate tx;

	/**
	 * The application's own webhook sender would claim the deliveries this contract
	 * claims (they are due: they date from 2016); it looks for due ones only hourly here.
	 */
	static final Map<String, Object> QUIET_SENDER = Map.of("truce.webhooks.poll-ms", "3600000");

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
	void emptyStore() {
		RunningTruce truce = this.started.get();
		truce.wipe();
		this.alerts = truce.bean(Alerts.class);
		this.webhooks = truce.bean(Webhooks.class);
		this.tx = truce.bean(TransactionTemplate.class);
	}

	@Test
	void anAlertReadsBackAsStoredAndByItsReport() {
		Alert convoy = alert(ProtectedPlaceKind.MOVEMENT, null, "notifier-1", T0);

		assertThat(write(() -> this.alerts.insert(List.of(convoy)))).containsExactly(convoy);

		assertThat(this.alerts.byId(convoy.id())).contains(convoy);
		assertThat(this.alerts.ofReport(convoy.reportId())).containsExactly(convoy);
	}

	@Test
	void anAlertReadsBackWithItsCell() {
		Alert a = alert(ProtectedPlaceKind.DECLARED_POSITION, "united-states", "liaison-1", T0);
		Alert withCell = new Alert(a.id(), a.reportId(), a.eventType(), a.incidentStart(), a.incidentEnd(),
				a.latitude(), a.longitude(), a.uncertaintyMetres(), a.placeId(), a.placeKind(), a.placeName(),
				a.restrictedToSide(), a.notifiedBy(), a.proximity(), a.distanceMetres(), a.thresholdMetres(),
				a.timeStraddles(), a.raisedAt(),
				new Alert.Cell(36.15, 36.95, 0.1, Proximity.POSSIBLY_WITHIN, 0, 12600));

		write(() -> this.alerts.insert(List.of(withCell)));

		assertThat(this.alerts.byId(withCell.id())).contains(withCell);
	}

	@Test
	void eachReaderGetsOnlyTheAlertsItMaySeeNewestFirst() {
		Alert site = alert(ProtectedPlaceKind.SITE, null, "notifier-1", T0);
		Alert otherNotifiers = alert(ProtectedPlaceKind.SITE, null, "notifier-2", T0.plusSeconds(1));
		Alert position = alert(ProtectedPlaceKind.DECLARED_POSITION, "united-states", null, T0.plusSeconds(2));
		write(() -> this.alerts.insert(List.of(site, otherNotifiers, position)));

		assertThat(this.alerts.newest(10, true, null, Set.of(), true)).as("a co-chair")
			.containsExactly(position, otherNotifiers, site);
		assertThat(this.alerts.newest(10, true, null, Set.of(), false)).as("a monitor")
			.containsExactly(otherNotifiers, site);
		assertThat(this.alerts.newest(10, false, "notifier-1", Set.of(), false)).as("a notifier: its own places")
			.containsExactly(site);
		assertThat(this.alerts.newest(10, false, null, Set.of("united-states"), false))
			.as("the declaring side: its own positions")
			.containsExactly(position);
		assertThat(this.alerts.newest(10, false, null, Set.of("russia"), false)).isEmpty();
		assertThat(this.alerts.newest(1, true, null, Set.of(), true)).containsExactly(position);
	}

	@Test
	void theAlertsAfterOneAreReadOldestFirstAndCutToTheirReaders() {
		Alert first = alert(ProtectedPlaceKind.SITE, null, "notifier-1", T0);
		Alert otherNotifiers = alert(ProtectedPlaceKind.SITE, null, "notifier-2", T0.plusSeconds(1));
		Alert position = alert(ProtectedPlaceKind.DECLARED_POSITION, "united-states", null, T0.plusSeconds(2));
		Alert last = alert(ProtectedPlaceKind.SITE, null, "notifier-1", T0.plusSeconds(3));
		write(() -> this.alerts.insert(List.of(last, position, first, otherNotifiers)));

		assertThat(this.alerts.after(first.id(), 10, true, null, Set.of(), true)).as("a co-chair")
			.containsExactly(otherNotifiers, position, last);
		assertThat(this.alerts.after(first.id(), 10, true, null, Set.of(), false)).as("a monitor")
			.containsExactly(otherNotifiers, last);
		assertThat(this.alerts.after(first.id(), 10, false, "notifier-1", Set.of(), false))
			.as("a notifier: its own places")
			.containsExactly(last);
		assertThat(this.alerts.after(first.id(), 10, false, null, Set.of("united-states"), false))
			.as("the declaring side: its own positions")
			.containsExactly(position);
		assertThat(this.alerts.after(first.id(), 10, false, null, Set.of(), false)).as("nobody").isEmpty();
		assertThat(this.alerts.after(first.id(), 2, true, null, Set.of(), true)).containsExactly(otherNotifiers,
				position);
		assertThat(this.alerts.after(last.id(), 10, true, null, Set.of(), true)).isEmpty();
	}

	@Test
	void alertsRaisedInTheSameMillisecondAreReadInTheOrderOfTheirIdsAsNumbers() {
		List<Alert> sameMillisecond = new java.util.ArrayList<>();
		for (int i = 0; i < 40; i++) {
			sameMillisecond.add(alert(ProtectedPlaceKind.SITE, null, "notifier-1", T0));
		}
		write(() -> this.alerts.insert(sameMillisecond));
		java.util.Comparator<UUID> unsigned = (a, b) -> {
			int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
			return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
		};
		List<UUID> ordered = sameMillisecond.stream().map(Alert::id).sorted(unsigned).toList();

		List<UUID> read = this.alerts.after(ordered.get(0), 100, true, null, Set.of(), false)
			.stream()
			.map(Alert::id)
			.toList();

		assertThat(read).containsExactlyElementsOf(ordered.subList(1, ordered.size()));
		List<UUID> newestFirst = new java.util.ArrayList<>(ordered);
		java.util.Collections.reverse(newestFirst);
		assertThat(this.alerts.newest(100, true, null, Set.of(), false)).extracting(Alert::id)
			.containsExactlyElementsOf(newestFirst);
	}

	@Test
	void aDueDeliveryIsClaimedOnceRetriedWhenDueAndLoggedWithEveryAttempt() {
		Alert alert = alert(ProtectedPlaceKind.SITE, null, "notifier-1", T0);
		UUID subscription = UUID.randomUUID();
		UUID delivery = UUID.randomUUID();
		write(() -> {
			this.alerts.insert(List.of(alert));
			this.webhooks
				.add(new Webhook.Subscription(subscription, "https://example.org/hook", "s3cret", "admin-1", T0, true));
			this.webhooks.enqueue(List.of(new Webhook.Delivery(delivery, subscription, alert.id(), "{\"a\":1}",
					Webhook.Status.PENDING, 0, T0, T0, null, null)));
			return null;
		});
		assertThat(this.webhooks.subscriptions()).extracting(Webhook.Subscription::url)
			.containsExactly("https://example.org/hook");
		assertThat(this.webhooks.nextDue()).contains(T0);

		List<Webhook.Delivery> claimed = this.webhooks.claimDue(T0.plusSeconds(1), T0.plusSeconds(60), 10);
		assertThat(claimed).extracting(Webhook.Delivery::id).containsExactly(delivery);
		assertThat(this.webhooks.claimDue(T0.plusSeconds(2), T0.plusSeconds(60), 10)).as("held by its sender")
			.isEmpty();

		this.webhooks.attempted(new Webhook.Attempt(delivery, 1, T0.plusSeconds(1), 500, null, 12),
				Webhook.Status.PENDING, T0.plusSeconds(10));
		assertThat(this.webhooks.claimDue(T0.plusSeconds(5), T0.plusSeconds(60), 10)).as("not yet due again").isEmpty();
		assertThat(this.webhooks.claimDue(T0.plusSeconds(11), T0.plusSeconds(60), 10)).hasSize(1);
		this.webhooks.attempted(new Webhook.Attempt(delivery, 2, T0.plusSeconds(11), 204, null, 8),
				Webhook.Status.DELIVERED, T0.plusSeconds(11));

		Webhook.Delivery done = this.webhooks.delivery(delivery).orElseThrow();
		assertThat(done.status()).isEqualTo(Webhook.Status.DELIVERED);
		assertThat(done.attempts()).isEqualTo(2);
		assertThat(this.webhooks.claimDue(T0.plusSeconds(100), T0.plusSeconds(160), 10)).isEmpty();
		List<Webhook.Logged> log = this.webhooks.log(subscription, 10);
		assertThat(log).singleElement()
			.satisfies(l -> assertThat(l.attempts()).extracting(Webhook.Attempt::statusCode).containsExactly(500, 204));
	}

	private static Alert alert(ProtectedPlaceKind kind, String side, String notifiedBy, Instant raisedAt) {
		// Alert ids are time-ordered (UUID v7), as RaisingAlerts makes them: newest first
		// is by id.
		return new Alert(Ids.newId(Clock.fixed(raisedAt, ZoneOffset.UTC)), UUID.randomUUID(),
				EventType.AIR_DRONE_STRIKE, T0.minusSeconds(600), T0, 36.1481, 36.94775, 2000, UUID.randomUUID(), kind,
				"Urum al-Kubra convoy", side, notifiedBy, Proximity.POSSIBLY_WITHIN, 1450.5, 1000, false, raisedAt);
	}

	private <T> T write(java.util.function.Supplier<T> work) {
		return this.tx.execute(status -> work.get());
	}

}
