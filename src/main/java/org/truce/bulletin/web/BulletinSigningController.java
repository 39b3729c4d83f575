package org.truce.bulletin.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.bulletin.application.SigningBulletins;
import org.truce.bulletin.model.BulletinDraft;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.IdempotentPosts;
import org.truce.web.PathIds;
import org.truce.web.RowCaps;

@RestController
class BulletinSigningController {

	private final SigningBulletins signing;

	private final BulletinProofs proofs;

	private final IdempotentPosts idempotent;

	private final RowCaps caps;

	BulletinSigningController(SigningBulletins signing, BulletinProofs proofs, IdempotentPosts idempotent,
			RowCaps caps) {
		this.signing = signing;
		this.proofs = proofs;
		this.idempotent = idempotent;
		this.caps = caps;
	}

	/**
	 * @param from the first day, ISO (2016-10-01)
	 * @param to the last day, included
	 * @param sides the sides that must sign; absent for truce.determinations.sides
	 */
	record DraftRequest(String agreement, String from, String to, List<String> sides) {

	}

	/**
	 * @param version the draft's version or digest read (or send If-Match)
	 * @param side the side signing or dissenting; absent for the co-chair's only side
	 * named
	 * @param text a dissent's text
	 */
	record SignRequest(String version, String side, String text) {

	}

	@Operation(summary = "Draft a bulletin for signature",
			description = "Monitors and co-chairs. Computes the public reader's bulletin of the agreement and period"
					+ " (from and to are days, both included), keeps its bulletin.json and appends a"
					+ " bulletin-drafted ledger entry with its SHA-256, the agreement and the period (never its"
					+ " contents). A newer draft of the same agreement and period makes the older drafts STALE."
					+ " The named sides (by default truce.determinations.sides) sign it with the quorum of"
					+ " determinations. Idempotent with an Idempotency-Key header.")
	@PostMapping(path = "/api/bulletins/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> draft(@RequestBody DraftRequest request,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		SignedIn who = SignedIn.current();
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/bulletins/drafts", request,
				() -> view(this.signing.draft(request.agreement(), day("from", request.from()), day("to", request.to()),
						request.sides(), who.userId(), who.grants()), true),
				BulletinSigningController::location, false);
	}

	@Operation(summary = "List bulletin drafts, most recently changed first",
			description = "Monitors and co-chairs: every draft, stale and published ones too. state=draft|stale|"
					+ "published. limit: 1 to truce.limits.rows.bulletins (1000), default 100.")
	@GetMapping("/api/bulletins/drafts")
	Map<String, Object> drafts(@RequestParam(required = false) String state,
			@RequestParam(required = false) Integer limit, Viewer viewer) {
		return items(state(state), limit, viewer);
	}

	@Operation(summary = "List published bulletins, most recently published first",
			description = "Everyone. limit: 1 to truce.limits.rows.bulletins (1000), default 100.")
	@GetMapping("/api/bulletins/published")
	Map<String, Object> published(@RequestParam(required = false) Integer limit) {
		return items(BulletinDraft.State.PUBLISHED, limit, Viewer.PUBLIC);
	}

	@Operation(summary = "One bulletin, with its signatures, dissent annexes, bulletin.json and ledger proofs",
			description = "Published bulletins are everyone's; drafts are staff's (anyone else: 404, as for an id"
					+ " that does not exist). The ETag is the digest of bulletin.json, which a signature or a"
					+ " dissent names in If-Match.")
	@GetMapping("/api/bulletins/{id}")
	ResponseEntity<BulletinView> one(@PathVariable String id, Viewer viewer) {
		BulletinDraft d = find(id, viewer);
		return ResponseEntity.ok()
			.eTag("\"" + d.digest() + "\"")
			.body(BulletinView.of(d, this.signing.dissents(d, viewer),
					this.proofs.of(d.id(), d.state() == BulletinDraft.State.PUBLISHED), true));
	}

	@Operation(summary = "A bulletin's bulletin.json, byte for byte: its SHA-256 is the digest in the ledger",
			description = "Published bulletins are everyone's; drafts are staff's.")
	@GetMapping(path = "/api/bulletins/{id}/bulletin.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<byte[]> json(@PathVariable String id, Viewer viewer) {
		BulletinDraft d = find(id, viewer);
		return ResponseEntity.ok()
			.eTag("\"" + d.digest() + "\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(d.canonical().getBytes(StandardCharsets.UTF_8));
	}

	@Operation(summary = "Sign a bulletin draft for the co-chair's side",
			description = "Co-chairs of a side the draft names (others: 403 SIDE_NOT_NAMED), once per side"
					+ " (409 ALREADY_SIGNED). Name the draft read, its digest (the ETag) or its version, in If-Match"
					+ " or version (neither: 428): a draft that a newer one superseded, or another digest or version,"
					+ " is refused (409 BULLETIN_DRAFT_STALE) and nothing recorded is lost. The signature that"
					+ " reaches the quorum publishes it (a bulletin-published ledger entry).")
	@PostMapping(path = "/api/bulletins/drafts/{id}/sign")
	ResponseEntity<JsonNode> sign(@PathVariable String id, @RequestBody(required = false) SignRequest request,
			@Parameter(description = "The digest or version read") @RequestHeader(name = "If-Match",
					required = false) String ifMatch,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		UUID uuid = PathIds.uuid(id, "/api/bulletins/drafts/" + id);
		SignedIn who = SignedIn.current();
		SignRequest body = request == null ? new SignRequest(null, null, null) : request;
		String read = read(ifMatch, body.version());
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/bulletins/drafts/" + uuid + "/sign", ifMatch,
				body, () -> view(this.signing.sign(uuid, read, body.side(), who.userId(), who.grants()), false),
				BulletinSigningController::location, false);
	}

	@Operation(summary = "Record a side's dissent annex on a bulletin draft",
			description = "Co-chairs of a side the draft names, with text; kept with the draft and published with"
					+ " it. Name the draft read (If-Match or version, as to sign): a stale draft is refused (409"
					+ " BULLETIN_DRAFT_STALE).")
	@PostMapping(path = "/api/bulletins/drafts/{id}/dissent", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> dissent(@PathVariable String id, @RequestBody SignRequest request,
			@Parameter(description = "The digest or version read") @RequestHeader(name = "If-Match",
					required = false) String ifMatch,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		UUID uuid = PathIds.uuid(id, "/api/bulletins/drafts/" + id);
		SignedIn who = SignedIn.current();
		String read = read(ifMatch, request.version());
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/bulletins/drafts/" + uuid + "/dissent",
				ifMatch, request,
				() -> BulletinView.Dissent
					.of(this.signing.dissent(uuid, read, request.text(), request.side(), who.userId(), who.grants())),
				view -> URI.create("/api/bulletins/" + uuid), false);
	}

	private BulletinDraft find(String id, Viewer viewer) {
		return this.signing.find(PathIds.uuid(id, "/api/bulletins/" + id), viewer)
			.orElseThrow(() -> PathIds.notFound("/api/bulletins/" + id));
	}

	private Map<String, Object> items(BulletinDraft.State state, Integer limit, Viewer viewer) {
		int size = this.caps.limit("bulletins", limit, 100);
		List<BulletinView> found = RowCaps.cut(this.signing.list(state, viewer, size + 1), size)
			.stream()
			.map(d -> BulletinView.of(d, null, null, false))
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", found);
		return RowCaps.truncatedIf(body);
	}

	private BulletinView view(BulletinDraft d, boolean whole) {
		return BulletinView.of(d, null, null, whole);
	}

	private static URI location(JsonNode view) {
		return URI.create("/api/bulletins/" + view.get("id").asString());
	}

	/** The digest or version read: If-Match, or the body's, which must agree. */
	static String read(String ifMatch, String body) {
		String header = ifMatch == null || ifMatch.isBlank() ? null : tag(ifMatch);
		String field = body == null || body.isBlank() ? null : tag(body);
		if (header != null && field != null && !header.equalsIgnoreCase(field)) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "version", "draftsDiffer"));
		}
		return header != null ? header : field;
	}

	private static String tag(String text) {
		String tag = text.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		return tag.replace("\"", "").strip();
	}

	private static BulletinDraft.State state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return BulletinDraft.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.of(ErrorCode.INVALID_QUERY, "state"));
		}
	}

	/** A day, ISO; null when absent; INVALID_VALUE on the field when not a day. */
	static LocalDate day(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, field, "day", field));
		}
	}

}
