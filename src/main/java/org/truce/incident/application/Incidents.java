package org.truce.incident.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;

/**
 * The incidents store: which reports make each incident, the candidate links between
 * reports, each side's claims and the evidence. Writes join the caller's transaction,
 * where the ledger entries describing them are appended too.
 */
public interface Incidents {

	Optional<IncidentRecord> find(UUID id);

	/** The incident of each of the reports that has one. */
	Map<UUID, UUID> incidentOf(Collection<UUID> reportIds);

	/**
	 * Up to {@code limit} stored reports that belong to no incident yet, earliest event
	 * first (so that a batch spans little time).
	 */
	List<UUID> unclustered(int limit);

	/**
	 * Those of the incidents that are more than one report alone: more than one report,
	 * or a side's claim.
	 */
	Set<UUID> compound(Collection<UUID> incidentIds);

	/** Creates an open incident, at version 1, of the reports (none may have one). */
	void create(UUID id, List<UUID> reportIds, Instant at, String by);

	/** Moves reports (with or without an incident) into an incident. */
	void move(List<UUID> reportIds, UUID incidentId, Instant at, String by);

	/**
	 * Adds one to the incident's version if it is {@code expected}.
	 * @return whether it was (false: someone else changed it first)
	 */
	boolean bump(UUID id, int expected, Instant at);

	/** Marks an incident, now without reports, as merged into another. */
	void markMerged(UUID id, UUID into, Instant at);

	/** Sets or clears (with null) an incident's discount. */
	void discount(UUID id, IncidentRecord.Discount discount, Instant at);

	/** Records a claim, superseding the same side's earlier claim about the incident. */
	void claim(Claim claim);

	/** Each side's current claim about the incident, oldest first. */
	List<Claim> claims(UUID incidentId);

	/**
	 * Stores evidence unless the incident already has the same bytes.
	 * @return whether it was stored now
	 */
	boolean addEvidence(Evidence evidence, byte[] content);

	List<Evidence> evidence(UUID incidentId);

	Optional<byte[]> evidenceContent(UUID incidentId, String sha256);

	/** Stores candidate links, skipping pairs already linked. */
	List<StoredLink> addLinks(List<StoredLink> links);

	Optional<StoredLink> link(String id);

	/** Open candidate links, oldest first. */
	List<StoredLink> openLinks(int limit);

	/** The links that touch any of the reports. */
	List<StoredLink> linksOf(Collection<UUID> reportIds);

	/**
	 * Decides an open link.
	 * @return whether it was open
	 */
	boolean decide(String linkId, StoredLink.Status status, String by, String reason, Instant at);

	/**
	 * How many open incidents there are, how many of them hold more than one report, and
	 * how many candidate links wait for an analyst.
	 */
	Counts counts();

	/** The sizes of the record of incidents. */
	record Counts(long incidents, long multiReport, long openLinks) {

	}

	/** Open incidents, most recently changed first. */
	List<IncidentRecord> recent(int limit);

}
