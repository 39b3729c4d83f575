package org.truce.ledger.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every kind of entry the application writes to the log, each with the fields its body
 * holds in the clear and the groups it holds only as salted commitments
 * ({@link LedgerEntry#of}). The log is public: a clear field is something the public may
 * know, and a field is in the clear only if it is listed here (docs/ledger.md says why
 * for each kind, and who may open each group). A test compares every entry the
 * application appends against this list ({@link #problems}), so that a new kind, or a new
 * field in the clear, is a decision made here and not by accident.
 */
public final class EntryKinds {

	/**
	 * One kind of entry.
	 *
	 * @param clear the fields its body may hold in the clear (some only sometimes)
	 * @param groups the groups it may commit to (some only sometimes)
	 */
	public record Kind(String name, Set<String> clear, Set<String> groups) {

		public Kind {
			clear = Set.copyOf(clear);
			groups = Set.copyOf(groups);
		}

	}

	private static final Set<String> ASSERTED_AFTER_THE_FACT = Set.of("asserted", "provenance", "recordedAt");

	private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

	static {
		// Reports and imports (report context).
		kind("report", Set.of(), Set.of("source", "location", "event", "submitter"));
		kind("publication", Set.of("by", "at"), Set.of());
		kind("import", Set.of("id", "kind", "fileName", "sha256", "startedAt", "finishedAt", "counts", "timeZone",
				"unresolvedActors"), Set.of("unresolvedNames"));
		// Agreements and control maps.
		kind("agreement-version",
				Set.of("agreementId", "version", "inForceFrom", "title", "fileName", "sha256", "document"), Set.of());
		kind("control-map", Set.of("mapName", "areas"), Set.of());
		// Incidents.
		kind("incident-created", Set.of("by", "rules"), Set.of("reports"));
		kind("incident-reports-added", Set.of("by", "rules"), Set.of("reports"));
		kind("candidate-link", Set.of("by", "link"), Set.of("reports"));
		kind("candidate-link-decided", Set.of("by", "link", "decision"), Set.of("reports"));
		kind("incident-merged", Set.of("by"), Set.of("reports"));
		kind("incident-split", Set.of("by"), Set.of("reports"));
		kind("incident-discounted", Set.of("by", "discounted"), Set.of("reason"));
		kind("incident-claim", Set.of(), Set.of("claim"));
		kind("incident-evidence", Set.of("by", "sha256", "mediaType", "size", "receivedAt"), Set.of());
		// Findings (adjudication): each write of an agreement's findings, for staff only.
		kind("findings-recorded", Set.of(), Set.of("findings"));
		// Determinations.
		Set<String> described = Set.of("determination", "by", "at", "incident", "agreement", "term", "actor", "verdict",
				"sides", "quorum", "version");
		kind("determination-drafted", described, Set.of("text"));
		kind("determination-edited", with(described, Set.of("clearedSignOffs")), Set.of("text"));
		kind("determination-signed", Set.of("by", "side", "version", "at", "asserted"), Set.of("provenance"));
		kind("determination-effective", Set.of("at", "signedBy", "quorum", "version"), Set.of());
		kind("determination-comment", Set.of("by", "determination", "version", "at", "asserted"),
				Set.of("text", "provenance"));
		kind("determination-dissent", Set.of("by", "determination", "side", "version", "at", "asserted"),
				Set.of("text", "provenance"));
		// Bulletins signed jointly: the digest of bulletin.json, the agreement and the
		// period, never the bulletin's contents (a draft is staff's until published).
		Set<String> bulletin = Set.of("draft", "agreement", "from", "to", "version", "digest");
		kind("bulletin-drafted", with(bulletin, Set.of("sides", "quorum", "by", "at", "supersedes")), Set.of());
		kind("bulletin-signed", Set.of("draft", "by", "side", "version", "digest", "at"), Set.of());
		kind("bulletin-dissent", Set.of("draft", "by", "side", "version", "digest", "at"), Set.of("text"));
		kind("bulletin-published", with(bulletin, Set.of("signedBy", "quorum", "at")), Set.of());
		// Requests for information.
		kind("rfi-sent", with(Set.of("incident", "party", "deadline", "requestedBy", "requestedBySide", "requestedAt",
				"questionCommitment"), ASSERTED_AFTER_THE_FACT), Set.of());
		kind("rfi-answered", with(Set.of("incident", "party", "deadline", "answeredBy", "answeredAt", "late",
				"answerCommitment", "version"), ASSERTED_AFTER_THE_FACT), Set.of());
		// Deconfliction.
		kind("notification-sent",
				Set.of("kind", "parties", "notifiedBy", "notifiedAt", "contentCommitment", "asserted"), Set.of());
		kind("notification-acknowledged",
				Set.of("notification", "party", "acknowledgedBy", "acknowledgedAt", "asserted"), Set.of());
		kind("notification-withdrawn", Set.of("withdrawnBy", "withdrawnAt"), Set.of());
		kind("position-declared", Set.of("side", "declaredBy", "declaredAt", "contentCommitment", "asserted"),
				Set.of());
		kind("position-withdrawn", Set.of("side", "withdrawnBy", "withdrawnAt"), Set.of());
		kind("alert", Set.of(), Set.of("report", "place"));
		// Humanitarian access.
		kind("access-requested", Set.of("parties", "peopleInNeed", "requestedBy", "requestedAt", "contentCommitment"),
				Set.of("window"));
		kind("access-decided",
				Set.of("party", "verdict", "decidedBy", "decidedAt", "reasonsCommitment", "asserted", "version"),
				Set.of());
		kind("access-outcome-recorded", Set.of("outcome", "at", "recordedBy", "recordedAt", "blockedBy",
				"deliveredShare", "detailsCommitment", "version"), Set.of());
		kind("access-obstruction-reported", Set.of("report", "blockedBy"), Set.of());
		kind("movement-restriction-recorded", Set.of("kind", "delayMinutes", "at", "restrictedBy", "recordedAt"),
				Set.of("place", "recorder"));
		kind("movement-restriction-reported", Set.of("report", "restrictedBy"), Set.of());
		Set<String> besieged = Set.of("name", "status", "population", "asOf", "besiegers", "areaDigest", "recordedAt",
				"version");
		kind("besieged-area-recorded", besieged, Set.of("recorder"));
		kind("besieged-area-revised", besieged, Set.of("recorder"));
		// Identity: who may read and change the record.
		Set<String> audit = Set.of("user", "role", "side", "by", "at");
		kind("user-added", audit, Set.of());
		kind("role-granted", audit, Set.of());
		kind("role-revoked", audit, Set.of());
		kind("password-reset", audit, Set.of());
		kind("token-issued", with(audit, Set.of("token", "expiresAt")), Set.of());
		kind("token-revoked", with(audit, Set.of("token")), Set.of());
		kind("sign-in", with(audit, Set.of("method")), Set.of());
	}

	private EntryKinds() {
	}

	private static void kind(String name, Set<String> clear, Set<String> groups) {
		if (KINDS.put(name, new Kind(name, clear, groups)) != null) {
			throw new IllegalStateException("the kind " + name + " is listed twice");
		}
	}

	private static Set<String> with(Set<String> a, Set<String> b) {
		Set<String> all = new java.util.HashSet<>(a);
		all.addAll(b);
		return all;
	}

	/** Every kind, in the order listed. */
	public static List<Kind> all() {
		return List.copyOf(KINDS.values());
	}

	public static Optional<Kind> of(String name) {
		return Optional.ofNullable(KINDS.get(name));
	}

	/**
	 * What is wrong with an entry's body against its kind: the kind is not listed, a
	 * field in the clear is not one of its clear fields, or a committed group is not one
	 * of its groups. Empty when the entry is as listed.
	 */
	public static List<String> problems(String kind, Map<?, ?> body) {
		List<String> problems = new ArrayList<>();
		Kind k = KINDS.get(kind);
		if (k == null) {
			problems.add("the kind " + kind + " is not listed in EntryKinds");
			return problems;
		}
		for (Object field : body.keySet()) {
			if (LedgerEntry.COMMITMENTS.equals(field)) {
				continue;
			}
			if (!k.clear().contains(field)) {
				problems.add(kind + " holds " + field + " in the clear, which EntryKinds does not list");
			}
		}
		if (body.containsKey(LedgerEntry.COMMITMENTS) && !(body.get(LedgerEntry.COMMITMENTS) instanceof Map)) {
			problems.add(kind + " has commitments that are not an object");
		}
		for (String group : LedgerEntry.commitments(body).keySet()) {
			if (!k.groups().contains(group)) {
				problems.add(kind + " commits to the group " + group + ", which EntryKinds does not list");
			}
		}
		return problems;
	}

}
