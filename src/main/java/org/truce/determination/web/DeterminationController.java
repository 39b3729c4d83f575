package org.truce.determination.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.determination.application.Determining;
import org.truce.determination.model.Comment;
import org.truce.determination.model.Determination;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.incident.model.IncidentRecord;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.AssertedBody;
import org.truce.web.IdempotentPosts;
import org.truce.web.IfMatch;
import org.truce.web.PathIds;

@RestController
class DeterminationController {

	private final Determining determining;

	private final IdempotentPosts idempotent;

	private final RowCaps caps;

	DeterminationController(Determining determining, IdempotentPosts idempotent, RowCaps caps) {
		this.caps = caps;
		this.determining = determining;
		this.idempotent = idempotent;
	}

	@Operation(summary = "Draft a determination about an incident",
			description = "Monitors and co-chairs. Confirms (VIOLATION) or rejects (NO_VIOLATION) a violation of a"
					+ " term (agreement and term ids) by an actor, with a rationale, naming the sponsor sides that"
					+ " must sign (by default truce.determinations.sides). It is a DRAFT until co-chairs of the"
					+ " quorum of those sides have signed it. Idempotent with an Idempotency-Key header.")
	@PostMapping(path = "/api/incidents/{id}/determinations", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> draft(@PathVariable String id, @RequestBody Requests.DraftRequest request,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		UUID incident = PathIds.uuid(id, "/api/incidents/" + id);
		SignedIn who = SignedIn.current();
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/incidents/" + incident + "/determinations",
				request,
				() -> view(this.determining.draft(incident, request.draft(), who.userId(), who.grants()), null),
				DeterminationController::location, true);
	}

	@Operation(summary = "The determinations about an incident, as the reader may see them",
			description = "Monitors and co-chairs see every determination; anyone else the effective ones, about an"
					+ " incident it may see. An incident the reader may not see is not found (404). At most"
					+ " truce.limits.rows.determinations (1000); truncated: true says there were more.")
	@GetMapping("/api/incidents/{id}/determinations")
	Map<String, Object> ofIncident(@PathVariable String id, Viewer viewer) {
		UUID incident = PathIds.uuid(id, "/api/incidents/" + id);
		List<Determination> found = this.determining.aboutIncident(incident, viewer)
			.orElseThrow(() -> PathIds.notFound("/api/incidents/" + id));
		return items(this.caps.cut("determinations", found));
	}

	@Operation(summary = "List determinations, most recently changed first",
			description = "status=draft|effective; awaiting=<side> keeps the drafts that name the side and that no"
					+ " co-chair of it has signed. Monitors and co-chairs see every determination; anyone else the"
					+ " effective ones about incidents it may see (drafts are staff-only). limit: 1 to"
					+ " truce.limits.rows.determinations (1000), default 100; truncated: true says there were more.")
	@GetMapping("/api/determinations")
	Map<String, Object> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) String awaiting, @RequestParam(required = false) Integer limit,
			Viewer viewer) {
		Determination.Status asked = null;
		if (status != null && !status.isBlank()) {
			try {
				asked = Determination.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new RejectedException(Problem.of(ErrorCode.INVALID_QUERY, "status"));
			}
		}
		if (awaiting != null && (awaiting.isBlank() || awaiting.length() > 200)) {
			throw new RejectedException(Problem.of(ErrorCode.INVALID_QUERY, "awaiting"));
		}
		int size = this.caps.limit("determinations", limit, 100);
		return items(RowCaps
			.cut(this.determining.list(asked, awaiting == null ? null : awaiting.strip(), viewer, size + 1), size));
	}

	@Operation(summary = "One determination, with its sign-offs, comments and dissents",
			description = "The ETag is its version. A determination the reader may not see is not found (404).")
	@GetMapping("/api/determinations/{id}")
	ResponseEntity<DeterminationView> one(@PathVariable String id, Viewer viewer) {
		Determination d = this.determining.find(PathIds.uuid(id, "/api/determinations/" + id), viewer)
			.orElseThrow(() -> PathIds.notFound("/api/determinations/" + id));
		return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(view(d, this.determining.comments(d, viewer)));
	}

	@Operation(summary = "Edit a draft determination",
			description = "Monitors and co-chairs. Name the version read (If-Match or version): another version is a"
					+ " conflict (409 STALE_VERSION). Editing clears the sign-offs already given, since a signature"
					+ " is of the text signed; an effective determination is not edited (409).")
	@PutMapping(path = "/api/determinations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<DeterminationView> edit(@PathVariable String id, @RequestBody Requests.DraftRequest request,
			@Parameter(description = "The version read, as the ETag gave it") @RequestHeader(name = "If-Match",
					required = false) String ifMatch) {
		UUID uuid = PathIds.uuid(id, "/api/determinations/" + id);
		SignedIn who = SignedIn.current();
		int version = IfMatch.version(ifMatch, request.version());
		Determination d = this.determining.edit(uuid, version, request.draft(), who.userId(), who.grants());
		return ResponseEntity.ok().eTag("\"" + d.version() + "\"").body(view(d, null));
	}

	@Operation(summary = "Sign a determination for the co-chair's side",
			description = "Co-chairs of a side the determination names (others: 403 SIDE_NOT_NAMED), once per side"
					+ " (409 ALREADY_SIGNED). Name the version signed (If-Match or version): another version is a"
					+ " conflict (409 STALE_VERSION). The sign-off that reaches the quorum makes it EFFECTIVE."
					+ " A signature given earlier is entered with asserted {at, by, document, url}: at not later than"
					+ " now (422 ASSERTED_AFTER_RECORDED), by required with at (422 ASSERTED_BY_REQUIRED); it takes"
					+ " effect at the asserted time." + " Idempotent with an Idempotency-Key header.")
	@PostMapping(path = "/api/determinations/{id}/sign-offs", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> signOff(@PathVariable String id,
			@RequestBody(required = false) Requests.SignOffRequest request,
			@Parameter(description = "The version signed, as the ETag gave it") @RequestHeader(name = "If-Match",
					required = false) String ifMatch,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		UUID uuid = PathIds.uuid(id, "/api/determinations/" + id);
		SignedIn who = SignedIn.current();
		Requests.SignOffRequest body = request == null ? new Requests.SignOffRequest(null, null) : request;
		int version = IfMatch.version(ifMatch, body.version());
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/determinations/" + uuid + "/sign-offs",
				ifMatch, body, () -> view(this.determining.signOff(uuid, version, body.side(),
						AssertedBody.input(body.asserted()), who.userId(), who.grants()), null),
				DeterminationController::location, true);
	}

	@Operation(summary = "Comment on a determination, or dissent from it",
			description = "Monitors and co-chairs comment; with dissent: true, a co-chair of a side the determination"
					+ " names records that its side does not sign, and why. Both are kept and listed with the"
					+ " determination; one given earlier (at a meeting, in a statement) says when in asserted"
					+ " {at, by, document, url}. Idempotent with an Idempotency-Key header.")
	@PostMapping(path = "/api/determinations/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> comment(@PathVariable String id, @RequestBody Requests.CommentRequest request,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		UUID uuid = PathIds.uuid(id, "/api/determinations/" + id);
		SignedIn who = SignedIn.current();
		boolean dissent = Boolean.TRUE.equals(request.dissent());
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/determinations/" + uuid + "/comments",
				request,
				() -> DeterminationView.CommentView.of(this.determining.comment(uuid, request.text(), dissent,
						request.side(), AssertedBody.input(request.asserted()), who.userId(), who.grants())),
				view -> URI.create("/api/determinations/" + uuid), true);
	}

	/** The URI of a determination, from its view as JSON. */
	private static URI location(JsonNode view) {
		return URI.create("/api/determinations/" + view.get("id").asString());
	}

	private Map<String, Object> items(List<Determination> found) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", found.stream().map(d -> view(d, null)).toList());
		return RowCaps.truncatedIf(body);
	}

	private DeterminationView view(Determination d, List<Comment> comments) {
		UUID current = this.determining.incidentOf(d).map(IncidentRecord::id).orElse(null);
		return DeterminationView.of(d, current, comments);
	}

}
