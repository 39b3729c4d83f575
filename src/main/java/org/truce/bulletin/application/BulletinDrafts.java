package org.truce.bulletin.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.truce.bulletin.model.BulletinDraft;
import org.truce.bulletin.model.DissentAnnex;

/**
 * The store of bulletin drafts, their signatures and dissent annexes. Writes join the
 * caller's transaction, where the ledger entries describing them are appended too.
 */
public interface BulletinDrafts {

	/** The version the next draft of this agreement and period takes: 1 for the first. */
	int nextVersion(String agreementId, LocalDate from, LocalDate to);

	/**
	 * Stores a new draft (with no signature) and makes the other drafts of its agreement
	 * and period that are still {@code DRAFT} stale.
	 * @return the ids of the drafts it made stale
	 */
	List<UUID> insertSuperseding(BulletinDraft draft, Instant at);

	/**
	 * Adds the last signature of {@code after}, and its state, if the stored draft is
	 * still in the state {@code expected} and that side has not signed.
	 * @return whether it was (false: the draft changed first, or the side signed first)
	 */
	boolean sign(BulletinDraft after, BulletinDraft.State expected);

	Optional<BulletinDraft> find(UUID id);

	/** The published draft of this agreement and period, if one is. */
	Optional<UUID> published(String agreementId, LocalDate from, LocalDate to);

	/**
	 * Up to {@code limit} drafts, most recently changed first.
	 * @param state only those in this state, or null for all
	 */
	List<BulletinDraft> list(BulletinDraft.State state, int limit);

	/**
	 * Keeps a dissent if its draft is not stale.
	 * @return whether it was kept (false: the draft became stale first)
	 */
	boolean addDissent(DissentAnnex dissent);

	/** The dissent annexes of a draft, oldest first. */
	List<DissentAnnex> dissents(UUID draftId);

}
