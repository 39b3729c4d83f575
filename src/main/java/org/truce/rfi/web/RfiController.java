package org.truce.rfi.web;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.rfi.model.RequestForInformation;
import org.truce.shared.ErrorCode;
import org.truce.shared.InstantFields;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.IdempotentPosts;
import org.truce.web.IfMatch;
import org.truce.web.PathIds;

/** Requests for information: sent by monitors and co-chairs, answered by the party. */
@RestController
class RfiController {

	private final RequestingInformation rfis;

	private final RowCaps caps;

	RfiController(RequestingInformation rfis, RowCaps caps) {
		this.caps = caps;
		this.rfis = rfis;
	}

	/** What a sender posts. {@code deadline} is an instant with its offset. */
	record NewRfi(String party, String question, String deadline) {

	}

	/** What a liaison posts. {@code version} is the version it read (optional). */
	record NewAnswer(String answer, Integer version) {

	}

	@Operation(summary = "Send a party a request for information about an incident (monitors, co-chairs)",
			description = "party is an actor id; deadline an instant with offset, in the future. The incident id may be"
					+ " one merged since: the request is about the incident it stands for now. Replaying the same"
					+ " request with the same Idempotency-Key returns 200 and the request first sent; the same key"
					+ " with another request is refused (IDEMPOTENCY_KEY_REUSED). Each request is a ledger entry"
					+ " (rfi-sent) that holds the question only as a salted commitment.")
	@PostMapping(path = "/api/incidents/{id}/rfis", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RfiView> send(@PathVariable String id, @RequestBody NewRfi body,
			@Parameter(
					description = "A client-chosen key, up to 200 characters, that makes retries safe") @RequestHeader(
							name = "Idempotency-Key", required = false) String idempotencyKey) {
		IdempotentPosts.checkKey(idempotencyKey);
		SignedIn who = signedIn();
		UUID incident = PathIds.uuid(id, "/api/incidents/" + id);
		RequestingInformation.Sent sent = this.rfis.send(incident,
				new RequestingInformation.NewRequest(body.party(), body.question(),
						InstantFields.withOffset("deadline", body.deadline())),
				who.userId(), who.grants(), idempotencyKey);
		URI location = URI.create("/api/rfis/" + sent.request().id());
		RfiView view = RfiView.of(sent.request(), this.rfis.now());
		return sent.created() ? ResponseEntity.created(location).eTag(sent.request().etag()).body(view)
				: ResponseEntity.ok()
					.location(location)
					.eTag(sent.request().etag())
					.header("Idempotent-Replayed", "true")
					.body(view);
	}

	@Operation(
			summary = "The requests for information about an incident (staff; a liaison, those addressed to its side)",
			description = "Includes the requests about incidents merged into it. An incident the reader may not see is"
					+ " not found. At most truce.limits.rows.rfis (1000); truncated: true says there were more.")
	@GetMapping("/api/incidents/{id}/rfis")
	Map<String, Object> aboutIncident(@PathVariable String id, Viewer viewer) {
		UUID incident = PathIds.uuid(id, "/api/incidents/" + id + "/rfis");
		Instant now = this.rfis.now();
		List<RequestForInformation> found = this.rfis.aboutIncident(incident, reader(), viewer, this.caps.ask("rfis"))
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "id", "/api/incidents/" + id + "/rfis")));
		return RowCaps.items(this.caps.cut("rfis", found).stream().map(r -> RfiView.of(r, now)).toList());
	}

	@Operation(summary = "List requests for information (staff see all; a liaison, those addressed to its side)",
			description = "status: open (unanswered, deadline not passed), overdue (unanswered, deadline passed),"
					+ " answered, or late (answered after the deadline). Ordered by deadline; at most truce.limits.rows.rfis (1000), and"
					+ " truncated: true says there were more.")
	@GetMapping("/api/rfis")
	Map<String, Object> list(@RequestParam(required = false) String party,
			@RequestParam(required = false) String status) {
		RequestsForInformation.Status wanted = status(status);
		Instant now = this.rfis.now();
		List<RfiView> items = this.caps
			.cut("rfis", this.rfis.list(blankToNull(party), wanted, reader(), this.caps.ask("rfis")))
			.stream()
			.map(r -> RfiView.of(r, now))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("at", now);
		body.put("items", items);
		return RowCaps.truncatedIf(body);
	}

	@Operation(summary = "Counts of requests for information by requesting side, by party and by both",
			description = "For each: sent, answered on time, answered late, unanswered and overdue, open within the"
					+ " deadline, at the time given in 'at'. Staff count every request; a liaison, those addressed to"
					+ " its side.")
	@GetMapping("/api/rfis/summary")
	RequestingInformation.Summary summary(@RequestParam(required = false) String party) {
		return this.rfis.summary(reader(), blankToNull(party));
	}

	@Operation(summary = "One request for information (staff; a liaison, if addressed to its side)",
			description = "A request the reader may not read is not found (404), exactly as one that does not exist.")
	@GetMapping("/api/rfis/{id}")
	ResponseEntity<RfiView> one(@PathVariable String id) {
		UUID uuid = PathIds.uuid(id, "/api/rfis/" + id);
		RequestForInformation r = this.rfis.read(uuid, reader())
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/rfis/" + id)));
		return ResponseEntity.ok().eTag(r.etag()).body(RfiView.of(r, this.rfis.now()));
	}

	@Operation(summary = "Answer a request for information (the liaison of the party asked)",
			description = "Send the version read, in the body or as If-Match: an answer to a request answered already"
					+ " (RFI_ALREADY_ANSWERED) or changed since (CONFLICT) is refused with 409. A request addressed to"
					+ " another party is not found. The answer is a ledger entry (rfi-answered) that holds it only as a"
					+ " salted commitment, and says whether it came after the deadline.")
	@PostMapping(path = "/api/rfis/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RfiView> answer(@PathVariable String id, @RequestBody NewAnswer body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		UUID uuid = PathIds.uuid(id, "/api/rfis/" + id);
		Integer version = body.version() != null ? body.version() : IfMatch.version(ifMatch);
		RequestForInformation answered = this.rfis.answer(uuid, body.answer(), version, reader());
		return ResponseEntity.ok().eTag(answered.etag()).body(RfiView.of(answered, this.rfis.now()));
	}

	private RfiReader reader() {
		SignedIn who = signedIn();
		return this.rfis.reader(who.userId(), who.grants());
	}

	private static SignedIn signedIn() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who;
	}

	private static RequestsForInformation.Status status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return RequestsForInformation.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_QUERY, "status", "rfiStatus"));
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
