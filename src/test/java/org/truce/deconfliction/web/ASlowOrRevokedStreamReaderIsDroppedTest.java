package org.truce.deconfliction.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.truce.deconfliction.application.AlertJson;
import org.truce.deconfliction.application.AlertReaders;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.model.Alert;
import org.truce.deconfliction.model.ProtectedPlaceKind;
import org.truce.deconfliction.model.Proximity;
import org.truce.report.model.EventType;
import org.truce.shared.Ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The streams of several readers, one of them deliberately slow (its writes never
 * return): announcing alerts never waits for it, the others get every alert at once, and
 * the slow one is dropped. A reader whose roles are revoked, or whose token stops
 * working, gets nothing more and loses its stream; one whose roles narrow gets only what
 * it may still see. A user may hold a limited number of streams.
 */
class ASlowOrRevokedStreamReaderIsDroppedTest {

	/** These readers are staff, who read every alert whole. */
	private static final AlertStream.View UNCUT = (a, r) -> AlertJson.of(a, AlertReaders.seesPoint(r, a));

	private static final Instant T0 = Instant.parse("2016-09-28T01:00:00Z");

	private static final DeconflictionReader MONITOR = new DeconflictionReader("monitor-1", true, false, false,
			Set.of(), List.of());

	private static final DeconflictionReader OTHER_MONITOR = new DeconflictionReader("monitor-2", true, false, false,
			Set.of(), List.of());

	private final CountDownLatch release = new CountDownLatch(1);

	@AfterEach
	void releaseTheSlowClient() {
		this.release.countDown();
	}

	@Test
	void aSlowClientIsDroppedAndNeverHoldsUpTheOthers() throws Exception {
		// A long write timeout: here the slow client is dropped because its queue fills.
		AlertStream stream = new AlertStream((opened, token) -> opened, UNCUT, 4, 16, Duration.ofMinutes(1),
				Duration.ofSeconds(2));
		Stalling slow = new Stalling(this.release);
		Recording fast = new Recording();
		stream.catchingUp(slow, MONITOR, null).live();
		stream.catchingUp(fast, OTHER_MONITOR, null).live();

		List<Alert> alerts = new CopyOnWriteArrayList<>();
		assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
			// Alerts a few milliseconds apart, as they are raised.
			for (int i = 0; i < 40; i++) {
				Alert a = alert(i, "notifier-1");
				alerts.add(a);
				stream.announce(List.of(a));
				Thread.sleep(5);
			}
		}, "announcing waits for no client");

		fast.await(40);
		assertThat(fast.ids).containsExactlyElementsOf(alerts.stream().map(Alert::id).toList());
		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (stream.size() > 1 && System.nanoTime() < until) {
			Thread.sleep(10);
		}
		assertThat(stream.size()).as("the slow client was dropped").isEqualTo(1);
		assertThat(slow.attempts.get()).as("the slow client's one write in progress").isEqualTo(1);
	}

	@Test
	void aStalledWriteIsDroppedAfterTheTimeoutEvenWithRoomInTheQueue() throws Exception {
		AlertStream stream = new AlertStream((opened, token) -> opened, UNCUT, 4, 1000, Duration.ofMillis(200),
				Duration.ofSeconds(2));
		Stalling slow = new Stalling(this.release);
		stream.catchingUp(slow, MONITOR, null).live();
		stream.announce(List.of(alert(0, "notifier-1")));

		long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (stream.size() > 0 && System.nanoTime() < until) {
			Thread.sleep(10);
		}
		assertThat(stream.size()).isZero();
	}

	@Test
	void aReaderWhoseAccessEndsGetsNothingMoreAndLosesTheStream() throws Exception {
		AtomicBoolean revoked = new AtomicBoolean();
		AlertStream stream = new AlertStream((opened, token) -> revoked.get() ? null : opened, UNCUT, 4, 16,
				Duration.ofSeconds(10), Duration.ZERO);
		Recording client = new Recording();
		stream.catchingUp(client, MONITOR, UUID.randomUUID()).live();
		Alert before = alert(0, "notifier-1");
		stream.announce(List.of(before));
		client.await(1);

		revoked.set(true);
		stream.announce(List.of(alert(1, "notifier-1")));

		Thread.sleep(200);
		assertThat(client.ids).containsExactly(before.id());
		assertThat(stream.size()).isZero();
	}

	@Test
	void aReaderWhoseRolesNarrowGetsOnlyWhatItMayStillSee() throws Exception {
		DeconflictionReader notifier = new DeconflictionReader("monitor-1", false, false, true, Set.of(), List.of());
		AtomicReference<DeconflictionReader> now = new AtomicReference<>(MONITOR);
		AlertStream stream = new AlertStream((opened, token) -> now.get(), UNCUT, 4, 16, Duration.ofSeconds(10),
				Duration.ZERO);
		Recording client = new Recording();
		stream.catchingUp(client, MONITOR, null).live();

		now.set(notifier);
		Alert anothers = alert(0, "notifier-2");
		Alert its = alert(1, "monitor-1");
		stream.announce(List.of(anothers, its));

		client.await(1);
		assertThat(client.ids).containsExactly(its.id());
	}

	@Test
	void aUserHoldsAtMostTheAllowedNumberOfStreams() {
		AlertStream stream = new AlertStream((opened, token) -> opened, UNCUT, 2, 16, Duration.ofSeconds(10),
				Duration.ofSeconds(2));
		stream.catchingUp(new Recording(), MONITOR, null).live();
		stream.catchingUp(new Recording(), MONITOR, null).live();

		assertThatThrownBy(() -> stream.catchingUp(new Recording(), MONITOR, null))
			.isInstanceOf(AlertStream.TooManyStreams.class);
		stream.catchingUp(new Recording(), OTHER_MONITOR, null).live();
		assertThat(stream.size()).isEqualTo(3);
	}

	private static Alert alert(int second, String notifiedBy) {
		Instant at = T0.plusSeconds(second);
		return new Alert(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), UUID.randomUUID(), EventType.AIR_DRONE_STRIKE, T0,
				T0, 36.2139, 37.1597, 50, UUID.randomUUID(), ProtectedPlaceKind.SITE, "Al-Quds hospital", null,
				notifiedBy, Proximity.WITHIN, 0, 1000, false, at);
	}

	/** A client that never reads: every write blocks until the test ends. */
	private static final class Stalling extends SseEmitter {

		private final CountDownLatch release;

		final AtomicInteger attempts = new AtomicInteger();

		Stalling(CountDownLatch release) {
			this.release = release;
		}

		@Override
		public void send(SseEventBuilder builder) {
			this.attempts.incrementAndGet();
			try {
				this.release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

	/** An emitter that records the id of each alert sent, in order. */
	private static final class Recording extends SseEmitter {

		private static final Pattern ID = Pattern.compile("(?m)^id:(.+)$");

		final List<UUID> ids = new CopyOnWriteArrayList<>();

		void await(int count) throws InterruptedException {
			long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
			while (this.ids.size() < count && System.nanoTime() < until) {
				Thread.sleep(5);
			}
			Thread.sleep(50);
		}

		@Override
		public void send(SseEventBuilder builder) {
			for (ResponseBodyEmitter.DataWithMediaType part : builder.build()) {
				if (part.getData() instanceof String text) {
					Matcher m = ID.matcher(text);
					if (m.find()) {
						this.ids.add(UUID.fromString(m.group(1).strip()));
					}
				}
			}
		}

	}

}
