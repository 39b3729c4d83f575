package org.truce.deconfliction.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.truce.deconfliction.application.AlertJson;
import org.truce.deconfliction.application.AlertReaders;
import org.truce.deconfliction.application.AlertsRaised;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.model.Alert;

/**
 * The open event streams, each with its reader. Each alert raised is sent at once to
 * every stream whose reader may see it, as an event named {@code alert} whose id is the
 * alert's id and whose data is its JSON; the alerts of one {@link AlertsRaised} in the
 * order of their ids.
 *
 * <p>
 * A stream that catches up (a client reconnecting with {@code Last-Event-ID}) is
 * registered before the store is read, and holds back the live alerts until the stored
 * ones are sent ({@link Subscriber#replay}, then {@link Subscriber#live}). An alert is
 * announced only after it is committed, so each alert is either stored before the store
 * is read, or announced after the stream was registered, or both: sending the held ones
 * not replayed leaves no gap and no duplicate. Thread-safe.
 */
@Component
class AlertStream {

	/** By id as an unsigned 128-bit number: for UUID v7, by time. */
	static final Comparator<UUID> BY_ID = (a, b) -> {
		int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
		return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
	};

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	/** A stream that receives the live alerts at once. */
	Subscriber add(SseEmitter emitter, DeconflictionReader reader) {
		return register(new Subscriber(emitter, reader, false));
	}

	/**
	 * A stream that holds back the live alerts until {@link Subscriber#live} is called:
	 * send the stored ones with {@link Subscriber#replay} first.
	 */
	Subscriber catchingUp(SseEmitter emitter, DeconflictionReader reader) {
		return register(new Subscriber(emitter, reader, true));
	}

	private Subscriber register(Subscriber s) {
		this.subscribers.add(s);
		s.emitter.onCompletion(() -> this.subscribers.remove(s));
		s.emitter.onTimeout(() -> {
			this.subscribers.remove(s);
			s.emitter.complete();
		});
		s.emitter.onError(ex -> this.subscribers.remove(s));
		return s;
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
	}

	@EventListener
	void on(AlertsRaised event) {
		announce(event.alerts());
	}

	/** Sends the alerts just stored, in the order of their ids, to every stream. */
	void announce(List<Alert> alerts) {
		List<Alert> raised = new ArrayList<>(alerts);
		raised.sort(Comparator.comparing(Alert::id, BY_ID));
		for (Subscriber s : this.subscribers) {
			s.offer(raised);
		}
	}

	/** One open stream and its reader. */
	final class Subscriber {

		private final SseEmitter emitter;

		private final DeconflictionReader reader;

		/** The live alerts held back while catching up; null once live. */
		private List<Alert> held;

		/** The ids of the alerts replayed, never sent again. */
		private final Set<UUID> replayed = new HashSet<>();

		private boolean broken;

		private Subscriber(SseEmitter emitter, DeconflictionReader reader, boolean catchingUp) {
			this.emitter = emitter;
			this.reader = reader;
			this.held = catchingUp ? new ArrayList<>() : null;
		}

		/** Sends a stored alert while catching up. */
		synchronized void replay(Alert a) {
			if (this.replayed.add(a.id())) {
				send(a);
			}
		}

		/**
		 * Sends the live alerts held back, less those replayed, and then each at once.
		 */
		synchronized void live() {
			List<Alert> waiting = this.held;
			this.held = null;
			if (waiting != null) {
				waiting.forEach(this::sendUnlessReplayed);
			}
		}

		/** Sends a comment line (ignored by EventSource). */
		synchronized void comment(String text) {
			send(SseEmitter.event().comment(text));
		}

		/** Sends an event without an id, so that the client's Last-Event-ID is kept. */
		synchronized void notice(String name, Map<String, Object> data) {
			send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
		}

		private synchronized void offer(List<Alert> raised) {
			for (Alert a : raised) {
				if (!AlertReaders.mayRead(this.reader, a)) {
					continue;
				}
				if (this.held != null) {
					this.held.add(a);
				}
				else {
					sendUnlessReplayed(a);
				}
			}
		}

		private void sendUnlessReplayed(Alert a) {
			if (!this.replayed.contains(a.id())) {
				send(a);
			}
		}

		private void send(Alert a) {
			send(SseEmitter.event()
				.name("alert")
				.id(a.id().toString())
				.data(AlertJson.of(a, AlertReaders.seesPoint(this.reader, a)), MediaType.APPLICATION_JSON));
		}

		private void send(SseEmitter.SseEventBuilder event) {
			if (this.broken) {
				return;
			}
			try {
				this.emitter.send(event);
			}
			catch (IOException | IllegalStateException ex) {
				this.broken = true;
				AlertStream.this.subscribers.remove(this);
				this.emitter.completeWithError(ex);
			}
		}

	}

}
