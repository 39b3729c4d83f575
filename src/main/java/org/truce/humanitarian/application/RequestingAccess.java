package org.truce.humanitarian.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.locationtech.jts.geom.LineString;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRegistry;
import org.truce.geo.model.GeoJsonShape;
import org.truce.humanitarian.model.AccessCargo;
import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessDestination;
import org.truce.humanitarian.model.AccessOutcome;
import org.truce.humanitarian.model.AccessOutcomeKind;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.AccessVerdict;
import org.truce.identity.application.Readers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;
import org.truce.ledger.application.AssertedEntries;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.CanonicalJson;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.shared.Asserted;
import org.truce.shared.ErrorCode;
import org.truce.shared.InstantFields;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Humanitarian access requests: a notifier requests access, each party concerned decides
 * once through its liaison, and the notifier or a monitor records the outcome once. A
 * blocked outcome becomes an AID_OBSTRUCTION report attributed to whoever blocked it
 * ({@link AccessIncidentReports}), linked to the request, in the outcome's transaction.
 *
 * <p>
 * Every change is a ledger entry, appended in the change's transaction. The ledger's
 * bodies are readable by everyone, while a convoy's route and cargo, a party's reasons,
 * and an outcome's reason, note and place, are for the staff and the parties: the entries
 * carry them only as salted commitments ({@link SaltedCommitment}: SHA-256(salt + "." +
 * canonical JSON), over {@link #content}, {@link #decisionContent} and
 * {@link #outcomeDetails}), so that a short text cannot be found by hashing guesses. The
 * salt is kept with the request, decision or outcome and shown to the request's readers,
 * who can check the entry.
 * <ul>
 * <li>{@code access-requested}: {@code {parties, peopleInNeed, requestedBy, requestedAt,
 * contentCommitment}}, and the convoy's window {@code {from, to}} as the ledger's salted
 * commitment {@value #WINDOW} (opened for staff by {@code /ledger/entries})</li>
 * <li>{@code access-decided}: {@code {party, verdict, decidedBy, decidedAt,
 * reasonsCommitment, version, asserted}}: {@code decidedAt} is when Truce recorded it,
 * {@code asserted} when the party decided, as asserted ({@link AssertedEntries}, the
 * document committed with the reasons' salt)</li>
 * <li>{@code access-outcome-recorded}: {@code {outcome, at, recordedBy, recordedAt,
 * blockedBy?, deliveredShare?, detailsCommitment, version}}</li>
 * <li>{@code access-obstruction-reported}: {@code {report, blockedBy}}</li>
 * </ul>
 * A decision is never superseded: a party that decided is refused a second decision (409
 * ACCESS_ALREADY_DECIDED); a changed position is a new request.
 */
@Service
public class RequestingAccess {

	public static final String REQUESTED = "access-requested";

	public static final String DECIDED = "access-decided";

	public static final String OUTCOME = "access-outcome-recorded";

	public static final String OBSTRUCTION_REPORTED = "access-obstruction-reported";

	/**
	 * The committed group of an {@code access-requested} entry that holds the convoy's
	 * window, {@code from} and {@code to}: when a convoy is on the road is for those who
	 * may read the request, not for anyone who reads the log.
	 */
	public static final String WINDOW = "window";

	/** The longest reasons, conditions, names and notes, in characters. */
	public static final int MAX_TEXT = 4000;

	public static final int MAX_CARGO = 200;

	public static final int MAX_PARTIES = 50;

	public static final int MAX_LIST = 1000;

	private final AccessRequests store;

	private final AccessIncidentReports reports;

	private final ActorDirectory actors;

	private final Readers readers;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public RequestingAccess(AccessRequests store, AccessIncidentReports reports, ActorDirectory actors, Readers readers,
			Ledger ledger, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.reports = reports;
		this.actors = actors;
		this.readers = readers;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/** A request as posted: every field may be missing or malformed. */
	public record NewAccessRequest(JsonNode route, Destination destination, List<Cargo> cargo, Long peopleInNeed,
			List<String> parties, String from, String to) {

	}

	/** A destination, or a place where a delivery was stopped, as posted. */
	public record Destination(String name, Double latitude, Double longitude) {

	}

	/** A cargo line as posted. */
	public record Cargo(String item, Double quantity, String unit) {

	}

	/**
	 * A decision as posted; {@code party} may be left out when the liaison has one.
	 * {@code asserted}, for a decision entered after the fact, says when it was taken, on
	 * whose word and in what document.
	 */
	public record NewDecision(String party, String verdict, String reasons, String conditions,
			Asserted.Input asserted) {

		public NewDecision(String party, String verdict, String reasons, String conditions) {
			this(party, verdict, reasons, conditions, Asserted.Input.NONE);
		}

	}

	/** An outcome as posted. */
	public record NewOutcome(String outcome, Double deliveredShare, String deliveredNote, String blockedBy,
			Destination blockedAt, String reason, String at) {

	}

	/** The reader a user's grants make. */
	public AccessReader reader(String userId, Collection<Grant> grants) {
		boolean staff = Viewer.staff(grants);
		boolean notifier = grants.stream().anyMatch(g -> g.role() == Role.NOTIFIER);
		List<Grant> liaison = grants.stream().filter(g -> g.role() == Role.LIAISON).toList();
		Set<String> side = liaison.isEmpty() ? Set.of() : this.readers.viewer(userId, liaison).sideActorIds();
		return new AccessReader(userId, staff, notifier, side);
	}

	/**
	 * Records a new request (notifiers).
	 * @throws RejectedException with a problem per bad field
	 */
	public AccessRequest request(NewAccessRequest in, AccessReader by) {
		if (!by.notifier()) {
			throw new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null));
		}
		List<Problem> problems = new ArrayList<>();
		ActorRegistry registry = this.actors.registry();
		LineString route = AccessInput.lineString(in.route(), "route", problems);
		AccessDestination destination = destination(in.destination(), "destination", true, problems);
		List<AccessCargo> cargo = cargo(in.cargo(), problems);
		if (in.peopleInNeed() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "peopleInNeed"));
		}
		else if (in.peopleInNeed() < 0) {
			problems.add(Problem.of(ErrorCode.NEGATIVE_NUMBER, "peopleInNeed"));
		}
		Set<String> parties = new LinkedHashSet<>();
		if (in.parties() == null || in.parties().isEmpty()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "parties"));
		}
		else if (in.parties().size() > MAX_PARTIES) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "parties"));
		}
		else {
			for (int i = 0; i < in.parties().size(); i++) {
				String party = AccessInput.actor(in.parties().get(i), "parties[" + i + "]", true, registry, problems);
				if (party != null) {
					parties.add(party);
				}
			}
		}
		Instant from = InstantFields.withOffset("from", in.from(), true, problems);
		Instant to = InstantFields.withOffset("to", in.to(), true, problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(Problem.of(ErrorCode.INTERVAL_END_BEFORE_START, "to"));
		}
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		AccessRequest r = new AccessRequest(UUID.randomUUID(), route, destination, cargo, in.peopleInNeed(),
				parties.stream().map(AccessDecision::pending).toList(), from.truncatedTo(ChronoUnit.MILLIS),
				to.truncatedTo(ChronoUnit.MILLIS), by.userId(), now, SaltedCommitment.newSalt(), null, null, 1);
		this.tx.executeWithoutResult(status -> {
			this.store.insert(r);
			this.ledger.append(List.of(requestedEntry(r)));
		});
		return r;
	}

	/**
	 * Records the decision of a party concerned, by its liaison.
	 * @throws RejectedException NOT_FOUND when the request does not concern the liaison's
	 * side, FORBIDDEN for a party not of its side, field problems (those of
	 * {@link Asserted#resolve} on {@code asserted} among them), ACCESS_ALREADY_DECIDED
	 * when the party decided already
	 */
	public AccessRequest decide(UUID id, NewDecision in, AccessReader liaison) {
		AccessRequest r = this.store.byId(id).filter(x -> x.concerns(liaison.side())).orElseThrow(() -> notFound(id));
		List<Problem> problems = new ArrayList<>();
		String party = in.party() == null || in.party().isBlank() ? null : in.party().strip();
		List<String> mine = r.parties().stream().map(AccessDecision::party).filter(liaison.side()::contains).toList();
		if (party == null) {
			if (mine.size() == 1) {
				party = mine.get(0);
			}
			else {
				problems.add(Problem.keyed(ErrorCode.FIELD_REQUIRED, "party", "party", String.join(", ", mine)));
			}
		}
		else if (r.party(party).isEmpty()) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "party", "party", party));
		}
		else if (!liaison.side().contains(party)) {
			throw new RejectedException(Problem.keyed(ErrorCode.FORBIDDEN, "party", "liaison", party));
		}
		AccessVerdict verdict = null;
		if (in.verdict() == null || in.verdict().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "verdict"));
		}
		else {
			try {
				verdict = AccessVerdict.valueOf(in.verdict().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "verdict", "oneOf", "verdict",
						"APPROVED, DENIED, CONDITIONAL"));
			}
		}
		String reasons = AccessInput.text(in.reasons(), "reasons", MAX_TEXT, true, problems);
		String conditions = AccessInput.text(in.conditions(), "conditions", MAX_TEXT,
				verdict == AccessVerdict.CONDITIONAL, problems);
		if (verdict != null && verdict != AccessVerdict.CONDITIONAL && conditions != null) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "conditions", "conditionsOnly"));
		}
		Instant recordedAt = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Asserted asserted = Asserted.resolve("asserted", in.asserted(), recordedAt, liaison.userId(), problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		AccessDecision decision = new AccessDecision(party, verdict, reasons, conditions, SaltedCommitment.newSalt(),
				liaison.userId(), recordedAt, asserted);
		AccessRequest decided = this.tx.execute(status -> {
			if (!this.store.decide(id, decision)) {
				return null;
			}
			AccessRequest now = this.store.byId(id).orElseThrow();
			this.ledger.append(List.of(decidedEntry(now, decision)));
			return now;
		});
		if (decided == null) {
			Instant at = this.store.byId(id)
				.flatMap(x -> x.party(decision.party()))
				.map(AccessDecision::decidedAt)
				.orElse(null);
			throw new RejectedException(Problem.with(ErrorCode.ACCESS_ALREADY_DECIDED, "party", at));
		}
		return decided;
	}

	/**
	 * Records the outcome: by the notifier who made the request, or by staff (the HTTP
	 * layer lets monitors through). A BLOCKED outcome is reported as an aid-obstruction
	 * and the report linked to the request, in the outcome's transaction: the outcome,
	 * the report and their ledger entries are committed together or not at all.
	 * @param expectedVersion the version read, or null for the current one
	 * @throws RejectedException NOT_FOUND (also for another notifier's request), field
	 * problems, ACCESS_OUTCOME_RECORDED, STALE_VERSION; STORE_UNAVAILABLE when the store
	 * failed, and nothing was recorded
	 */
	public AccessRequest recordOutcome(UUID id, NewOutcome in, Integer expectedVersion, AccessReader by) {
		if (!(by.notifier() || by.staff())) {
			throw new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null));
		}
		// Only the notifier who requested access, or staff, records its outcome; anyone
		// else
		// is answered as for a request that does not exist.
		AccessRequest r = this.store.byId(id)
			.filter(x -> by.staff() || x.requestedBy().equals(by.userId()))
			.orElseThrow(() -> notFound(id));
		List<Problem> problems = new ArrayList<>();
		AccessOutcomeKind kind = null;
		if (in.outcome() == null || in.outcome().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "outcome"));
		}
		else {
			try {
				kind = AccessOutcomeKind.valueOf(in.outcome().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "outcome", "oneOf", "outcome",
						"DELIVERED, PARTLY_DELIVERED, BLOCKED, NOT_DELIVERED"));
			}
		}
		Double share = null;
		String blockedBy = null;
		AccessDestination blockedAt = null;
		if (kind == AccessOutcomeKind.PARTLY_DELIVERED) {
			if (in.deliveredShare() == null) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "deliveredShare"));
			}
			else if (!(in.deliveredShare() > 0 && in.deliveredShare() < 1)) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "deliveredShare", "deliveredShare"));
			}
			else {
				share = in.deliveredShare();
			}
		}
		else if (in.deliveredShare() != null) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "deliveredShare", "deliveredShareOnly"));
		}
		String note = AccessInput.text(in.deliveredNote(), "deliveredNote", MAX_TEXT, false, problems);
		if (kind == AccessOutcomeKind.BLOCKED) {
			blockedBy = AccessInput.actor(in.blockedBy(), "blockedBy", true, this.actors.registry(), problems);
			blockedAt = in.blockedAt() == null ? r.destination()
					: destination(in.blockedAt(), "blockedAt", true, problems);
		}
		else if (in.blockedBy() != null || in.blockedAt() != null) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "blockedBy", "blockedOnly"));
		}
		String reason = AccessInput.text(in.reason(), "reason", MAX_TEXT,
				kind == AccessOutcomeKind.BLOCKED || kind == AccessOutcomeKind.NOT_DELIVERED, problems);
		Instant at = InstantFields.withOffset("at", in.at(), false, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		AccessOutcome outcome = new AccessOutcome(kind, share, note, blockedBy, blockedAt, reason,
				SaltedCommitment.newSalt(), at == null ? r.from() : at.truncatedTo(ChronoUnit.MILLIS), by.userId(),
				now);
		int version = expectedVersion == null ? r.version() : expectedVersion;
		AccessRequest recorded = AllOrNothing.record(this.tx, "outcome", id, status -> {
			if (!this.store.recordOutcome(id, version, outcome)) {
				return null;
			}
			AccessRequest stored = this.store.byId(id).orElseThrow();
			this.ledger.append(List.of(outcomeEntry(stored)));
			if (outcome.kind() == AccessOutcomeKind.BLOCKED) {
				reportObstruction(stored);
				stored = this.store.byId(id).orElseThrow();
			}
			return stored;
		});
		if (recorded == null) {
			AccessRequest current = this.store.byId(id).orElseThrow(() -> notFound(id));
			if (current.outcome() != null) {
				throw new RejectedException(
						Problem.with(ErrorCode.ACCESS_OUTCOME_RECORDED, "outcome", current.outcome().recordedAt()));
			}
			throw new RejectedException(Problem.with(ErrorCode.STALE_VERSION, "version", version));
		}
		return recorded;
	}

	/**
	 * Stores the aid-obstruction report of a blocked request and links it, each with its
	 * ledger entry, in the transaction of the outcome.
	 */
	private void reportObstruction(AccessRequest blocked) {
		UUID report = this.reports.obstruction(blocked).id();
		if (!this.store.linkObstructionReport(blocked.id(), report)) {
			throw new IllegalStateException("access request " + blocked.id() + " is linked to a report already");
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("report", report.toString());
		body.put("blockedBy", blocked.outcome().blockedBy());
		this.ledger.append(List.of(new LedgerEntry(OBSTRUCTION_REPORTED, blocked.id().toString(), body)));
	}

	/** One request, if the reader may read it. */
	public Optional<AccessRequest> read(UUID id, AccessReader reader) {
		return this.store.byId(id).filter(reader::mayRead);
	}

	/** The requests the reader may read, most recent first. */
	public List<AccessRequest> list(AccessReader reader) {
		return list(reader, MAX_LIST);
	}

	/** As {@link #list(AccessReader)}, at most {@code limit} of them. */
	public List<AccessRequest> list(AccessReader reader, int limit) {
		return this.store.list(reader.readsAll() ? null : reader.side(), limit);
	}

	private AccessDestination destination(Destination d, String field, boolean required, List<Problem> problems) {
		if (d == null) {
			if (required) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			}
			return null;
		}
		String name = AccessInput.text(d.name(), field + ".name", 500, true, problems);
		boolean lat = AccessInput.latitude(d.latitude(), field + ".latitude", problems);
		boolean lon = AccessInput.longitude(d.longitude(), field + ".longitude", problems);
		return name != null && lat && lon ? new AccessDestination(name, d.latitude(), d.longitude()) : null;
	}

	private static List<AccessCargo> cargo(List<Cargo> lines, List<Problem> problems) {
		List<AccessCargo> out = new ArrayList<>();
		if (lines == null || lines.isEmpty()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "cargo"));
			return out;
		}
		if (lines.size() > MAX_CARGO) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "cargo"));
			return out;
		}
		for (int i = 0; i < lines.size(); i++) {
			Cargo c = lines.get(i);
			String field = "cargo[" + i + "]";
			if (c == null) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
				continue;
			}
			String item = AccessInput.text(c.item(), field + ".item", 500, true, problems);
			String unit = AccessInput.text(c.unit(), field + ".unit", 100, true, problems);
			if (c.quantity() == null) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field + ".quantity"));
			}
			else if (!(c.quantity() > 0) || c.quantity().isInfinite()) {
				problems
					.add(Problem.keyed(ErrorCode.INVALID_VALUE, field + ".quantity", "positive", field + ".quantity"));
			}
			else if (item != null && unit != null) {
				out.add(new AccessCargo(item, c.quantity(), unit));
			}
		}
		return out;
	}

	private static RejectedException notFound(UUID id) {
		return new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/access-requests/" + id));
	}

	/**
	 * What the {@code access-requested} entry commits to: the canonical JSON (RFC 8785)
	 * of {@code {route, destination: {name, latitude, longitude}, cargo: [{item,
	 * quantity, unit}]}}, the route a GeoJSON LineString ({@code [longitude, latitude]}).
	 */
	public static String content(AccessRequest r) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("route", GeoJsonShape.of(r.route()));
		Map<String, Object> destination = new LinkedHashMap<>();
		destination.put("name", r.destination().name());
		destination.put("latitude", r.destination().latitude());
		destination.put("longitude", r.destination().longitude());
		m.put("destination", destination);
		List<Object> cargo = new ArrayList<>();
		for (AccessCargo c : r.cargo()) {
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("item", c.item());
			line.put("quantity", c.quantity());
			line.put("unit", c.unit());
			cargo.add(line);
		}
		m.put("cargo", cargo);
		return CanonicalJson.serialize(m);
	}

	/**
	 * The commitment of the {@code access-requested} entry, or null for a request
	 * recorded before commitments were salted.
	 */
	public static String contentCommitment(AccessRequest r) {
		return r.contentSalt() == null ? null : SaltedCommitment.of(r.contentSalt(), content(r));
	}

	/**
	 * What the {@code access-decided} entry commits to: the canonical JSON (RFC 8785) of
	 * {@code {reasons, conditions}} (conditions null unless CONDITIONAL).
	 */
	public static String decisionContent(AccessDecision d) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("reasons", d.reasons());
		m.put("conditions", d.conditions());
		return CanonicalJson.serialize(m);
	}

	/**
	 * The commitment of a decision's {@code access-decided} entry, or null while
	 * undecided or for a decision recorded before commitments were salted.
	 */
	public static String reasonsCommitment(AccessDecision d) {
		return d.reasonsSalt() == null || !d.decided() ? null
				: SaltedCommitment.of(d.reasonsSalt(), decisionContent(d));
	}

	/**
	 * What the {@code access-outcome-recorded} entry commits to: the canonical JSON (RFC
	 * 8785) of {@code {reason, deliveredNote, blockedAt: {name, latitude, longitude}}},
	 * each null when the outcome has none.
	 */
	public static String outcomeDetails(AccessOutcome o) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("reason", o.reason());
		m.put("deliveredNote", o.deliveredNote());
		Map<String, Object> place = null;
		if (o.blockedAt() != null) {
			place = new LinkedHashMap<>();
			place.put("name", o.blockedAt().name());
			place.put("latitude", o.blockedAt().latitude());
			place.put("longitude", o.blockedAt().longitude());
		}
		m.put("blockedAt", place);
		return CanonicalJson.serialize(m);
	}

	/**
	 * The commitment of an outcome's {@code access-outcome-recorded} entry, or null for
	 * an outcome recorded before outcomes had one.
	 */
	public static String detailsCommitment(AccessOutcome o) {
		return o.detailsSalt() == null ? null : SaltedCommitment.of(o.detailsSalt(), outcomeDetails(o));
	}

	private static LedgerEntry requestedEntry(AccessRequest r) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("parties", r.parties().stream().map(AccessDecision::party).toList());
		body.put("peopleInNeed", r.peopleInNeed());
		body.put("requestedBy", r.requestedBy());
		body.put("requestedAt", r.requestedAt().toString());
		body.put("contentCommitment", contentCommitment(r));
		Map<String, Object> window = new LinkedHashMap<>();
		window.put("from", r.from().toString());
		window.put("to", r.to().toString());
		return LedgerEntry.of(REQUESTED, r.id().toString(), body, Map.of(WINDOW, window));
	}

	private static LedgerEntry decidedEntry(AccessRequest r, AccessDecision d) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("party", d.party());
		body.put("verdict", d.verdict().name());
		body.put("decidedBy", d.decidedBy());
		body.put("decidedAt", d.decidedAt().toString());
		body.put("reasonsCommitment", reasonsCommitment(d));
		body.put("asserted", AssertedEntries.body(d.asserted(), d.reasonsSalt(), r.id() + "/" + d.party()));
		body.put("version", r.version());
		return new LedgerEntry(DECIDED, r.id().toString(), body);
	}

	private static LedgerEntry outcomeEntry(AccessRequest r) {
		AccessOutcome o = r.outcome();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("outcome", o.kind().name());
		body.put("at", o.at().toString());
		body.put("recordedBy", o.recordedBy());
		body.put("recordedAt", o.recordedAt().toString());
		if (o.blockedBy() != null) {
			body.put("blockedBy", o.blockedBy());
		}
		if (o.deliveredShare() != null) {
			body.put("deliveredShare", o.deliveredShare());
		}
		body.put("detailsCommitment", detailsCommitment(o));
		body.put("version", r.version());
		return new LedgerEntry(OUTCOME, r.id().toString(), body);
	}

}
