package org.truce.determination.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.shared.Asserted;

/**
 * A joint determination: the body's human judgement that an incident did, or did not,
 * violate one term of an agreement, by one actor. It is drafted by a monitor or a
 * co-chair and takes effect only once co-chairs of enough of the sponsor sides it names
 * (its {@link Quorum}) have signed it; until then it is a {@link Status#DRAFT}.
 *
 * <p>
 * {@code version} is the determination's optimistic version: it starts at 1 and every
 * edit and every sign-off adds one. A change names the version it was made against and is
 * refused ({@link Refusal#STALE_VERSION}) when it is not the current one. Editing a draft
 * that a side has signed clears every sign-off: a signature is of the text signed. An
 * effective determination is never edited.
 *
 * @param incidentId the incident, as it was when drafted (it may since have been merged)
 * @param signOffs the sign-offs of the current version's text, in the order given
 * @param effectiveAt when the sign-off that reached the quorum was made (as asserted);
 * null for a draft
 */
public record Determination(UUID id, UUID incidentId, Subject subject, String rationale, Quorum quorum, Status status,
		int version, String draftedBy, Instant draftedAt, Instant updatedAt, Instant effectiveAt,
		List<SignOff> signOffs) {

	/** Whether a determination has taken effect. */
	public enum Status {

		DRAFT, EFFECTIVE

	}

	/** Why a change was refused. */
	public enum Refusal {

		/** The change named a version that is no longer the current one. */
		STALE_VERSION,

		/** The signer's side is not named in the determination. */
		SIDE_NOT_NAMED,

		/** A co-chair of that side has already signed. */
		ALREADY_SIGNED,

		/** The determination is effective and no longer changes. */
		ALREADY_EFFECTIVE

	}

	/**
	 * What is determined: the verdict on one term of one agreement, for one actor.
	 */
	public record Subject(String agreementId, String termId, String actorId, Verdict verdict) {

		public Subject {
			Objects.requireNonNull(agreementId, "agreementId");
			Objects.requireNonNull(termId, "termId");
			Objects.requireNonNull(actorId, "actorId");
			Objects.requireNonNull(verdict, "verdict");
		}

	}

	/** The outcome of a change: the determination after it, or why it was refused. */
	public sealed interface Outcome permits Changed, Refused {

	}

	/**
	 * @param cleared the sign-offs an edit cleared (empty for a sign-off)
	 * @param madeEffective whether this change reached the quorum
	 */
	public record Changed(Determination after, List<SignOff> cleared, boolean madeEffective) implements Outcome {

	}

	public record Refused(Refusal reason) implements Outcome {

	}

	public Determination {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(incidentId, "incidentId");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(rationale, "rationale");
		Objects.requireNonNull(quorum, "quorum");
		Objects.requireNonNull(status, "status");
		signOffs = List.copyOf(signOffs);
		if ((status == Status.EFFECTIVE) != (effectiveAt != null)) {
			throw new IllegalArgumentException("an effective determination, and only one, has a time it took effect");
		}
	}

	/** A new draft, at version 1, with no sign-off. */
	public static Determination draft(UUID id, UUID incidentId, Subject subject, String rationale, Quorum quorum,
			String by, Instant at) {
		return new Determination(id, incidentId, subject, rationale, quorum, Status.DRAFT, 1, by, at, at, null,
				List.of());
	}

	/** Its quorum and the sign-offs given: the sign-off it shares with bulletins. */
	public Signatures signatures() {
		return new Signatures(this.quorum, this.signOffs);
	}

	/** The sides that have signed. */
	public Set<String> signedSides() {
		return signatures().signedSides();
	}

	/** The named sides that have not signed yet, in the order named. */
	public List<String> awaiting() {
		return signatures().awaiting();
	}

	public Optional<SignOff> signOffOf(String side) {
		return signatures().of(side);
	}

	/**
	 * A co-chair of {@code side} signs the version {@code version}. The sign-off that
	 * reaches the quorum makes the determination effective. After it has taken effect, a
	 * named side that has not signed may still add its signature.
	 */
	public Outcome signOff(String side, String userId, int version, Instant at) {
		return signOff(side, userId, version, at, null);
	}

	/**
	 * The same for a signature given earlier than it is recorded at {@code at}: it takes
	 * effect when {@code asserted} says it was given.
	 */
	public Outcome signOff(String side, String userId, int version, Instant at, Asserted asserted) {
		Signatures before = signatures();
		Optional<Signatures.Refusal> refused = before.refusal(side, version, this.version);
		if (refused.isPresent()) {
			return new Refused(Refusal.valueOf(refused.get().name()));
		}
		SignOff signOff = new SignOff(side, userId, version, at, asserted);
		Signatures after = before.with(signOff);
		boolean reached = this.status == Status.DRAFT && after.reached();
		Status status = reached ? Status.EFFECTIVE : this.status;
		Instant effective = reached ? signOff.asserted().at() : this.effectiveAt;
		return new Changed(
				new Determination(this.id, this.incidentId, this.subject, this.rationale, this.quorum, status,
						this.version + 1, this.draftedBy, this.draftedAt, at, effective, after.signOffs()),
				List.of(), reached);
	}

	/**
	 * Replaces what a draft determines, its rationale and its quorum, against version
	 * {@code version}. The sign-offs of the earlier text are cleared.
	 */
	public Outcome edit(Subject subject, String rationale, Quorum quorum, int version, Instant at) {
		if (this.status == Status.EFFECTIVE) {
			return new Refused(Refusal.ALREADY_EFFECTIVE);
		}
		if (version != this.version) {
			return new Refused(Refusal.STALE_VERSION);
		}
		return new Changed(new Determination(this.id, this.incidentId, subject, rationale, quorum, Status.DRAFT,
				this.version + 1, this.draftedBy, this.draftedAt, at, null, List.of()), this.signOffs, false);
	}

}
