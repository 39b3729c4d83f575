package org.truce.rfi.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.rfi.model.RequestForInformation;

/**
 * The store of requests for information. Writes join the caller's transaction, where the
 * ledger entry of the change is appended too.
 */
public interface RequestsForInformation {

	/**
	 * Stores a new request, unless one with the same idempotency key is stored already.
	 * @param idempotencyKey null, or a key unique among all requests
	 * @param requestDigest identifies the content of the request that carried the key
	 * @return the request stored under the key: this one when {@code created}
	 */
	Inserted insert(RequestForInformation request, String idempotencyKey, String requestDigest);

	/** The request stored under an idempotency key, with the digest stored with it. */
	Optional<Inserted> byIdempotencyKey(String idempotencyKey);

	Optional<RequestForInformation> byId(UUID id);

	/**
	 * Records the answer of an open request at the version given, and adds one to its
	 * version.
	 * @return false when the request is not open at {@code expectedVersion} (answered
	 * already, changed since, or not stored)
	 */
	boolean answer(UUID id, int expectedVersion, RequestForInformation.Answer answer);

	/**
	 * The requests about an incident and about every incident merged into it, however
	 * deep, by deadline.
	 */
	default List<RequestForInformation> aboutIncident(UUID incidentId) {
		return aboutIncident(incidentId, Integer.MAX_VALUE);
	}

	/** As {@link #aboutIncident(UUID)}, the first {@code limit} of them. */
	List<RequestForInformation> aboutIncident(UUID incidentId, int limit);

	/** The requests that match, by deadline then id. */
	List<RequestForInformation> find(Query query);

	/**
	 * Which requests to list.
	 *
	 * @param parties only those addressed to these parties; null for every party
	 * @param status only those in this state at {@code now}; null for every state
	 * @param now the instant that tells open from overdue
	 * @param limit at most this many
	 */
	record Query(Set<String> parties, Status status, Instant now, int limit) {

	}

	/** A state to list, as the store can tell it. */
	enum Status {

		/** Not answered, deadline not passed. */
		OPEN,

		/** Not answered, deadline passed. */
		OVERDUE,

		/** Answered, on time or late. */
		ANSWERED,

		/** Answered after the deadline. */
		LATE

	}

	/**
	 * @param created whether this insert stored it
	 * @param requestDigest the digest stored with its idempotency key, or null
	 */
	record Inserted(RequestForInformation request, boolean created, String requestDigest) {

	}

}
