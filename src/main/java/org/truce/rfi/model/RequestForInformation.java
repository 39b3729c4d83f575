package org.truce.rfi.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.truce.ledger.model.SaltedCommitment;

/**
 * A request for information: a monitor or co-chair asks a party about an incident and
 * gives it until a deadline to answer; the party's liaison answers once.
 *
 * @param id the request's id
 * @param incidentId the incident asked about, as it stood when the request was sent
 * @param party the actor id of the party asked
 * @param question what is asked
 * @param questionSalt the salt of the question's commitment in the ledger
 * ({@link SaltedCommitment})
 * @param deadline the last instant an answer is on time (inclusive), UTC
 * @param requestedBy the user id of the sender
 * @param requestedBySide the sender's side: a co-chair's sponsor actor id, or
 * {@link #MONITORS}
 * @param requestedAt when it was sent
 * @param answer the answer, or null while none was given
 * @param version the number of changes made to it, from 1 (for optimistic concurrency)
 */
public record RequestForInformation(UUID id, UUID incidentId, String party, String question, String questionSalt,
		Instant deadline, String requestedBy, String requestedBySide, Instant requestedAt, Answer answer, int version) {

	/**
	 * The requesting side of requests sent by monitors, who belong to no sponsor side.
	 */
	public static final String MONITORS = "monitors";

	public RequestForInformation {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(incidentId, "incidentId");
		Objects.requireNonNull(party, "party");
		Objects.requireNonNull(question, "question");
		Objects.requireNonNull(deadline, "deadline");
		Objects.requireNonNull(requestedBy, "requestedBy");
		Objects.requireNonNull(requestedBySide, "requestedBySide");
		Objects.requireNonNull(requestedAt, "requestedAt");
	}

	/**
	 * An answer as given.
	 *
	 * @param text the answer
	 * @param salt the salt of its commitment in the ledger
	 * @param by the user id of the liaison who answered
	 * @param at when it was recorded
	 */
	public record Answer(String text, String salt, String by, Instant at) {

		public Answer {
			Objects.requireNonNull(text, "text");
			Objects.requireNonNull(salt, "salt");
			Objects.requireNonNull(by, "by");
			Objects.requireNonNull(at, "at");
		}

	}

	public boolean answered() {
		return this.answer != null;
	}

	/** Where the request stands at {@code now}. */
	public RfiState state(Instant now) {
		if (this.answer != null) {
			return this.answer.at().isAfter(this.deadline) ? RfiState.ANSWERED_LATE : RfiState.ANSWERED_ON_TIME;
		}
		return now.isAfter(this.deadline) ? RfiState.OVERDUE : RfiState.OPEN;
	}

	/** The commitment to the question that the ledger's {@code rfi-sent} entry holds. */
	public String questionCommitment() {
		return SaltedCommitment.of(this.questionSalt, this.question);
	}

	/**
	 * The quoted entity tag of this version, as sent in {@code ETag} and
	 * {@code If-Match}.
	 */
	public String etag() {
		return "\"" + this.version + "\"";
	}

}
