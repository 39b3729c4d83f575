package org.truce.deconfliction.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.truce.deconfliction.application.AlertViews;
import org.truce.deconfliction.application.AlertReaders;
import org.truce.deconfliction.application.AlertsRaised;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.ReadingAlerts;
import org.truce.deconfliction.model.Alert;
import org.truce.identity.application.ManagingUsers;

/**
 * The open event streams, each with its reader. Each alert raised is sent to every stream
 * whose reader may see it, as an event named {@code alert} whose id is the alert's id and
 * whose data is its JSON; the alerts of one {@link AlertsRaised} in the order of their
 * ids.
 *
 * <p>
 * A stream is registered before the store is read, and holds back the live alerts until
 * the stored ones are sent ({@link Subscriber#replay}, then {@link Subscriber#live}). An
 * alert is announced only after it is committed, so each alert is either stored before
 * the store is read, or announced after the stream was registered, or both: sending the
 * held ones not replayed leaves no gap and no duplicate. Thread-safe.
 *
 * <p>
 * <b>The reader now, not when it connected.</b> Before each alert is queued for a stream,
 * its reader is read again: the user's current grants, and whether the API token it
 * connected with still works ({@link ManagingUsers#currentGrants}), cached for
 * {@code truce.alerts.stream-recheck-ms} (default 2000) per user and token, so that a
 * burst of alerts costs one lookup. A user who is disabled, or whose token is revoked or
 * expired, loses the stream; one whose roles changed is sent what the new roles may see.
 * A user of an identity provider keeps the roles the provider gave at sign-in (Truce
 * cannot ask again), until the stream ends ({@code timeoutSeconds}).
 *
 * <p>
 * <b>At most {@code truce.alerts.max-streams-per-user} (default 4) streams per user.</b>
 * At the cap, the user's streams are probed with a comment first (a client gone away is
 * found by a failed write), then another is refused ({@link TooManyStreams}: 429 with
 * Retry-After).
 *
 * <p>
 * <b>No client waits for another.</b> Events are queued per stream (at most
 * {@code truce.alerts.stream-queue}, default 256) and written by a sender of the stream's
 * own, so the thread that announces alerts never writes to a socket. A stream whose queue
 * is full, or whose write has taken longer than
 * {@code truce.alerts.stream-send-timeout-ms} (default 10000), is dropped: a slow client
 * loses its stream (and reconnects with Last-Event-ID to catch up), the others are not
 * held up.
 */
@Component
class AlertStream {

	/** By id as an unsigned 128-bit number: for UUID v7, by time. */
	static final Comparator<UUID> BY_ID = (a, b) -> {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	/** The reader a user is now, or null when it may no longer read anything. */
	@FunctionalInterface
	/**
	 * An alert as one reader may read it ({@link AlertViews}), or null when it is not one
	 * the reader gets ({@link AlertViews#shows}).
	 */
	interface View {

		Map<String, Object> of(Alert alert, DeconflictionReader reader);

	}

	interface Recheck {

		/**
		 * @param opened the reader the stream was opened with
		 * @param tokenId the API token it was opened with, or null
		 * @return the reader now; {@code opened} when it cannot be asked again; null when
		 * the user or token no longer works
		 */
		DeconflictionReader now(DeconflictionReader opened, UUID tokenId);

	}

	/** A user holds as many streams as allowed. */
	static final class TooManyStreams extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int max;

		TooManyStreams(int max) {
			super("too many streams", null, false, false);
			this.max = max;
		}

		int max() {
			return this.max;
		}

	}

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	private final Recheck recheck;

	private final View view;

	private final int maxPerUser;

	private final int queueSize;

	private final long sendTimeoutNanos;

	private final long recheckNanos;

	private final Map<String, Cached> readers = new ConcurrentHashMap<>();

	private final ExecutorService senders = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "truce-alert-stream-sender");
		t.setDaemon(true);
		return t;
	});

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "truce-alert-stream-watchdog");
		t.setDaemon(true);
		return t;
	});

	private record Cached(DeconflictionReader reader, long until) {

	}

	@Autowired
	AlertStream(ReadingAlerts alerts, ManagingUsers users, AlertViews views,
			@Value("${truce.alerts.max-streams-per-user:4}") int maxPerUser,
			@Value("${truce.alerts.stream-queue:256}") int queueSize,
			@Value("${truce.alerts.stream-send-timeout-ms:10000}") long sendTimeoutMs,
			@Value("${truce.alerts.stream-recheck-ms:2000}") long recheckMs) {
		this((opened, tokenId) -> {
			if (opened.userId() == null || opened.userId().startsWith("oidc:")) {
				return opened;
			}
			UUID id;
			try {
				id = UUID.fromString(opened.userId());
			}
			catch (IllegalArgumentException ex) {
				return opened;
			}
			return users.currentGrants(id, tokenId).map(grants -> alerts.reader(opened.userId(), grants)).orElse(null);
		}, (alert, reader) -> views.shown(alert, reader).orElse(null), maxPerUser, queueSize,
				Duration.ofMillis(sendTimeoutMs), Duration.ofMillis(recheckMs));
	}

	AlertStream(Recheck recheck, View view, int maxPerUser, int queueSize, Duration sendTimeout,
			Duration recheckEvery) {
		this.recheck = recheck;
		this.view = view;
		this.maxPerUser = Math.max(1, maxPerUser);
		this.queueSize = Math.max(1, queueSize);
		this.sendTimeoutNanos = sendTimeout.toNanos();
		this.recheckNanos = recheckEvery.toNanos();
		long every = Math.max(50, sendTimeout.toMillis() / 4);
		this.watchdog.scheduleWithFixedDelay(this::dropStalled, every, every, TimeUnit.MILLISECONDS);
	}

	/**
	 * A stream that holds back the live alerts until {@link Subscriber#live} is called:
	 * send the stored ones with {@link Subscriber#replay} first.
	 * @param tokenId the API token the reader connected with, or null
	 * @throws TooManyStreams when the user holds the most streams allowed
	 */
	Subscriber catchingUp(SseEmitter emitter, DeconflictionReader reader, UUID tokenId) {
		Subscriber s = new Subscriber(emitter, reader, tokenId);
		if (reader.userId() != null && countOf(reader.userId()) >= this.maxPerUser) {
			probe(reader.userId());
			if (countOf(reader.userId()) >= this.maxPerUser) {
				throw new TooManyStreams(this.maxPerUser);
			}
		}
		this.subscribers.add(s);
		s.emitter.onCompletion(() -> this.subscribers.remove(s));
		s.emitter.onTimeout(() -> {
			this.subscribers.remove(s);
			s.emitter.complete();
		});
		s.emitter.onError(ex -> this.subscribers.remove(s));
		return s;
	}

	private long countOf(String userId) {
		return this.subscribers.stream().filter(s -> userId.equals(s.reader.userId())).count();
	}

	/** Writes a comment to each of the user's streams, and waits a little for them. */
	private void probe(String userId) {
		List<Subscriber> mine = this.subscribers.stream().filter(s -> userId.equals(s.reader.userId())).toList();
		for (int i = 0; i < 2; i++) {
			mine.forEach(s -> s.comment("ping"));
			long until = System.nanoTime() + Duration.ofMillis(150).toNanos();
			while (System.nanoTime() < until && mine.stream().anyMatch(Subscriber::busy)) {
				try {
					Thread.sleep(10);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	void remove(Subscriber s) {
		this.subscribers.remove(s);
	}

	int size() {
		return this.subscribers.size();
	}

	/**
	 * Ends every stream when the server stops, so that its graceful shutdown need not
	 * wait for them.
	 */
	@EventListener
	void on(ContextClosedEvent event) {
		for (Subscriber s : this.subscribers) {
			this.subscribers.remove(s);
			s.emitter.complete();
		}
		this.watchdog.shutdownNow();
		this.senders.shutdownNow();
	}

	@EventListener
	void on(AlertsRaised event) {
		announce(event.alerts());
	}

	/**
	 * Queues the alerts just stored, in the order of their ids, on every stream whose
	 * reader (as it is now) may see them; never waits for a client.
	 */
	void announce(List<Alert> alerts) {
		List<Alert> raised = new ArrayList<>(alerts);
		raised.sort(Comparator.comparing(Alert::id, BY_ID));
		for (Subscriber s : this.subscribers) {
			DeconflictionReader now = readerNow(s);
			if (now == null) {
				s.drop();
				continue;
			}
			s.offer(raised, now);
		}
	}

	private DeconflictionReader readerNow(Subscriber s) {
		String key = s.opened.userId() + "|" + s.tokenId;
		long t = System.nanoTime();
		Cached cached = this.readers.get(key);
		if (cached != null && t - cached.until() < 0) {
			return cached.reader();
		}
		DeconflictionReader now;
		try {
			now = this.recheck.now(s.opened, s.tokenId);
		}
		catch (RuntimeException ex) {
			// The store did not answer: keep what was last known rather than guess.
			return cached != null ? cached.reader() : s.reader;
		}
		if (this.readers.size() > 10_000) {
			this.readers.clear();
		}
		this.readers.put(key, new Cached(now, t + this.recheckNanos));
		return now;
	}

	private void dropStalled() {
		long t = System.nanoTime();
		for (Subscriber s : this.subscribers) {
			long since = s.sendingSince;
			if (since != 0 && t - since > this.sendTimeoutNanos) {
				s.drop();
			}
		}
	}

	/** One open stream, its reader and its queue. */
	final class Subscriber {

		private final SseEmitter emitter;

		/** The reader the stream was opened with. */
		private final DeconflictionReader opened;

		private final UUID tokenId;

		/** The reader as last checked. */
		private volatile DeconflictionReader reader;

		/** The live alerts held back while catching up; null once live. */
		private List<Alert> held = new ArrayList<>();

		/** The ids of the alerts replayed, never sent again. */
		private final Set<UUID> replayed = new HashSet<>();

		private final BlockingQueue<SseEmitter.SseEventBuilder> queue;

		private final AtomicBoolean draining = new AtomicBoolean();

		/** When the write in progress began (System.nanoTime), or 0. */
		private volatile long sendingSince;

		private volatile boolean broken;

		private Subscriber(SseEmitter emitter, DeconflictionReader reader, UUID tokenId) {
			this.emitter = emitter;
			this.opened = reader;
			this.reader = reader;
			this.tokenId = tokenId;
			this.queue = new ArrayBlockingQueue<>(AlertStream.this.queueSize);
		}

		/** Sends a stored alert while catching up (on the caller's thread). */
		synchronized void replay(Alert a) {
			if (this.replayed.add(a.id())) {
				write(event(a, this.reader));
			}
		}

		/**
		 * Queues the live alerts held back, less those replayed, and then each as it is
		 * raised.
		 */
		synchronized void live() {
			List<Alert> waiting = this.held;
			this.held = null;
			if (waiting != null) {
				for (Alert a : waiting) {
					if (!this.replayed.contains(a.id())) {
						enqueue(event(a, this.reader));
					}
				}
			}
		}

		/** Sends a comment line (ignored by EventSource). */
		synchronized void comment(String text) {
			post(SseEmitter.event().comment(text));
		}

		/** Sends an event without an id, so that the client's Last-Event-ID is kept. */
		synchronized void notice(String name, Map<String, Object> data) {
			post(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}

		/** While catching up, on the caller's thread; once live, queued. */
		private void post(SseEmitter.SseEventBuilder event) {
			if (this.held != null) {
				write(event);
			}
			else {
				enqueue(event);
			}
		}

		private synchronized void offer(List<Alert> raised, DeconflictionReader now) {
			this.reader = now;
			for (Alert a : raised) {
				if (!AlertReaders.mayRead(now, a)) {
					continue;
				}
				if (this.held != null) {
					if (this.held.size() >= AlertStream.this.queueSize) {
						drop();
						return;
					}
					this.held.add(a);
				}
				else if (!this.replayed.contains(a.id())) {
					enqueue(event(a, now));
				}
			}
		}

		/** The alert's event, or null when the reader does not get it. */
		private SseEmitter.SseEventBuilder event(Alert a, DeconflictionReader r) {
			Map<String, Object> data = AlertStream.this.view.of(a, r);
			return data == null ? null
					: SseEmitter.event().name("alert").id(a.id().toString()).data(data, MediaType.APPLICATION_JSON);
		}

		private void enqueue(SseEmitter.SseEventBuilder event) {
			if (this.broken || event == null) {
				return;
			}
			if (!this.queue.offer(event)) {
				drop();
				return;
			}
			if (this.draining.compareAndSet(false, true)) {
				try {
					AlertStream.this.senders.execute(this::drain);
				}
				catch (RuntimeException ex) {
					drop();
				}
			}
		}

		/** Writes what is queued, on a sender of this stream's own. */
		private void drain() {
			while (true) {
				SseEmitter.SseEventBuilder next = this.queue.poll();
				if (next == null) {
					this.draining.set(false);
					if (this.queue.isEmpty() || !this.draining.compareAndSet(false, true)) {
						return;
					}
					continue;
				}
				write(next);
			}
		}

		boolean busy() {
			return this.draining.get() && !this.broken;
		}

		private void write(SseEmitter.SseEventBuilder event) {
			if (this.broken || event == null) {
				return;
			}
			this.sendingSince = System.nanoTime();
			try {
				this.emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				drop();
			}
			finally {
				this.sendingSince = 0;
			}
		}

		/** Ends the stream: the client reconnects, or has gone. */
		void drop() {
			if (this.broken) {
				return;
			}
			this.broken = true;
			AlertStream.this.subscribers.remove(this);
			this.queue.clear();
			// Not on this thread: completing may wait for a write in progress to a
			// stalled
			// client.
			try {
				AlertStream.this.senders.execute(this::complete);
			}
			catch (RuntimeException ex) {
				// shutting down: the container ends the stream
			}
		}

		private void complete() {
			try {
				this.emitter.complete();
			}
			catch (RuntimeException ex) {
				// already ended
			}
		}

		Optional<String> userId() {
			return Optional.ofNullable(this.opened.userId());
		}

	}

}
