package org.truce.deconfliction.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.deconfliction.application.DeclaredPositions;
import org.truce.deconfliction.application.Notifications;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProtectedPlaces;
import org.truce.deconfliction.application.ProtectedPlacesChanged;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.MovementKind;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.deconfliction.model.SiteKind;
import org.truce.shared.Asserted;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the notifications and declared-positions store must do; each subclass runs it
 * against one real store, beginning every test with an empty one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationsContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcNotifications.class };

	private static final Instant T0 = Instant.parse("2016-09-19T10:00:00.123Z");

	private static final String SALT = "00112233445566778899aabbccddeeff";

	private StartedOrSkipped<RunningTruce> started;

	private Notifications store;

	private DeclaredPositions positions;

	private ProtectedPlaces places;

	private TransactionTemplate tx;

	private final List<Object> announced = new CopyOnWriteArrayList<>();

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
		ApplicationListener<PayloadApplicationEvent<?>> listener = e -> {
			if (e.getPayload() instanceof ProtectedPlacesChanged changed) {
				this.announced.add(changed);
			}
		};
		this.started.get().bean(ApplicationEventMulticaster.class).addApplicationListener(listener);
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
		this.store = truce.bean(Notifications.class);
		this.positions = truce.bean(DeclaredPositions.class);
		this.places = truce.bean(ProtectedPlaces.class);
		this.tx = truce.bean(TransactionTemplate.class);
		this.announced.clear();
	}

	static Geometry wkt(String text) {
		try {
			return new WKTReader().read(text);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static Notification hospital(Set<String> parties) {
		return new Notification(UUID.randomUUID(), Notification.Kind.SITE, "Al-Quds hospital", SiteKind.HOSPITAL, null,
				wkt("POINT (37.1293 36.1987)"), null, null, List.of(), "Red crescent on the roof", parties,
				"notifier-1", T0, null, 1);
	}

	static Notification convoy() {
		return new Notification(UUID.randomUUID(), Notification.Kind.MOVEMENT, "UN/SARC convoy to Urum al-Kubra", null,
				MovementKind.CONVOY, wkt("LINESTRING (37.1611 36.2021, 36.99 36.16, 36.94775 36.1481)"),
				T0.plusSeconds(3600), T0.plusSeconds(36 * 3600),
				List.of(new Notification.Vehicle("truck", "SARC-17", "UN flag"),
						new Notification.Vehicle("truck", null, null)),
				"UN and SARC emblems", Set.of("syria-government", "russia"), "notifier-1", T0, null, 1);
	}

	@Test
	void aStoredSiteReadsBackAsItWasSentWithNoAcknowledgment() {
		Notification sent = hospital(Set.of("syria-government"));

		this.tx.executeWithoutResult(s -> this.store.insert(sent, SALT));

		NotificationHistory read = this.store.byId(sent.id()).orElseThrow();
		assertThat(read.notification()).usingRecursiveComparison().ignoringFields("geometry").isEqualTo(sent);
		assertThat(read.notification().geometry().equalsExact(sent.geometry())).isTrue();
		assertThat(read.acknowledgments()).isEmpty();
		assertThat(read.contentSalt()).isEqualTo(SALT);
		assertThat(this.store.byId(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aMovementKeepsItsRouteVehiclesAndWindowSoItsCommitmentCanBeRecomputed() {
		Notification sent = convoy();

		this.tx.executeWithoutResult(s -> this.store.insert(sent, SALT));

		Notification read = this.store.byId(sent.id()).orElseThrow().notification();
		assertThat(read.vehicles()).isEqualTo(sent.vehicles());
		assertThat(read.from()).isEqualTo(sent.from());
		assertThat(read.to()).isEqualTo(sent.to());
		assertThat(read.parties()).containsExactlyInAnyOrder("syria-government", "russia");
		assertThat(Notifying.content(read)).isEqualTo(Notifying.content(sent));
	}

	@Test
	void aPartysSecondAcknowledgmentKeepsTheFirst() {
		Notification sent = convoy();
		this.tx.executeWithoutResult(s -> this.store.insert(sent, SALT));
		Acknowledgment first = new Acknowledgment(sent.id(), "russia", "liaison-ru", T0.plusSeconds(60));
		Acknowledgment second = new Acknowledgment(sent.id(), "russia", "liaison-ru-2", T0.plusSeconds(120));

		boolean a = this.tx.execute(s -> this.store.acknowledge(first));
		boolean b = this.tx.execute(s -> this.store.acknowledge(second));

		assertThat(a).isTrue();
		assertThat(b).isFalse();
		NotificationHistory h = this.store.byId(sent.id()).orElseThrow();
		assertThat(h.acknowledgments()).containsExactly(first);
		assertThat(h.acknowledgment("syria-government")).isEmpty();
	}

	@Test
	void aWithdrawalHappensOnceAndLeavesTheProtectedPlaces() {
		Notification kept = hospital(Set.of("syria-government"));
		Notification withdrawn = convoy();
		this.tx.executeWithoutResult(s -> {
			this.store.insert(kept, SALT);
			this.store.insert(withdrawn, SALT);
		});

		boolean first = this.tx.execute(s -> this.store.withdraw(withdrawn.id(), "notifier-1", T0.plusSeconds(5)));
		boolean again = this.tx.execute(s -> this.store.withdraw(withdrawn.id(), "notifier-1", T0.plusSeconds(9)));

		assertThat(first).isTrue();
		assertThat(again).isFalse();
		NotificationHistory h = this.store.byId(withdrawn.id()).orElseThrow();
		assertThat(h.notification().withdrawnAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(h.withdrawnBy()).isEqualTo("notifier-1");
		assertThat(h.notification().version()).isEqualTo(2);
		assertThat(this.places.notifications()).extracting(Notification::id).containsExactly(kept.id());
	}

	@Test
	void findingFiltersByPartyByNotifierAndByWithdrawal() {
		Notification toSyria = hospital(Set.of("syria-government"));
		Notification toBoth = convoy();
		Notification byOther = new Notification(UUID.randomUUID(), Notification.Kind.SITE, "School", SiteKind.SCHOOL,
				null, wkt("POLYGON ((37 36, 37.01 36, 37.01 36.01, 37 36))"), null, null, List.of(), null,
				Set.of("russia"), "notifier-2", T0.plusSeconds(1), null, 1);
		this.tx.executeWithoutResult(s -> {
			this.store.insert(toSyria, SALT);
			this.store.insert(toBoth, SALT);
			this.store.insert(byOther, SALT);
			this.store.withdraw(toBoth.id(), "notifier-1", T0.plusSeconds(2));
		});

		assertThat(this.store.find(new Notifications.Query(Set.of("syria-government"), null, true, 10)))
			.extracting(h -> h.notification().id())
			.containsExactlyInAnyOrder(toSyria.id(), toBoth.id());
		assertThat(this.store.find(new Notifications.Query(Set.of("syria-government"), null, false, 10)))
			.extracting(h -> h.notification().id())
			.containsExactly(toSyria.id());
		assertThat(this.store.find(new Notifications.Query(null, "notifier-2", true, 10)))
			.extracting(h -> h.notification().id())
			.containsExactly(byOther.id());
		assertThat(this.store.find(new Notifications.Query(Set.of(), null, true, 10))).isEmpty();
		assertThat(this.store.find(new Notifications.Query(null, null, true, 10)).get(0).notification().id())
			.as("newest first")
			.isEqualTo(byOther.id());
	}

	@Test
	void whatWasAssertedAfterTheFactIsKeptApartFromWhenItWasRecorded() {
		Instant recorded = Instant.parse("2026-12-07T04:00:00.456Z");
		Asserted byOcha = new Asserted(T0.minusSeconds(86400), "OCHA", "Statement of 19 September 2016",
				"https://m.reliefweb.int/report/1700831");
		Notification c = convoy();
		Notification sent = new Notification(c.id(), c.kind(), c.name(), c.siteKind(), c.movementKind(), c.geometry(),
				c.from(), c.to(), c.vehicles(), c.markings(), c.parties(), c.notifiedBy(), recorded, byOcha, null, 1);
		Asserted byLetter = new Asserted(T0.plusSeconds(60), "Syrian liaison office", null, null);
		DeclaredPosition declared = new DeclaredPosition(UUID.randomUUID(), "united-states", "Team north",
				wkt("POINT (38 36.5)"), T0, T0.plusSeconds(3600), "co-chair-us", recorded,
				new Asserted(T0, "US delegation", "Note verbale", null), null);

		this.tx.executeWithoutResult(s -> {
			this.store.insert(sent, SALT);
			this.store.acknowledge(new Acknowledgment(sent.id(), "syria-government", "liaison-sy", recorded, byLetter));
			this.store.acknowledge(new Acknowledgment(sent.id(), "russia", "liaison-ru", recorded.plusSeconds(1)));
			this.positions.insert(declared, SALT);
		});

		NotificationHistory read = this.store.byId(sent.id()).orElseThrow();
		assertThat(read.notification().notifiedAt()).isEqualTo(recorded);
		assertThat(read.notification().asserted()).isEqualTo(byOcha);
		assertThat(read.acknowledgment("syria-government").orElseThrow().asserted()).isEqualTo(byLetter);
		assertThat(read.acknowledgment("syria-government").orElseThrow().at()).isEqualTo(recorded);
		assertThat(read.acknowledgment("russia").orElseThrow().asserted())
			.isEqualTo(Asserted.recorded(recorded.plusSeconds(1), "liaison-ru"));
		assertThat(this.positions.position(declared.id()).orElseThrow().position().asserted())
			.isEqualTo(declared.asserted());
	}

	@Test
	void declaredPositionsAreFoundBySideAndLeaveTheProtectedPlacesWhenWithdrawn() {
		DeclaredPosition us = new DeclaredPosition(UUID.randomUUID(), "united-states", "Team north",
				wkt("POLYGON ((38 36.5, 38.1 36.5, 38.1 36.6, 38 36.6, 38 36.5))"), T0, T0.plusSeconds(86400),
				"co-chair-us", T0, null);
		DeclaredPosition sy = new DeclaredPosition(UUID.randomUUID(), "syria-government", null,
				wkt("POINT (37.2 36.2)"), T0, T0.plusSeconds(3600), "liaison-sy", T0.plusSeconds(1), null);
		this.tx.executeWithoutResult(s -> {
			this.positions.insert(us, SALT);
			this.positions.insert(sy, SALT);
		});

		assertThat(this.positions.position(us.id()).orElseThrow().position()).usingRecursiveComparison()
			.ignoringFields("area")
			.isEqualTo(us);
		assertThat(this.positions.findPositions(Set.of("united-states"), false, 10)).extracting(r -> r.position().id())
			.containsExactly(us.id());
		assertThat(this.places.positions()).hasSize(2);

		boolean withdrawn = this.tx.execute(s -> this.positions.withdrawPosition(sy.id(), "liaison-sy", T0));
		assertThat(withdrawn).isTrue();
		boolean again = this.tx.execute(s -> this.positions.withdrawPosition(sy.id(), "liaison-sy", T0));
		assertThat(again).isFalse();
		assertThat(this.places.positions()).extracting(DeclaredPosition::id).containsExactly(us.id());
		assertThat(this.positions.findPositions(null, true, 10)).hasSize(2);
		assertThat(this.positions.position(sy.id()).orElseThrow().withdrawnBy()).isEqualTo("liaison-sy");
	}

	@Test
	void aChangeIsAnnouncedOnlyOnceItsTransactionCommits() {
		Notification sent = hospital(Set.of("syria-government"));
		this.tx.executeWithoutResult(s -> {
			this.store.insert(sent, SALT);
			assertThat(this.announced).as("not before the commit").isEmpty();
		});
		assertThat(this.announced).hasSize(1);

		assertThatThrownBy(() -> this.tx.executeWithoutResult(s -> {
			this.store.insert(convoy(), SALT);
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");
		assertThat(this.announced).as("nothing announced for a rollback").hasSize(1);
	}

}
