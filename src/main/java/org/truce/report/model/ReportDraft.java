package org.truce.report.model;

import java.util.List;

/**
 * A report as submitted, before validation: every field may be missing or malformed.
 * Times are ISO 8601 text, either an instant with its offset
 * ({@code 2016-09-19T19:30:00+03:00}) or a date ({@code 2016-09-19}, meaning that whole
 * UTC day).
 */
public record ReportDraft(String eventType, When when, Where where, String actor, String target,
		CasualtiesDraft casualties, String narrative, String source, String externalId,
		List<AttachmentDraft> attachments, WhoActedDraft whoActed, String equipment) {

	/** A draft that says nothing of who acted beyond its order, nor of equipment. */
	public ReportDraft(String eventType, When when, Where where, String actor, String target,
			CasualtiesDraft casualties, String narrative, String source, String externalId,
			List<AttachmentDraft> attachments) {
		this(eventType, when, where, actor, target, casualties, narrative, source, externalId, attachments, null, null);
	}

	/**
	 * Who acted: {@code actor} (the default: the actor acted against the target),
	 * {@code either_side} (one of actor and target acted against the other) or
	 * {@code one_of} (the actor or one of {@code alsoPossible} acted against the target).
	 */
	public record WhoActedDraft(String kind, List<String> alsoPossible) {

	}

	/**
	 * When: a start, an optional end (default: the start, or the end of the start's day)
	 * and a precision.
	 */
	public record When(String start, String end, String precision) {

	}

	/**
	 * Where: a point, its precision, an optional wider uncertainty in metres and names.
	 */
	public record Where(Double latitude, Double longitude, String precision, Double uncertaintyMetres, String placeName,
			String admin1, String admin2) {

	}

	public record CasualtiesDraft(Estimate total, Estimate actorSide, Estimate targetSide, Estimate civilians,
			Estimate unknown) {

	}

	public record AttachmentDraft(String sha256, String mediaType, String name) {

	}

}
