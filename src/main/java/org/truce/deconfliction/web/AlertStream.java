package org.truce.deconfliction.web;

import java.io.IOException;
import java.util.List;
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
 * alert's id and whose data is its JSON. Thread-safe.
 */
@Component
class AlertStream {

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	void add(SseEmitter emitter, DeconflictionReader reader) {
		Subscriber s = new Subscriber(emitter, reader);
		this.subscribers.add(s);
		emitter.onCompletion(() -> this.subscribers.remove(s));
		emitter.onTimeout(() -> {
			this.subscribers.remove(s);
			emitter.complete();
		});
		emitter.onError(ex -> this.subscribers.remove(s));
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
			s.emitter().complete();
		}
	}

	@EventListener
	void on(AlertsRaised event) {
		for (Subscriber s : this.subscribers) {
			for (Alert a : event.alerts()) {
				if (!AlertReaders.mayRead(s.reader(), a)) {
					continue;
				}
				try {
					s.emitter()
						.send(SseEmitter.event()
							.name("alert")
							.id(a.id().toString())
							.data(AlertJson.of(a, AlertReaders.seesPoint(s.reader(), a)), MediaType.APPLICATION_JSON));
				}
				catch (IOException | IllegalStateException ex) {
					this.subscribers.remove(s);
					s.emitter().completeWithError(ex);
					break;
				}
			}
		}
	}

	private record Subscriber(SseEmitter emitter, DeconflictionReader reader) {

	}

}
