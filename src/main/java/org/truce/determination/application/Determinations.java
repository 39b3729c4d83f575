package org.truce.determination.application;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.truce.determination.model.Comment;
import org.truce.determination.model.Determination;

/**
 * The determinations store, with their sign-offs and comments. Writes join the caller's
 * transaction, where the ledger entries describing them are appended too.
 */
public interface Determinations {

	/** Stores a new draft (with no sign-off). */
	void insert(Determination draft);

	/**
	 * Replaces a determination, and its sign-offs, with {@code after} if its stored
	 * version is still {@code expected}.
	 * @return whether it was (false: someone else changed it first)
	 */
	boolean update(Determination after, int expected);

	Optional<Determination> find(UUID id);

	/** The determinations about any of the incidents, oldest drafted first. */
	List<Determination> aboutIncidents(Collection<UUID> incidentIds);

	/**
	 * Up to {@code limit} determinations, most recently changed first.
	 * @param status only those with this status, or null for all
	 * @param awaiting only drafts that name this side and that it has not signed, or null
	 */
	List<Determination> list(Determination.Status status, String awaiting, int limit);

	void addComment(Comment comment);

	/** The comments and dissents on a determination, oldest first. */
	List<Comment> comments(UUID determinationId);

}
