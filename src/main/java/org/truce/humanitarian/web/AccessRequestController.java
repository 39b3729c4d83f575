package org.truce.humanitarian.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.humanitarian.application.AccessReader;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.AssertedBody;
import org.truce.web.IdempotentPosts;
import org.truce.web.IfMatch;
import org.truce.web.PathIds;

/**
 * Humanitarian access requests: requested by notifiers, decided by each party's liaison.
 */
@RestController
class AccessRequestController {

	private final RequestingAccess access;

	private final IdempotentPosts idempotent;

	private final RowCaps caps;

	AccessRequestController(RequestingAccess access, IdempotentPosts idempotent, RowCaps caps) {
		this.caps = caps;
		this.access = access;
		this.idempotent = idempotent;
	}

	/**
	 * What a liaison posts; {@code party} may be left out when its side has one party
	 * concerned. {@code asserted}: for a decision entered after the fact, when it was
	 * taken, on whose word and in what document ({@link AssertedBody}).
	 */
	record DecisionBody(String party, String verdict, String reasons, String conditions, AssertedBody asserted) {

	}

	@Operation(summary = "Request humanitarian access (notifiers)",
			description = "route: a GeoJSON LineString ([longitude, latitude]); destination {name, latitude,"
					+ " longitude}; cargo [{item, quantity, unit}]; peopleInNeed >= 0; parties: actor ids; from/to:"
					+ " instants with offset, to not before from. A ledger entry (access-requested) holds the route,"
					+ " destination and cargo only as a salted commitment, which content opens. With an"
					+ " Idempotency-Key, a replay gets the first response again (201, Idempotent-Replayed: true) and"
					+ " stores nothing; the same key with another request is refused (IDEMPOTENCY_KEY_REUSED).")
	@PostMapping(path = "/api/access-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> request(@RequestBody RequestingAccess.NewAccessRequest body,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		AccessReader reader = reader();
		return this.idempotent.create(reader.userId(), idempotencyKey, "/api/access-requests", body,
				() -> AccessViews.request(this.access.request(body, reader)),
				view -> URI.create("/api/access-requests/" + view.get("id").asString()), true);
	}

	@Operation(summary = "List access requests (staff and notifiers all; a liaison, those concerning its side)",
			description = "Most recent first; at most truce.limits.rows.access-requests (1000), the header"
					+ " Truce-Truncated and truncated: true say there were more.")
	@GetMapping("/api/access-requests")
	Map<String, Object> list() {
		List<Map<String, Object>> items = this.caps
			.cut("access-requests", this.access.list(reader(), this.caps.ask("access-requests")))
			.stream()
			.map(AccessViews::request)
			.toList();
		return RowCaps.items(items);
	}

	@Operation(summary = "One access request (staff and notifiers; a liaison, if it concerns its side)",
			description = "A request the reader may not read is not found (404), as one that does not exist.")
	@GetMapping("/api/access-requests/{id}")
	ResponseEntity<Map<String, Object>> one(@PathVariable String id) {
		AccessRequest r = this.access.read(uuid(id), reader()).orElseThrow(() -> notFound(id));
		return ResponseEntity.ok().eTag(r.etag()).body(AccessViews.request(r));
	}

	@Operation(summary = "Decide on an access request for a party concerned (that party's liaison)",
			description = "verdict: APPROVED, DENIED or CONDITIONAL (with conditions); reasons required. A party"
					+ " decides once: a second decision is refused with 409 ACCESS_ALREADY_DECIDED (decisions are not"
					+ " superseded). A request not concerning the liaison's side is not found; a party of another side"
					+ " is forbidden. A ledger entry (access-decided) holds the reasons as a digest. Entered after the"
					+ " fact, asserted gives when it was decided (at: not later than now, else 422"
					+ " ASSERTED_AFTER_RECORDED), who asserts it (by: required with at, ASSERTED_BY_REQUIRED) and"
					+ " the document; decidedAt is then the asserted time and recordedAt when Truce recorded it.")
	@PostMapping(path = "/api/access-requests/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> decide(@PathVariable String id, @RequestBody DecisionBody body) {
		AccessRequest r = this.access.decide(uuid(id), new RequestingAccess.NewDecision(body.party(), body.verdict(),
				body.reasons(), body.conditions(), AssertedBody.input(body.asserted())), reader());
		return ResponseEntity.created(URI.create("/api/access-requests/" + r.id()))
			.eTag(r.etag())
			.body(AccessViews.request(r));
	}

	@Operation(summary = "Record the outcome of an access request (the notifier who made it, or a monitor)",
			description = "outcome: DELIVERED, PARTLY_DELIVERED (deliveredShare in (0, 1), deliveredNote), BLOCKED"
					+ " (blockedBy: actor id; blockedAt {name, latitude, longitude}, default the destination; reason)"
					+ " or NOT_DELIVERED (reason: it did not get through, and no one actor is charged with blocking it)."
					+ " at: when, default the window's start. Recorded once (409 ACCESS_OUTCOME_RECORDED); with"
					+ " If-Match, a stale version is 409 STALE_VERSION. A BLOCKED outcome becomes an AID_OBSTRUCTION"
					+ " report attributed to blockedBy, linked as obstructionReport. Another notifier's request is"
					+ " not found (404), exactly as one that does not exist.")
	@PostMapping(path = "/api/access-requests/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> outcome(@PathVariable String id, @RequestBody RequestingAccess.NewOutcome body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		AccessRequest r = this.access.recordOutcome(uuid(id), body, IfMatch.version(ifMatch), reader());
		return ResponseEntity.created(URI.create("/api/access-requests/" + r.id()))
			.eTag(r.etag())
			.body(AccessViews.request(r));
	}

	private AccessReader reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return this.access.reader(who.userId(), who.grants());
	}

	static UUID uuid(String id) {
		return PathIds.uuid(id, "/api/access-requests/" + id);
	}

	private static RejectedException notFound(String id) {
		return PathIds.notFound("/api/access-requests/" + id);
	}

}
