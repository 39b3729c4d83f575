package org.truce.deconfliction.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;

/**
 * The store of notifications and their acknowledgments. Writes join the caller's
 * transaction, where the ledger entry of the change is appended too; a write announces
 * {@link ProtectedPlacesChanged} once that transaction commits.
 */
public interface Notifications {

	/**
	 * Stores a new notification with its parties.
	 * @param contentSalt the salt of its content commitment in the ledger
	 */
	void insert(Notification notification, String contentSalt);

	Optional<NotificationHistory> byId(UUID id);

	/**
	 * Records a party's acknowledgment unless that party has acknowledged already (the
	 * first is kept).
	 * @return whether this one was recorded
	 */
	boolean acknowledge(Acknowledgment acknowledgment);

	/**
	 * Marks a notification withdrawn, unless it is already, and adds one to its version.
	 * @return whether this call withdrew it
	 */
	boolean withdraw(UUID id, String by, Instant at);

	/** The notifications that match, newest first. */
	List<NotificationHistory> find(Query query);

	/**
	 * Which notifications to list.
	 *
	 * @param parties only those delivered to one of these parties; null for any
	 * @param notifiedBy only those registered by this user; null for any
	 * @param includeWithdrawn whether to list withdrawn ones
	 * @param limit at most this many
	 */
	record Query(Set<String> parties, String notifiedBy, boolean includeWithdrawn, int limit) {

	}

}
