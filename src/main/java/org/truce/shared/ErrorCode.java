package org.truce.shared;

/**
 * Every reason Truce rejects input, with a stable machine-readable code (the constant's
 * name), the HTTP status it maps to and a message template ({@code {0}} is the field or
 * value).
 */
public enum ErrorCode {

	MALFORMED_JSON(400, "The request body is not valid JSON: {0}"),
	MALFORMED_REQUEST(400, "The request is not valid HTTP/1.1, or its request line or headers are too large."),
	WRONG_TYPE(400, "Field {0} has the wrong type."), UNKNOWN_FIELD(400, "Field {0} is not part of this resource."),
	FIELD_REQUIRED(422, "Field {0} is required."),
	LATITUDE_OUT_OF_RANGE(422, "Latitude must be between -90 and 90 degrees."),
	LONGITUDE_OUT_OF_RANGE(422, "Longitude must be between -180 and 180 degrees."),
	INTERVAL_END_BEFORE_START(422, "The end of the interval is before its start."),
	UNKNOWN_EVENT_TYPE(422, "{0} is not a known event type; see GET /api/event-types."),
	UNKNOWN_PRECISION(422, "{0} is not a known precision."),
	UNKNOWN_EQUIPMENT_CLASS(422, "{0} is not a known equipment class: heavy_weapons, armoured_vehicles or personnel."),
	UNKNOWN_TIME_ZONE(422,
			"{0} is not a time zone; give an IANA zone id such as Asia/Damascus, UTC, or an offset such as +03:00."),
	UNKNOWN_SOURCE(422,
			"Field source names no source you may use; monitors register sources and say who may use each (POST /api/sources)."),
	UNKNOWN_ENUM_VALUE(400, "Field {0} is not one of the allowed values."),
	NEGATIVE_COUNT(422, "A casualty count cannot be negative."),
	INVALID_DIGEST(422, "An attachment digest must be 64 hexadecimal characters (SHA-256)."),
	INVALID_VALUE(422, "Field {0} has an invalid value."),
	INVALID_LANGUAGE_TAG(422, "Field {0} is not a BCP 47 language tag, such as ar, ru or en."),
	TEXT_MISSING_IN_AUTHENTIC_LANGUAGE(422, "{0} has no text in one of the document's authentic languages."),
	TOO_LONG(422, "Field {0} is too long."), TOO_MANY_ITEMS(422, "Field {0} has too many items."),
	INVALID_QUERY(400, "Query parameter {0} is invalid."),
	INVALID_CURSOR(400, "The cursor is not one this server issued."),
	IDEMPOTENCY_KEY_REUSED(422, "This Idempotency-Key was already used for a different request."),
	BODY_TOO_LARGE(413, "The request body is larger than the limit."),
	BATCH_TOO_LARGE(413, "A batch holds at most {0} reports (truce.limits.batch-reports); split it."),
	UNSUPPORTED_MEDIA_TYPE(415, "Send application/json."),
	NOT_ACCEPTABLE(406, "This resource cannot be served in the requested media type."),
	METHOD_NOT_ALLOWED(405, "This method is not allowed here."), NOT_FOUND(404, "Nothing is found at {0}."),
	CONFLICT(409, "{0}"), RFI_ALREADY_ANSWERED(409, "This request for information was answered already, at {0}."),
	UNKNOWN_ACTOR(422, "No actor has the id {0}; see GET /api/actors."),
	DEADLINE_NOT_IN_FUTURE(422, "Field {0} must be an instant in the future."),
	UNAUTHENTICATED(401, "Sign in, or send an API token as Authorization: Bearer <token>."),
	INVALID_TOKEN(401, "The API token is unknown, expired or revoked."),
	FORBIDDEN(403, "Your roles do not allow this."),
	CSRF_TOKEN_MISSING(403, "This form was sent without a valid CSRF token; reload the page and try again."),
	TOO_MANY_ATTEMPTS(429, "Too many failed attempts; wait {0} and try again."),
	RATE_LIMITED(429, "Too many requests; wait {0} and try again."),
	STORE_UNAVAILABLE(503,
			"The store did not answer in time; nothing was recorded. Retry with the same Idempotency-Key."),
	UNKNOWN_AGREEMENT(422, "No agreement has the id {0}; see GET /api/agreements."),
	UNKNOWN_TERM(422, "The agreement has no term {0}."),
	VERSION_REQUIRED(428, "Name the version you read, in an If-Match header or a version field."),
	STALE_VERSION(409, "It has changed since version {0}: read it again, then retry against the current version."),
	ALREADY_SIGNED(409, "A co-chair of {0} has already signed it."),
	DETERMINATION_EFFECTIVE(409, "This determination is effective: it can no longer be edited."),
	SIDE_NOT_NAMED(403, "It does not name your side: only co-chairs of the sides it names may {0}."),
	NOT_A_LINESTRING(422, "Field {0} must be a GeoJSON LineString of two or more [longitude, latitude] positions."),
	NEGATIVE_NUMBER(422, "Field {0} cannot be negative."),
	ACCESS_ALREADY_DECIDED(409,
			"This party decided on the access request already, at {0}; a decision is not superseded."),
	ACCESS_OUTCOME_RECORDED(409, "The outcome of this access request was recorded already, at {0}."),
	WINDOW_REQUIRED(422, "A movement needs a time window: field {0} is required."),
	GEOMETRY_INVALID(422, "Field {0} is not an RFC 7946 GeoJSON geometry."),
	GEOMETRY_TYPE_NOT_ALLOWED(422, "Field {0} has a geometry type not allowed here."),
	POSITION_TOO_LARGE(422, "Field {0} covers a larger area than a declared position may."),
	POSITION_WINDOW_TOO_LONG(422, "Field {0} ends a window longer than a declared position may last."),
	LOCAL_TIME_SKIPPED(422,
			"Field {0} names a local time that did not exist: the clocks were put forward over it. Give a time before or after the change."),
	LOCAL_TIME_AMBIGUOUS(422,
			"Field {0} names a local time that happened twice: the clocks were put back over it. Give a time outside that hour here, or the instant with its offset through the API."),
	ASSERTED_AFTER_RECORDED(422, "Field {0} asserts a time later than the time it is recorded."),
	ASSERTED_BY_REQUIRED(422, "Field {0} is required when a time is asserted: name who asserts it."),
	ASSERTED_BEFORE_NOTIFIED(422, "Field {0} asserts a time before the notification it acknowledges was notified."),
	TOO_MANY_STREAMS(429,
			"You have {0} alert streams open, the most allowed: close one (or wait for a closed one to be noticed)"
					+ " and try again."),
	WEBHOOK_TARGET_NOT_ALLOWED(422,
			"Field url names a target that webhooks may not reach: {0}. Only public addresses are allowed, unless"
					+ " an operator allow-lists others."),
	NOTIFICATION_WITHDRAWN(409, "This notification was withdrawn at {0}: it can no longer be acknowledged."),
	UNKNOWN_WHO_ACTED_KIND(422, "{0} is not a kind of who-acted: actor, either_side or one_of."),
	WHO_ACTED_INCONSISTENT(422, "Field {0} does not fit the kind of who-acted or the actors named."),
	INTERNAL(500, "An unexpected error occurred; it has been logged."), UNREADABLE_ROW(422, "Row {0} cannot be read."),
	// issue 17, i17-core: bulletins
	BULLETIN_PERIOD_INVALID(400, "{0}"), BULLETIN_PERIOD_OUTSIDE_AGREEMENT(400, "{0}"),
	// Issue 17, part 4 (i17-sign): bulletins signed jointly.
	BULLETIN_DRAFT_STALE(409,
			"This draft is no longer the one to sign: {0} Read the current draft, then sign or dissent against it."),
	BULLETIN_DRAFT_CONFLICT(409, "Another draft of this bulletin was made at the same time: retry."),
	// issue 17, i17-replay: a bulletin reproduced from a ledger export
	BULLETIN_EXPORT_REFUSED(422, "The ledger export cannot be replayed: {0}");

	private final int status;

	private final String template;

	ErrorCode(int status, String template) {
		this.status = status;
		this.template = template;
	}

	public int status() {
		return this.status;
	}

	public String format(Object arg) {
		return this.template.replace("{0}", String.valueOf(arg));
	}

}
