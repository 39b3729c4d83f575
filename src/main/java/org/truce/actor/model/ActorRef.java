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
 * @param match which registered name the reported one was matched to, and how; for an
 * ambiguous name only when a transliteration key matched (then {@code name} is the name
 * as reported); null when unresolved, or for references recorded before resolutions said
 * so
 */
public record ActorRef(String asReported, String actorId, ResolutionStatus status, List<String> candidates,
		NameMatch match) {

	public ActorRef {
		Objects.requireNonNull(asReported, "asReported");
		Objects.requireNonNull(status, "status");
		candidates = candidates == null ? List.of() : List.copyOf(candidates);
	}

	/** A reference that does not say how it was matched. */
	public ActorRef(String asReported, String actorId, ResolutionStatus status, List<String> candidates) {
		this(asReported, actorId, status, candidates, null);
	}

	public static ActorRef resolved(String asReported, String actorId) {
		return new ActorRef(asReported, actorId, ResolutionStatus.RESOLVED, List.of());
	}

	public static ActorRef resolved(String asReported, String actorId, NameMatch match) {
		return new ActorRef(asReported, actorId, ResolutionStatus.RESOLVED, List.of(), match);
	}

	public static ActorRef unresolved(String asReported) {
		return new ActorRef(asReported, null, ResolutionStatus.UNRESOLVED, List.of());
	}

	/**
	 * One sentence for a person on how the name resolved: which registered name it
	 * matched and through what, the actors it could mean, or that it matched none.
	 */
	public String explanation() {
		return switch (this.status) {
			case RESOLVED -> this.match != null ? this.match.describe(this.asReported)
					: "'" + this.asReported + "' resolves to " + this.actorId + ".";
			case AMBIGUOUS -> "'" + this.asReported + "' could be any of " + this.candidates
					+ (this.match != null && this.match.how() == NameMatch.How.TRANSLITERATION
							? ", whose names share its transliteration key '" + this.match.key() + "'" : "")
					+ "; none is chosen.";
			case UNRESOLVED ->
				"'" + this.asReported + "' matches no known actor" + (TransliterationKey.inKnownScripts(this.asReported)
						? "." : "; it is written in a script that Truce does not transliterate.");
		};
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
