package org.truce.rfi.web;

import java.time.Instant;

import org.truce.ledger.model.SaltedCommitment;
import org.truce.rfi.model.RequestForInformation;
import org.truce.rfi.model.RfiState;

/**
 * A request for information as the API shows it to those who may read it (staff and the
 * party): the texts, and the salts that open the ledger's commitments to them.
 */
record RfiView(String id, String incident, String party, String question, String questionSalt,
		String questionCommitment, Instant deadline, String requestedBy, String requestedBySide, Instant requestedAt,
		String state, boolean overdue, AnswerView answer, int version) {

	record AnswerView(String text, String salt, String commitment, String by, Instant at, boolean late) {

	}

	static RfiView of(RequestForInformation r, Instant now) {
		RfiState state = r.state(now);
		RequestForInformation.Answer a = r.answer();
		return new RfiView(r.id().toString(), r.incidentId().toString(), r.party(), r.question(), r.questionSalt(),
				r.questionCommitment(), r.deadline(), r.requestedBy(), r.requestedBySide(), r.requestedAt(),
				state.name(), state == RfiState.OVERDUE, a == null ? null : new AnswerView(a.text(), a.salt(),
						SaltedCommitment.of(a.salt(), a.text()), a.by(), a.at(), state == RfiState.ANSWERED_LATE),
				r.version());
	}

}
