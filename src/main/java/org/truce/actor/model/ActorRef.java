package org.truce.actor.model;

import java.util.List;
import java.util.Objects;

/**
 * A reference to an actor as it appears in a report: the words as reported are always
 * kept, with the outcome of resolving them against the registry.
 *
 * @param asReported the name exactly as the source gave it; never altered
 * @param actorId the resolved actor, or null when unresolved or ambiguous
 * @param status how resolution went
 * @param candidates the actors an ambiguous name could mean; empty otherwise
 */
public record ActorRef(String asReported, String actorId, ResolutionStatus status, List<String> candidates) {

	public ActorRef {
		Objects.requireNonNull(asReported, "asReported");
		Objects.requireNonNull(status, "status");
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
	}

	public static ActorRef resolved(String asReported, String actorId) {
		return new ActorRef(asReported, actorId, ResolutionStatus.RESOLVED, List.of());
	}

	public static ActorRef unresolved(String asReported) {
		return new ActorRef(asReported, null, ResolutionStatus.UNRESOLVED, List.of());
	}

	public boolean matchesOneActor() {
		return status == ResolutionStatus.RESOLVED;
	}

	/** How a reported name was matched to the registry. */
	public enum ResolutionStatus {

		/** Matched exactly one actor. */
		RESOLVED,
		/** Matched more than one actor; kept verbatim and flagged. */
		AMBIGUOUS,
		/** Matched no actor; kept verbatim and flagged. */
		UNRESOLVED

	}

}
