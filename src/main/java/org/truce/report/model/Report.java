package org.truce.report.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.truce.actor.model.ActorRef;
import org.truce.shared.TextLanguage;

/**
 * One claim about what happened, from one source. Reports are never edited: a correction
 * is a new report.
 *
 * @param id assigned by Truce
 * @param eventType what happened
 * @param eventTypeBasis how the type was decided when it was inferred (an import rule),
 * or null
 * @param when the interval in which it happened
 * @param where the place, with its uncertainty
 * @param actor the first actor the source names (who acted, unless {@code whoActed} says
 * otherwise), or null when the source names nobody
 * @param target the other actor the source names (against whom, unless {@code whoActed}
 * says otherwise), or null
 * @param casualties deaths reported
 * @param narrative the source's account
 * @param sourceId the {@link Source} that reported it; null only in a copy cut for a
 * reader who may not see sources (see {@code ReadingReports})
 * @param externalId the identifier in the source's own system, such as a UCDP event id,
 * or null (always null in a copy cut for a reader who may not see sources)
 * @param attachments evidence, by digest
 * @param flags data facts the reader must know
 * @param recordedAt when Truce durably recorded it
 * @param whoActed how the actor and target relate to who acted
 * @param equipment the class of weapon or equipment the source names, or null
 * @param submitter who submitted it: the user id of whoever posted it or ran its import,
 * or {@code import:<run id>} for an import without a user (the command line); null for
 * reports stored before submitters were recorded, and in a copy cut for a reader who is
 * not staff
 * @param narrativeLanguage the narrative's language, stated or detected; null without a
 * narrative (given none, the language detected from the narrative's script)
 * @param sourceFields the dataset's own row, verbatim, when the report was imported from
 * one (ACLED, UCDP); null otherwise, and in a copy cut for a reader who may not see
 * sources
 */
public record Report(UUID id, EventType eventType, String eventTypeBasis, TimeSpan when, Location where, ActorRef actor,
		ActorRef target, Casualties casualties, String narrative, String sourceId, String externalId,
		List<Attachment> attachments, Set<DataFlag> flags, Instant recordedAt, WhoActed whoActed,
		EquipmentClass equipment, String submitter, TextLanguage narrativeLanguage, SourceFields sourceFields) {

	public Report {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(when, "when");
		Objects.requireNonNull(where, "where");
		Objects.requireNonNull(recordedAt, "recordedAt");
		casualties = casualties == null ? Casualties.NONE : casualties;
		attachments = attachments == null ? List.of() : List.copyOf(attachments);
		flags = flags == null ? Set.of() : Set.copyOf(flags);
		whoActed = whoActed == null ? WhoActed.ACTOR : whoActed;
		narrativeLanguage = narrative == null ? null
				: narrativeLanguage == null ? TextLanguage.of(null, narrative) : narrativeLanguage;
	}

	/**
	 * A report whose narrative's language, if any, is detected from its script, and that
	 * did not come from a dataset's row.
	 */
	public Report(UUID id, EventType eventType, String eventTypeBasis, TimeSpan when, Location where, ActorRef actor,
			ActorRef target, Casualties casualties, String narrative, String sourceId, String externalId,
			List<Attachment> attachments, Set<DataFlag> flags, Instant recordedAt, WhoActed whoActed,
			EquipmentClass equipment, String submitter) {
		this(id, eventType, eventTypeBasis, when, where, actor, target, casualties, narrative, sourceId, externalId,
				attachments, flags, recordedAt, whoActed, equipment, submitter, null, null);
	}

	/** A report whose submitter is not recorded. */
	public Report(UUID id, EventType eventType, String eventTypeBasis, TimeSpan when, Location where, ActorRef actor,
			ActorRef target, Casualties casualties, String narrative, String sourceId, String externalId,
			List<Attachment> attachments, Set<DataFlag> flags, Instant recordedAt, WhoActed whoActed,
			EquipmentClass equipment) {
		this(id, eventType, eventTypeBasis, when, where, actor, target, casualties, narrative, sourceId, externalId,
				attachments, flags, recordedAt, whoActed, equipment, null);
	}

	/** The same report, recorded as submitted by {@code submitter}. */
	public Report submittedBy(String submitter) {
		return new Report(this.id, this.eventType, this.eventTypeBasis, this.when, this.where, this.actor, this.target,
				this.casualties, this.narrative, this.sourceId, this.externalId, this.attachments, this.flags,
				this.recordedAt, this.whoActed, this.equipment, submitter, this.narrativeLanguage, this.sourceFields);
	}

	/**
	 * A report whose source says that the actor acted against the target, with no
	 * equipment class.
	 */
	public Report(UUID id, EventType eventType, String eventTypeBasis, TimeSpan when, Location where, ActorRef actor,
			ActorRef target, Casualties casualties, String narrative, String sourceId, String externalId,
			List<Attachment> attachments, Set<DataFlag> flags, Instant recordedAt) {
		this(id, eventType, eventTypeBasis, when, where, actor, target, casualties, narrative, sourceId, externalId,
				attachments, flags, recordedAt, WhoActed.ACTOR, null, null);
	}

}
