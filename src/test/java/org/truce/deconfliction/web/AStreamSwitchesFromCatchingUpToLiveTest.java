package org.truce.deconfliction.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/**
 * The switch from the stored alerts to the live ones, step by step, on one stream: an
 * alert may be both stored (found when the store is read) and announced (after the stream
 * was registered), before or after the switch; the client gets each once, the stored ones
 * first.
 */
class AStreamSwitchesFromCatchingUpToLiveTest {

	/** These readers are staff, who read every alert whole. */
	private static final AlertStream.View UNCUT = (a, r) -> AlertJson.of(a, AlertReaders.seesPoint(r, a));

	private static final Instant T0 = Instant.parse("2016-09-28T01:00:00Z");

	private static final DeconflictionReader MONITOR = new DeconflictionReader("monitor-1", true, false, false,
			Set.of(), List.of());

	private final AlertStream stream = new AlertStream((opened, token) -> opened, UNCUT, 4, 256, Duration.ofSeconds(10),
			Duration.ofSeconds(2));

	private final Recording emitter = new Recording();

	@Test
	void anAlertStoredAndAnnouncedDuringTheCatchUpIsSentOnceInItsPlace() throws InterruptedException {
		Alert stored = alert(0);
		Alert storedAndAnnouncedLate = alert(1);
		Alert announcedDuringCatchUp = alert(2);
		Alert storedAndAnnouncedAfterTheSwitch = alert(3);
		Alert live = alert(4);

		AlertStream.Subscriber s = this.stream.catchingUp(this.emitter, MONITOR, null);
		// Committed while the store is read: announced to the stream, held back.
		this.stream.announce(List.of(storedAndAnnouncedLate, announcedDuringCatchUp));
		assertThat(this.emitter.ids).as("held back while catching up").isEmpty();
		s.replay(stored);
		s.replay(storedAndAnnouncedLate);
		s.replay(storedAndAnnouncedAfterTheSwitch);
		s.live();
		// Its announcement comes late, after the switch; then a new one.
		this.stream.announce(List.of(storedAndAnnouncedAfterTheSwitch));
		this.stream.announce(List.of(live));

		this.emitter.await(5);
		assertThat(this.emitter.ids).containsExactly(stored.id(), storedAndAnnouncedLate.id(),
				storedAndAnnouncedAfterTheSwitch.id(), announcedDuringCatchUp.id(), live.id());
	}

	@Test
	void aLiveStreamGetsTheAlertsOfOneAnnouncementInTheOrderOfTheirIds() throws InterruptedException {
		List<Alert> alerts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			alerts.add(alert(0));
		}
		this.stream.catchingUp(this.emitter, MONITOR, null).live();
		List<Alert> shuffled = new ArrayList<>(alerts);
		Collections.shuffle(shuffled);

		this.stream.announce(shuffled);

		this.emitter.await(20);
		assertThat(this.emitter.ids)
			.containsExactlyElementsOf(alerts.stream().map(Alert::id).sorted(AlertStream.BY_ID).toList());
	}

	@Test
	void aReaderIsSentOnlyTheLiveAlertsItMaySee() throws InterruptedException {
		DeconflictionReader notifier = new DeconflictionReader("notifier-1", false, false, true, Set.of(), List.of());
		Alert its = alert(0, "notifier-1");
		Alert anothers = alert(1, "notifier-2");
		AlertStream.Subscriber s = this.stream.catchingUp(this.emitter, notifier, null);
		this.stream.announce(List.of(its, anothers));
		s.live();

		this.emitter.await(1);
		assertThat(this.emitter.ids).containsExactly(its.id());
	}

	private static Alert alert(int second) {
		return alert(second, "notifier-1");
	}

	private static Alert alert(int second, String notifiedBy) {
		Instant at = T0.plusSeconds(second);
		return new Alert(Ids.newId(Clock.fixed(at, ZoneOffset.UTC)), UUID.randomUUID(), EventType.AIR_DRONE_STRIKE, T0,
				T0, 36.2139, 37.1597, 50, UUID.randomUUID(), ProtectedPlaceKind.SITE, "Al-Quds hospital", null,
				notifiedBy, Proximity.WITHIN, 0, 1000, false, at);
	}

	/** An emitter that records the id of each event sent, in order. */
	private static final class Recording extends SseEmitter {

		private static final Pattern ID = Pattern.compile("(?m)^id:(.+)$");

		final List<UUID> ids = new CopyOnWriteArrayList<>();

		/**
		 * Waits (up to 5 s) for this many ids: once live, sends are made by the stream's
		 * sender.
		 */
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
