package org.truce.actor.application;

import java.util.List;

import org.truce.actor.model.Actor;

/** The store of actors and their aliases. */
public interface Actors {

	/**
	 * Stores the actors, replacing those with the same ids and their aliases, in one
	 * transaction.
	 */
	void saveAll(List<Actor> actors);

	List<Actor> all();

}
