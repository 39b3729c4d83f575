package org.truce.humanitarian.application;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessOutcome;
import org.truce.humanitarian.model.AccessRequest;

/**
 * The store of access requests, with each party's decision and the outcome. Writes join
 * the caller's transaction, where the ledger entry of the change is appended too.
 */
public interface AccessRequests {

	void insert(AccessRequest request);

	Optional<AccessRequest> byId(UUID id);

	/**
	 * The most recent requests first.
	 * @param parties only those concerning one of these parties; null for all
	 * @param limit at most this many
	 */
	List<AccessRequest> list(Set<String> parties, int limit);

	/**
	 * Records a party's decision, if that party is concerned and has not decided, and
	 * adds one to the request's version.
	 * @return false when the party is not concerned or has decided already
	 */
	boolean decide(UUID id, AccessDecision decision);

	/**
	 * Records the outcome of a request that has none, at the version given, and adds one
	 * to its version.
	 * @return false when it has an outcome already, is at another version, or is not
	 * stored
	 */
	boolean recordOutcome(UUID id, int expectedVersion, AccessOutcome outcome);

	/**
	 * Links a blocked request to its aid-obstruction report, unless it is linked already.
	 * @return whether this call linked it
	 */
	boolean linkObstructionReport(UUID id, UUID reportId);

}
