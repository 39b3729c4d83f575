package org.truce.determination.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.truce.determination.model.Comment;
import org.truce.determination.model.Determination;
import org.truce.determination.model.SignOff;

/**
 * A determination as the API shows it: each named side with its sign-off or as awaited,
 * and (for one determination) its comments and dissents.
 *
 * @param incident the incident it was drafted about
 * @param currentIncident the open incident that one now stands for (after merges), or
 * null if none
 */
record DeterminationView(UUID id, UUID incident, UUID currentIncident, String agreement, String term, String actor,
		String verdict, String rationale, String status, int version, int quorum, List<Side> sides, String draftedBy,
		Instant draftedAt, Instant updatedAt, Instant effectiveAt, List<CommentView> comments) {

	/**
	 * A named side: {@code signed} with who signed which version when, or awaited.
	 * {@code signedAt} is when it was signed, as {@code asserted} says (who asserts it,
	 * in what document); {@code recordedAt} when Truce recorded it.
	 */
	record Side(String side, boolean signed, String signedBy, Integer signedVersion, Instant signedAt,
			Map<String, Object> asserted, Instant recordedAt) {

	}

	/**
	 * A comment or dissent: {@code at} is when Truce recorded it; {@code asserted} when
	 * it was given, on whose word and in what document (the recording itself unless it
	 * was entered after the fact).
	 */
	record CommentView(UUID id, String by, boolean dissent, String side, String text, Instant at,
			Map<String, Object> asserted) {

		static CommentView of(Comment c) {
			return new CommentView(c.id(), c.userId(), c.dissent(), c.side(), c.text(), c.at(), c.asserted().fields());
		}

	}

	static DeterminationView of(Determination d, UUID currentIncident, List<Comment> comments) {
		List<Side> sides = d.quorum().sides().stream().map(side -> {
			SignOff s = d.signOffOf(side).orElse(null);
			return s == null ? new Side(side, false, null, null, null, null, null)
					: new Side(side, true, s.userId(), s.version(), s.asserted().at(), s.asserted().fields(), s.at());
		}).toList();
		return new DeterminationView(d.id(), d.incidentId(), currentIncident, d.subject().agreementId(),
				d.subject().termId(), d.subject().actorId(), d.subject().verdict().name(), d.rationale(),
				d.status().name(), d.version(), d.quorum().required(), sides, d.draftedBy(), d.draftedAt(),
				d.updatedAt(), d.effectiveAt(),
				comments == null ? null : comments.stream().map(CommentView::of).toList());
	}

}
