package org.truce.deconfliction.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.truce.deconfliction.model.AlertDistances;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.IncidentProbe;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.ProtectedPlace;
import org.truce.deconfliction.model.ProtectedPlaceKind;
import org.truce.deconfliction.model.ProximityIndex;
import org.truce.deconfliction.model.ProximityMatch;
import org.truce.incident.model.Incident;

/**
 * The {@link ProximityIndex} over every protected place in the store, rebuilt after each
 * {@link ProtectedPlacesChanged}: lazily, by the first check that follows (so a check
 * never misses a place committed before it), and ahead of it on a background thread.
 * Thread-safe.
 *
 * <p>
 * Distances: {@code truce.alerts.distance-metres} (default 1000) for every kind, or per
 * kind {@code truce.alerts.site-distance-metres}, {@code movement-distance-metres},
 * {@code position-distance-metres}.
 */
@Component
public class ProtectedPlacesIndex {

	private final ObjectProvider<ProtectedPlaces> places;

	private final AlertDistances distances;

	/** Bumped by every change. */
	private final AtomicLong changes = new AtomicLong(1);

	/** Rebuilds ahead of the next check; one thread, so changes in a burst coalesce. */
	private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "truce-protected-places-index");
		t.setDaemon(true);
		return t;
	});

	/** Whether a rebuild ahead is queued: a burst of changes queues one. */
	private final AtomicBoolean scheduled = new AtomicBoolean();

	private volatile Built built = new Built(0, ProximityIndex.empty());

	ProtectedPlacesIndex(ObjectProvider<ProtectedPlaces> places,
			@Value("${truce.alerts.distance-metres:1000}") double metres,
			@Value("${truce.alerts.site-distance-metres:${truce.alerts.distance-metres:1000}}") double site,
			@Value("${truce.alerts.movement-distance-metres:${truce.alerts.distance-metres:1000}}") double movement,
			@Value("${truce.alerts.position-distance-metres:${truce.alerts.distance-metres:1000}}") double position) {
		this.places = places;
		this.distances = new AlertDistances(site, movement, position);
	}

	@EventListener
	void on(ProtectedPlacesChanged event) {
		this.changes.incrementAndGet();
		if (this.scheduled.compareAndSet(false, true)) {
			this.rebuilder.execute(() -> {
				this.scheduled.set(false);
				current();
			});
		}
	}

	/** The index as of the latest change. */
	public ProximityIndex current() {
		Built b = this.built;
		long wanted = this.changes.get();
		if (b.changes() == wanted) {
			return b.index();
		}
		synchronized (this) {
			b = this.built;
			wanted = this.changes.get();
			if (b.changes() != wanted) {
				b = new Built(wanted, new ProximityIndex(load(), this.distances));
				this.built = b;
			}
			return b.index();
		}
	}

	/**
	 * The notified sites and movements an incident is surely or possibly within the alert
	 * distance of, whatever its type: what a term protecting humanitarian targets asks.
	 */
	public List<ProximityMatch> humanitarianNear(Incident incident) {
		return current().near(IncidentProbe.of(incident))
			.stream()
			.filter(m -> m.place().kind() != ProtectedPlaceKind.DECLARED_POSITION)
			.toList();
	}

	private List<ProtectedPlace> load() {
		ProtectedPlaces store = this.places.getIfAvailable();
		if (store == null) {
			return List.of();
		}
		List<ProtectedPlace> out = new ArrayList<>();
		for (Notification n : store.notifications()) {
			out.add(ProtectedPlace.of(n));
		}
		for (DeclaredPosition p : store.positions()) {
			out.add(ProtectedPlace.of(p));
		}
		return out;
	}

	private record Built(long changes, ProximityIndex index) {

	}

}
