package org.truce.agreement.model;

import java.util.Set;

import org.truce.report.model.EventType;

/**
 * A case the term does not cover. It applies when every non-empty part matches: the
 * activity is one of {@code eventTypes}, the actor is one of {@code byActors}, the target
 * one of {@code againstActors}.
 */
public record TermException(String id, String text, Set<EventType> eventTypes, Set<String> byActors,
		Set<String> againstActors) {

	public TermException {
		eventTypes = eventTypes == null ? Set.of() : Set.copyOf(eventTypes);
		byActors = byActors == null ? Set.of() : Set.copyOf(byActors);
		againstActors = againstActors == null ? Set.of() : Set.copyOf(againstActors);
	}

}
