package org.truce.actor.application;

import java.util.List;

import org.springframework.stereotype.Service;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;

/**
 * The actors known to this deployment, as a registry kept in step with the store.
 * Thread-safe.
 */
@Service
public class ActorDirectory {

	private final Actors actors;

	private volatile ActorRegistry registry;

	public ActorDirectory(Actors actors) {
		this.actors = actors;
		this.registry = new ActorRegistry(actors.all());
	}

	/** Stores the actors and makes them known to resolution at once. */
	public synchronized void register(List<Actor> newActors) {
		this.actors.saveAll(newActors);
		this.registry = new ActorRegistry(this.actors.all());
	}

	public ActorRegistry registry() {
		return this.registry;
	}

	public ActorRef resolve(String reported) {
		return this.registry.resolve(reported);
	}

	/**
	 * The id of the one known actor with this id or known name, as a filter names it;
	 * empty when none or several have it.
	 */
	public java.util.Optional<String> idOf(String idOrName) {
		ActorRef ref = this.registry.byId(idOrName).isPresent() ? ActorRef.resolved(idOrName, idOrName)
				: resolve(idOrName);
		return ref == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(ref.actorId());
	}

}
