package org.truce.rfi.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.identity.application.Readers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.IncidentDirectory;
import org.truce.incident.model.IncidentRecord;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.rfi.model.RequestForInformation;
import org.truce.rfi.model.RfiTally;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.Sha256;
import org.truce.shared.VisibleRows;

/**
 * Sends requests for information, records their answers and reads them, each change with
 * its ledger entry in the same transaction.
 *
 * <p>
 * The ledger entries, whose bodies everyone may read, name users by id and carry the
 * incident, the party, the deadline and the requesting side in the clear, and the
 * question and the answer only as salted commitments ({@link SaltedCommitment}): the
 * texts are for the staff and the party, yet each can later show that the text it holds
 * is the one recorded then.
 * <ul>
 * <li>{@code rfi-sent}, subject the request's id: {@code {incident, party, deadline,
 * requestedBy, requestedBySide, requestedAt, questionCommitment}}</li>
 * <li>{@code rfi-answered}, subject the request's id: {@code {incident, party, deadline,
 * answeredBy, answeredAt, late, answerCommitment, version}}</li>
 * </ul>
 */
@Service
public class RequestingInformation {

	public static final String SENT = "rfi-sent";

	public static final String ANSWERED = "rfi-answered";

	/** The longest question, in characters. */
	public static final int MAX_QUESTION = 4000;

	/** The longest answer, in characters. */
	public static final int MAX_ANSWER = 16000;

	/** The most requests one listing returns. */
	public static final int MAX_LIST = 1000;

	private final RequestsForInformation store;

	private final IncidentDirectory incidents;

	private final ActorDirectory actors;

	private final Readers readers;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public RequestingInformation(RequestsForInformation store, IncidentDirectory incidents, ActorDirectory actors,
			Readers readers, Ledger ledger, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.incidents = incidents;
		this.actors = actors;
		this.readers = readers;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/** What a sender asks. */
	public record NewRequest(String party, String question, Instant deadline) {

	}

	/** A request sent now ({@code created}), or the one an idempotent replay found. */
	public record Sent(RequestForInformation request, boolean created) {

	}

	/**
	 * The reader that a user's grants make: staff when a monitor or co-chair; a liaison's
	 * side as {@link Readers} expands it (sub-units included).
	 */
	public RfiReader reader(String userId, Collection<Grant> grants) {
		boolean staff = Viewer.staff(grants);
		List<Grant> liaison = grants.stream().filter(g -> g.role() == Role.LIAISON).toList();
		Set<String> side = liaison.isEmpty() ? Set.of() : this.readers.viewer(userId, liaison).sideActorIds();
		return new RfiReader(userId, staff, side);
	}

	/**
	 * The side a sender requests for: a co-chair's sponsor actor, else
	 * {@link RequestForInformation#MONITORS} for a monitor; empty for anyone else.
	 */
	public static Optional<String> requestingSide(Collection<Grant> grants) {
		Optional<String> coChair = grants.stream()
			.filter(g -> g.role() == Role.CO_CHAIR)
			.map(Grant::actorId)
			.sorted()
			.findFirst();
		if (coChair.isPresent()) {
			return coChair;
		}
		return grants.stream().anyMatch(g -> g.role() == Role.MONITOR) ? Optional.of(RequestForInformation.MONITORS)
				: Optional.empty();
	}

	/**
	 * Sends a request about the incident an id stands for (following merges).
	 * @param idempotencyKey null, or a key scoped to the sender: the same key with the
	 * same incident id and request gives back the request first sent, even after its
	 * deadline; with another request, it is refused
	 * @throws RejectedException NOT_FOUND for an incident the sender cannot see,
	 * FIELD_REQUIRED, TOO_LONG, UNKNOWN_ACTOR, DEADLINE_NOT_IN_FUTURE, FORBIDDEN,
	 * IDEMPOTENCY_KEY_REUSED
	 */
	public Sent send(UUID incidentId, NewRequest request, String userId, Collection<Grant> grants,
			String idempotencyKey) {
		String key = idempotencyKey == null ? null : userId + ":" + idempotencyKey;
		String digest = digest(incidentId, request);
		if (key != null) {
			Optional<Sent> replay = replayed(key, digest);
			if (replay.isPresent()) {
				return replay.get();
			}
		}
		String side = requestingSide(grants)
			.orElseThrow(() -> new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null)));
		IncidentRecord incident = this.incidents.current(incidentId, Viewer.of(userId, grants, Set.of()))
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "id", "/api/incidents/" + incidentId)));
		List<Problem> problems = new ArrayList<>();
		if (request.party() == null || request.party().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "party"));
		}
		else if (this.actors.registry().byId(request.party().strip()).isEmpty()) {
			problems.add(Problem.with(ErrorCode.UNKNOWN_ACTOR, "party", request.party()));
		}
		if (request.question() == null || request.question().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "question"));
		}
		else if (request.question().length() > MAX_QUESTION) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, "question"));
		}
		Instant now = this.clock.instant();
		if (request.deadline() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "deadline"));
		}
		else if (!request.deadline().isAfter(now)) {
			problems.add(Problem.of(ErrorCode.DEADLINE_NOT_IN_FUTURE, "deadline"));
		}
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		RequestForInformation rfi = new RequestForInformation(UUID.randomUUID(), incident.id(), request.party().strip(),
				request.question().strip(), SaltedCommitment.newSalt(),
				request.deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), userId, side,
				now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, 1);
		RequestsForInformation.Inserted inserted = this.tx.execute(status -> {
			RequestsForInformation.Inserted in = this.store.insert(rfi, key, digest);
			if (in.created()) {
				this.ledger.append(List.of(sentEntry(in.request())));
			}
			return in;
		});
		if (!inserted.created() && !digest.equals(inserted.requestDigest())) {
			throw new RejectedException(Problem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key"));
		}
		return new Sent(inserted.request(), inserted.created());
	}

	private Optional<Sent> replayed(String key, String digest) {
		return this.store.byIdempotencyKey(key).map(stored -> {
			if (!digest.equals(stored.requestDigest())) {
				throw new RejectedException(Problem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key"));
			}
			return new Sent(stored.request(), false);
		});
	}

	/**
	 * Records the answer of the party's liaison.
	 * @param expectedVersion the version the liaison read, or null for whatever version
	 * is open now
	 * @throws RejectedException NOT_FOUND when the request is not addressed to the
	 * reader's side (or does not exist), FIELD_REQUIRED or TOO_LONG for the answer,
	 * RFI_ALREADY_ANSWERED, CONFLICT for a stale version
	 */
	public RequestForInformation answer(UUID id, String text, Integer expectedVersion, RfiReader liaison) {
		RequestForInformation rfi = this.store.byId(id).filter(liaison::addressedTo).orElseThrow(() -> notFound(id));
		if (text == null || text.isBlank()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "answer"));
		}
		if (text.length() > MAX_ANSWER) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_LONG, "answer"));
		}
		int version = expectedVersion == null ? rfi.version() : expectedVersion;
		RequestForInformation.Answer answer = new RequestForInformation.Answer(text.strip(), SaltedCommitment.newSalt(),
				liaison.userId(), this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		RequestForInformation answered = this.tx.execute(status -> {
			if (!this.store.answer(id, version, answer)) {
				return null;
			}
			RequestForInformation now = this.store.byId(id).orElseThrow();
			this.ledger.append(List.of(answeredEntry(now)));
			return now;
		});
		if (answered == null) {
			RequestForInformation current = this.store.byId(id).orElseThrow(() -> notFound(id));
			if (current.answered()) {
				throw new RejectedException(Problem.with(ErrorCode.RFI_ALREADY_ANSWERED, "id", current.answer().at()));
			}
			throw new RejectedException(
					Problem.keyed(ErrorCode.CONFLICT, "version", "rfiVersion", current.version(), version));
		}
		return answered;
	}

	/**
	 * A request and its answer recorded after the fact, such as a scenario's
	 * reconstruction of one made in the past: the times are asserted, not Truce's own.
	 *
	 * @param party the actor id of the party asked
	 * @param sentAt when the request was sent, as asserted
	 * @param deadline its deadline, after {@code sentAt}
	 * @param answeredAt when the party answered, as asserted: not before {@code sentAt}
	 * @param provenance the document or account the times come from, and who asserts them
	 */
	public record PastRequest(String party, String question, Instant sentAt, Instant deadline, String answer,
			Instant answeredAt, String provenance) {

	}

	/**
	 * Records a request sent and answered in the past, by the sender and the party's
	 * liaison named, in one transaction: the request keeps the asserted times (so that
	 * its state, on time or late, is judged by them), and the ledger's {@code rfi-sent}
	 * and {@code rfi-answered} entries carry them with {@code asserted: true}, the
	 * provenance and the time Truce recorded them. No time may be asserted later than the
	 * time it is recorded.
	 * @throws RejectedException as {@link #send}, and INVALID_VALUE for times out of
	 * order or in the future, FIELD_REQUIRED for a missing answer, time or provenance,
	 * NOT_FOUND when the liaison's side is not the party's
	 */
	public RequestForInformation recordPast(UUID incidentId, PastRequest past, String senderId,
			Collection<Grant> senderGrants, RfiReader liaison) {
		String side = requestingSide(senderGrants)
			.orElseThrow(() -> new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null)));
		IncidentRecord incident = this.incidents.current(incidentId, Viewer.of(senderId, senderGrants, Set.of()))
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "id", "/api/incidents/" + incidentId)));
		Instant now = this.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		List<Problem> problems = new ArrayList<>();
		if (past.party() == null || past.party().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "party"));
		}
		else if (this.actors.registry().byId(past.party().strip()).isEmpty()) {
			problems.add(Problem.with(ErrorCode.UNKNOWN_ACTOR, "party", past.party()));
		}
		required(past.question(), "question", MAX_QUESTION, problems);
		required(past.answer(), "answer", MAX_ANSWER, problems);
		required(past.provenance(), "provenance", MAX_QUESTION, problems);
		Instant[] times = { past.sentAt(), past.deadline(), past.answeredAt() };
		String[] fields = { "sentAt", "deadline", "answeredAt" };
		for (int i = 0; i < times.length; i++) {
			if (times[i] == null) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, fields[i]));
			}
			else if (times[i].isAfter(now)) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, fields[i], "future", fields[i]));
			}
		}
		if (past.sentAt() != null && past.deadline() != null && !past.deadline().isAfter(past.sentAt())) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "deadline", "deadline"));
		}
		if (past.sentAt() != null && past.answeredAt() != null && past.answeredAt().isBefore(past.sentAt())) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "answeredAt", "answeredAt"));
		}
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		RequestForInformation rfi = new RequestForInformation(UUID.randomUUID(), incident.id(), past.party().strip(),
				past.question().strip(), SaltedCommitment.newSalt(),
				past.deadline().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), senderId, side,
				past.sentAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), null, 1);
		if (!liaison.addressedTo(rfi)) {
			throw notFound(rfi.id());
		}
		RequestForInformation.Answer answer = new RequestForInformation.Answer(past.answer().strip(),
				SaltedCommitment.newSalt(), liaison.userId(),
				past.answeredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		String provenance = past.provenance().strip();
		return this.tx.execute(status -> {
			RequestsForInformation.Inserted in = this.store.insert(rfi, null,
					digest(incidentId, new NewRequest(rfi.party(), rfi.question(), rfi.deadline())));
			this.ledger.append(List.of(asserted(sentEntry(in.request()), provenance, now)));
			if (!this.store.answer(rfi.id(), in.request().version(), answer)) {
				throw new IllegalStateException("request " + rfi.id() + " changed while it was recorded");
			}
			RequestForInformation answered = this.store.byId(rfi.id()).orElseThrow();
			this.ledger.append(List.of(asserted(answeredEntry(answered), provenance, now)));
			return answered;
		});
	}

	private static void required(String text, String field, int max, List<Problem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
		}
		else if (text.length() > max) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, field));
		}
	}

	/**
	 * The entry, marked as holding asserted times, with their provenance and when Truce
	 * recorded them.
	 */
	private static LedgerEntry asserted(LedgerEntry entry, String provenance, Instant recordedAt) {
		Map<String, Object> body = new LinkedHashMap<>(entry.body());
		body.put("asserted", true);
		body.put("provenance", provenance);
		body.put("recordedAt", recordedAt.toString());
		return new LedgerEntry(entry.kind(), entry.subject(), body, entry.disclosures());
	}

	/** One request, if the reader may read it. */
	public Optional<RequestForInformation> read(UUID id, RfiReader reader) {
		return this.store.byId(id).filter(reader::mayRead);
	}

	/**
	 * The requests about the incident an id stands for (and the incidents merged into it)
	 * that the reader may read; empty when the reader may not see the incident.
	 */
	public Optional<List<RequestForInformation>> aboutIncident(UUID incidentId, RfiReader reader, Viewer viewer) {
		return aboutIncident(incidentId, reader, viewer, MAX_LIST);
	}

	/**
	 * As {@link #aboutIncident(UUID, RfiReader, Viewer)}, the first {@code limit} of them
	 * (the reader's rule is applied before the limit: {@link VisibleRows}).
	 */
	public Optional<List<RequestForInformation>> aboutIncident(UUID incidentId, RfiReader reader, Viewer viewer,
			int limit) {
		return this.incidents.current(incidentId, viewer)
			.map(incident -> VisibleRows.first(limit, n -> this.store.aboutIncident(incident.id(), n),
					reader::mayRead));
	}

	/**
	 * The requests the reader may read, addressed to {@code party} when given (a party
	 * and its sub-units are distinct actors here), in {@code status} when given.
	 */
	public List<RequestForInformation> list(String party, RequestsForInformation.Status status, RfiReader reader) {
		return list(party, status, reader, MAX_LIST);
	}

	/**
	 * As {@link #list(String, RequestsForInformation.Status, RfiReader)}, at most
	 * {@code limit}.
	 */
	public List<RequestForInformation> list(String party, RequestsForInformation.Status status, RfiReader reader,
			int limit) {
		Set<String> parties = null;
		if (!reader.staff()) {
			parties = reader.side();
		}
		if (party != null) {
			parties = parties == null || parties.contains(party) ? Set.of(party) : Set.of();
		}
		if (parties != null && parties.isEmpty()) {
			return List.of();
		}
		return this.store.find(new RequestsForInformation.Query(parties, status, this.clock.instant(), limit));
	}

	/** The counts by requesting side, by party and by both, now. */
	public Summary summary(RfiReader reader) {
		return summary(reader, null);
	}

	/**
	 * The counts by requesting side, by party and by both, now, over the requests the
	 * reader may read, addressed to {@code party} when given.
	 */
	public Summary summary(RfiReader reader, String party) {
		Instant now = this.clock.instant();
		Set<String> parties = reader.staff() ? null : reader.side();
		if (party != null) {
			parties = parties == null || parties.contains(party) ? Set.of(party) : Set.of();
		}
		List<RequestForInformation> all = parties != null && parties.isEmpty() ? List.of()
				: this.store.find(new RequestsForInformation.Query(parties, null, now, Integer.MAX_VALUE));
		return new Summary(now, RfiTally.by(all, RequestForInformation::requestedBySide, now),
				RfiTally.by(all, RequestForInformation::party, now),
				RfiTally.by(all, r -> r.requestedBySide() + " → " + r.party(), now));
	}

	/** Counts at an instant. */
	public record Summary(Instant at, List<RfiTally> byRequestingSide, List<RfiTally> byParty,
			List<RfiTally> bySideAndParty) {

	}

	/** The current time, as the service judges deadlines. */
	public Instant now() {
		return this.clock.instant();
	}

	private static RejectedException notFound(UUID id) {
		return new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/rfis/" + id));
	}

	private static LedgerEntry sentEntry(RequestForInformation r) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("incident", r.incidentId().toString());
		body.put("party", r.party());
		body.put("deadline", r.deadline().toString());
		body.put("requestedBy", r.requestedBy());
		body.put("requestedBySide", r.requestedBySide());
		body.put("requestedAt", r.requestedAt().toString());
		body.put("questionCommitment", r.questionCommitment());
		return new LedgerEntry(SENT, r.id().toString(), body);
	}

	private static LedgerEntry answeredEntry(RequestForInformation r) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("incident", r.incidentId().toString());
		body.put("party", r.party());
		body.put("deadline", r.deadline().toString());
		body.put("answeredBy", r.answer().by());
		body.put("answeredAt", r.answer().at().toString());
		body.put("late", r.answer().at().isAfter(r.deadline()));
		body.put("answerCommitment", SaltedCommitment.of(r.answer().salt(), r.answer().text()));
		body.put("version", r.version());
		return new LedgerEntry(ANSWERED, r.id().toString(), body);
	}

	private static String digest(UUID incidentId, NewRequest request) {
		MessageDigest sha = Sha256.digest();
		for (Object part : new Object[] { incidentId, request.party(), request.question(), request.deadline() }) {
			String text = String.valueOf(part);
			sha.update((text.length() + ":" + text + "\n").getBytes(StandardCharsets.UTF_8));
		}
		return Sha256.hex(sha);
	}

}
