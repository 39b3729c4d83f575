package org.truce.report.model;

import java.util.List;

/**
 * A report as submitted, before validation: every field may be missing or malformed.
 * Times are ISO 8601 text, either an instant with its offset
 * ({@code 2016-09-19T19:30:00+03:00}) or a date ({@code 2016-09-19}). A date means that
 * whole calendar day in a time zone: {@code when.zone} when given, else the zone of the
 * submission (the scenario's, such as {@code Asia/Damascus}, or the one an import was
 * told). The day runs from its local midnight up to, not including, the next local
 * midnight; as a {@link TimeSpan} it ends at the last millisecond before it, and it is 23
 * or 25 hours long on a daylight-saving change. {@code 2016-09-19} in Damascus (UTC+3) is
 * 2016-09-18T21:00Z to 2016-09-19T20:59:59.999Z.
 *
 * <p>
 * {@code narrativeLang} is the narrative's language as a BCP 47 tag, or null to detect it
 * from the narrative's script.
 */
public record ReportDraft(String eventType, When when, Where where, String actor, String target,
		CasualtiesDraft casualties, String narrative, String source, String externalId,
		List<AttachmentDraft> attachments, WhoActedDraft whoActed, String equipment, String narrativeLang) {

	/** A draft whose narrative's language, if any, is detected. */
	public ReportDraft(String eventType, When when, Where where, String actor, String target,
			CasualtiesDraft casualties, String narrative, String source, String externalId,
			List<AttachmentDraft> attachments, WhoActedDraft whoActed, String equipment) {
		this(eventType, when, where, actor, target, casualties, narrative, source, externalId, attachments, whoActed,
				equipment, null);
	}

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
	 * When: a start, an optional end (default: the start, or the end of the start's day),
	 * a precision, and the time zone (an IANA id such as {@code Asia/Damascus}) in which
	 * a date without a time is a day; null for the submission's zone. The zone changes
	 * nothing for an instant with its offset.
	 */
	public record When(String start, String end, String precision, String zone) {

		/** A when whose dates are days in the submission's zone. */
		public When(String start, String end, String precision) {
			this(start, end, precision, null);
		}

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
