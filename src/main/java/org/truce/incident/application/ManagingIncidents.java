package org.truce.incident.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.Asserted;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.Sha256;

/**
 * An analyst's and the sides' changes to incidents: merging, splitting, deciding
 * candidate links, discounting, claims and evidence. Each is checked against the
 * incident's version (a stale one is refused with 409), written with its ledger entry in
 * one transaction, and announced ({@link IncidentsChanged}) once committed.
 */
@Service
public class ManagingIncidents {

	/** The ledger entry kinds this class writes; the subject is the incident's id. */
	public static final String MERGED = "incident-merged", SPLIT = "incident-split", CLAIM = "incident-claim",
			DISCOUNTED = "incident-discounted", EVIDENCE = "incident-evidence", LINK_DECIDED = "candidate-link-decided";

	/**
	 * The committed group of a merge, a split or a decided link: the reports moved and
	 * the analyst's reason. Which reports belong together would tell of unpublished
	 * reports, and a reason may name a place; opened for staff.
	 */
	public static final String REPORTS = "reports";

	/** The committed group of a discount: the analyst's reason. */
	public static final String REASON = "reason";

	/**
	 * The committed group of a claim: who made it, for which side, its position, the
	 * actor and the statement, and when it was asserted. A party's claim is not for the
	 * public before it is shared.
	 */
	public static final String CLAIM_GROUP = "claim";

	/** The longest reason or statement kept. */
	static final int MAX_TEXT = 4000;

	private final Incidents incidents;

	private final IncidentDirectory directory;

	private final ActorDirectory actors;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	public ManagingIncidents(Incidents incidents, IncidentDirectory directory, ActorDirectory actors, Ledger ledger,
			TransactionTemplate tx, ApplicationEventPublisher events, Clock clock) {
		this.incidents = incidents;
		this.directory = directory;
		this.actors = actors;
		this.ledger = ledger;
		this.tx = tx;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Merges other incidents into one: their reports and claims move to it, and each of
	 * them is marked as merged into it.
	 * @param version the version of {@code into} the analyst saw
	 */
	public IncidentRecord merge(UUID into, int version, List<UUID> others, String reason, String by) {
		String why = reason(reason);
		if (others.isEmpty()) {
			throw invalid("incidents", "mergeNone");
		}
		Instant now = this.clock.instant();
		Set<UUID> gone = new LinkedHashSet<>();
		IncidentRecord merged = this.tx.execute(status -> {
			IncidentRecord target = open(into, "id");
			checkVersion(target, version);
			List<UUID> moved = new ArrayList<>();
			for (UUID other : others) {
				IncidentRecord from = open(other, "incidents");
				if (from.id().equals(target.id()) || !gone.add(from.id())) {
					throw invalid("incidents", "mergeTwice", other);
				}
				moved.addAll(from.reportIds());
				this.incidents.move(from.reportIds(), target.id(), now, by);
				this.incidents.markMerged(from.id(), target.id(), now);
			}
			bump(target, now);
			Map<String, Object> reports = new LinkedHashMap<>();
			reports.put("from", gone.stream().map(UUID::toString).toList());
			reports.put("reports", moved.stream().map(UUID::toString).toList());
			reports.put("reason", why);
			this.ledger.append(List
				.of(LedgerEntry.of(MERGED, target.id().toString(), Map.of("by", by), Map.of(REPORTS, reports))));
			return this.incidents.find(target.id()).orElseThrow();
		});
		this.events.publishEvent(new IncidentsChanged(Set.of(merged.id()), gone));
		return merged;
	}

	/**
	 * Splits reports off an incident into a new one, whose id is the first of them. The
	 * incident keeps its own first report (its id), and at least one report.
	 */
	public IncidentRecord split(UUID id, int version, List<UUID> reportIds, String reason, String by) {
		String why = reason(reason);
		List<UUID> off = List.copyOf(new LinkedHashSet<>(reportIds));
		if (off.isEmpty()) {
			throw invalid("reports", "splitNone");
		}
		Instant now = this.clock.instant();
		IncidentRecord created = this.tx.execute(status -> {
			IncidentRecord incident = open(id, "id");
			checkVersion(incident, version);
			for (UUID report : off) {
				if (!incident.reportIds().contains(report)) {
					throw invalid("reports", "splitForeign", report, id);
				}
			}
			if (off.contains(incident.id())) {
				throw invalid("reports", "splitFirst", incident.id());
			}
			bump(incident, now);
			UUID newId = off.get(0);
			this.incidents.create(newId, off, now, by);
			Map<String, Object> reports = new LinkedHashMap<>();
			reports.put("into", newId.toString());
			reports.put("reports", off.stream().map(UUID::toString).toList());
			reports.put("reason", why);
			this.ledger.append(List
				.of(LedgerEntry.of(SPLIT, incident.id().toString(), Map.of("by", by), Map.of(REPORTS, reports))));
			return this.incidents.find(newId).orElseThrow();
		});
		this.events.publishEvent(new IncidentsChanged(Set.of(id, created.id()), Set.of()));
		return created;
	}

	/**
	 * Decides a candidate link: confirming merges the incidents of its two reports (into
	 * the incident of its first report); rejecting keeps them apart.
	 */
	public StoredLink decide(String linkId, boolean confirm, String reason, String by) {
		String why = reason(reason);
		StoredLink link = this.incidents.link(linkId)
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "id", "/api/candidate-links/" + linkId)));
		Instant now = this.clock.instant();
		Set<UUID> changed = new LinkedHashSet<>();
		Set<UUID> gone = new LinkedHashSet<>();
		StoredLink decided = this.tx.execute(status -> {
			StoredLink.Status outcome = confirm ? StoredLink.Status.CONFIRMED : StoredLink.Status.REJECTED;
			if (!this.incidents.decide(linkId, outcome, by, why, now)) {
				throw new RejectedException(Problem.keyed(ErrorCode.CONFLICT, "id", "linkDecided", linkId));
			}
			Map<UUID, UUID> of = this.incidents.incidentOf(List.of(link.reportA(), link.reportB()));
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("by", by);
			body.put("link", linkId);
			body.put("decision", outcome.name());
			Map<String, Object> reports = new LinkedHashMap<>();
			reports.put("reports", List.of(link.reportA().toString(), link.reportB().toString()));
			reports.put("reason", why);
			UUID a = of.get(link.reportA());
			UUID b = of.get(link.reportB());
			if (a == null || b == null) {
				throw new RejectedException(Problem.keyed(ErrorCode.CONFLICT, "id", "linkPending"));
			}
			if (confirm && !a.equals(b)) {
				IncidentRecord into = open(a, "id");
				IncidentRecord from = open(b, "id");
				this.incidents.move(from.reportIds(), into.id(), now, by);
				this.incidents.markMerged(from.id(), into.id(), now);
				bump(into, now);
				reports.put("from", from.id().toString());
				gone.add(from.id());
			}
			changed.add(a);
			this.ledger.append(List.of(LedgerEntry.of(LINK_DECIDED, a.toString(), body, Map.of(REPORTS, reports))));
			return this.incidents.link(linkId).orElseThrow();
		});
		this.events.publishEvent(new IncidentsChanged(changed, gone));
		return decided;
	}

	/** Discounts an incident, or lifts the discount when {@code reason} is null. */
	public IncidentRecord discount(UUID id, int version, String reason, String by) {
		String why = reason == null ? null : reason(reason);
		Instant now = this.clock.instant();
		IncidentRecord changed = this.tx.execute(status -> {
			IncidentRecord incident = open(id, "id");
			checkVersion(incident, version);
			this.incidents.discount(id, why == null ? null : new IncidentRecord.Discount(by, why), now);
			bump(incident, now);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("by", by);
			body.put("discounted", why != null);
			this.ledger.append(List.of(LedgerEntry.of(DISCOUNTED, id.toString(), body,
					why == null ? Map.of() : Map.of(REASON, Map.of("reason", why)))));
			return this.incidents.find(id).orElseThrow();
		});
		this.events.publishEvent(new IncidentsChanged(Set.of(id), Set.of()));
		return changed;
	}

	/**
	 * Records a side's claim about who acted, superseding the side's earlier one.
	 * @param side the actor the claimant speaks for (a liaison's party, a co-chair's
	 * sponsor)
	 */
	public Claim claim(UUID id, String side, Claim.Position position, String actorId, String statement, String by) {
		return claim(id, side, position, actorId, statement, Asserted.Input.NONE, by);
	}

	/**
	 * The same for a claim entered after the fact: {@code asserted} says when the side
	 * made it, on whose word and in what document. The claim's {@code incident-claim}
	 * ledger entry commits to it, with the rest of the claim, as {@code asserted: {at,
	 * by, document, url}} in the group {@value #CLAIM_GROUP}.
	 * @throws RejectedException those of {@link Asserted#resolve} on {@code asserted}
	 * (ASSERTED_AFTER_RECORDED, ASSERTED_BY_REQUIRED), and the field problems above
	 */
	public Claim claim(UUID id, String side, Claim.Position position, String actorId, String statement,
			Asserted.Input assertedInput, String by) {
		if (actorId == null || actorId.isBlank()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "actor"));
		}
		if (this.actors.registry().byId(actorId).isEmpty()) {
			throw invalid("actor", "actor", actorId);
		}
		String words = statement == null ? "" : statement.strip();
		if (words.length() > MAX_TEXT) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_LONG, "statement"));
		}
		Instant now = this.clock.instant();
		List<Problem> problems = new ArrayList<>();
		Asserted asserted = Asserted.resolve("asserted", assertedInput, now, by, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Claim made = this.tx.execute(status -> {
			IncidentRecord incident = open(id, "id");
			Claim claim = new Claim(UUID.randomUUID().toString(), incident.id(), side, position, actorId, words, by,
					now, asserted);
			this.incidents.claim(claim);
			bump(incident, now);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("by", by);
			body.put("side", side);
			body.put("position", position.name());
			body.put("actor", actorId);
			body.put("statement", words);
			body.put("asserted", asserted.fields());
			this.ledger
				.append(List.of(LedgerEntry.of(CLAIM, incident.id().toString(), Map.of(), Map.of(CLAIM_GROUP, body))));
			return claim;
		});
		this.events.publishEvent(new IncidentsChanged(Set.of(made.incidentId()), Set.of()));
		return made;
	}

	/**
	 * Keeps evidence: its SHA-256 computed here, its media type and the time it arrived.
	 * The same bytes sent twice are kept once (the first receipt stands).
	 * @return the evidence as stored
	 */
	public Evidence addEvidence(UUID id, byte[] content, String mediaType, String name, String by) {
		if (content == null || content.length == 0) {
			throw new RejectedException(Problem.keyed(ErrorCode.FIELD_REQUIRED, "body", "evidence"));
		}
		if (mediaType == null || mediaType.isBlank()) {
			throw new RejectedException(Problem.keyed(ErrorCode.FIELD_REQUIRED, "Content-Type", "evidenceType"));
		}
		String sha256 = Sha256.hex(content);
		Instant now = this.clock.instant();
		return this.tx.execute(status -> {
			IncidentRecord incident = open(id, "id");
			Evidence evidence = new Evidence(UUID.randomUUID().toString(), incident.id(), sha256, mediaType,
					name == null || name.isBlank() ? null : name.strip(), content.length, now, by);
			if (!this.incidents.addEvidence(evidence, content)) {
				return this.incidents.evidence(incident.id())
					.stream()
					.filter(e -> e.sha256().equals(sha256))
					.findFirst()
					.orElseThrow();
			}
			bump(incident, now);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("by", by);
			body.put("sha256", sha256);
			body.put("mediaType", mediaType);
			body.put("size", content.length);
			body.put("receivedAt", now.toString());
			this.ledger.append(List.of(new LedgerEntry(EVIDENCE, incident.id().toString(), body)));
			return evidence;
		});
	}

	private IncidentRecord open(UUID id, String field) {
		IncidentRecord incident = this.incidents.find(id)
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, field, "/api/incidents/" + id)));
		if (incident.status() == IncidentRecord.Status.MERGED) {
			UUID now = this.directory.current(id).map(IncidentRecord::id).orElse(incident.mergedInto());
			throw new RejectedException(Problem.keyed(ErrorCode.CONFLICT, field, "merged", id, now));
		}
		return incident;
	}

	private static void checkVersion(IncidentRecord incident, int version) {
		if (incident.version() != version) {
			throw stale(incident, version);
		}
	}

	private void bump(IncidentRecord incident, Instant now) {
		if (!this.incidents.bump(incident.id(), incident.version(), now)) {
			throw stale(incident, incident.version());
		}
	}

	private static RejectedException stale(IncidentRecord incident, int version) {
		return new RejectedException(
				Problem.keyed(ErrorCode.CONFLICT, "version", "incidentChanged", incident.id(), version));
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new RejectedException(Problem.keyed(ErrorCode.FIELD_REQUIRED, "reason", "reason"));
		}
		if (reason.length() > MAX_TEXT) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_LONG, "reason"));
		}
		return reason.strip();
	}

	private static RejectedException invalid(String field, String variant, Object... args) {
		return new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, field, variant, args));
	}

}
