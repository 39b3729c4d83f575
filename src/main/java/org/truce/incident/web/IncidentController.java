package org.truce.incident.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.AssertedBody;
import org.truce.web.IfMatch;
import org.truce.web.PathIds;

@RestController
class IncidentController {

	private final ReadingIncidents reading;

	private final ManagingIncidents managing;

	private final Incidents incidents;

	private final Speakers speakers;

	private final RowCaps caps;

	IncidentController(ReadingIncidents reading, ManagingIncidents managing, Incidents incidents, Speakers speakers,
			RowCaps caps) {
		this.caps = caps;
		this.reading = reading;
		this.managing = managing;
		this.incidents = incidents;
		this.speakers = speakers;
	}

	@Operation(summary = "One incident",
			description = "Its reports (those the reader may see), place, time, the claims the reader may see"
					+ " (monitors and co-chairs: every side's; a liaison: its own side's; the public: none),"
					+ " attribution, verification grade with the rule that gave it, and for monitors and co-chairs its"
					+ " evidence and candidate links. Any id of a report of it that the reader may see gives the"
					+ " incident (an id of an incident merged into another gives that other incident); any other id,"
					+ " that of a report the reader may not see included, is 404 as an unknown id is."
					+ " For monitors and co-chairs, version and the ETag are the incident's version, to send back as"
					+ " If-Match when changing it, and createdAt and updatedAt the record's; anyone else sees no"
					+ " version, createdAt and updatedAt of the reports and claims it sees, and a weak ETag that is a"
					+ " digest of this answer, so that nothing it may not see moves them.")
	@GetMapping("/api/incidents/{id}")
	ResponseEntity<IncidentJson> one(@PathVariable String id, Viewer viewer) {
		ReadingIncidents.IncidentView view = this.reading.byId(uuid(id), viewer).orElseThrow(() -> notFound(id));
		return withTag(view);
	}

	@Operation(summary = "Recently changed incidents",
			description = "Open incidents, most recently changed first, that the reader may see: the limit (1 to 500"
					+ " and to truce.limits.rows.incidents, default 50) most recently changed of those, by the"
					+ " changes the reader may see (updatedAt), so a hidden change moves no incident up. The header"
					+ " Truce-Truncated: true says there were more.")
	@GetMapping("/api/incidents")
	List<IncidentJson> recent(@RequestParam(required = false) Integer limit, Viewer viewer) {
		int size = this.caps.limit("incidents", limit, 50, 500);
		return RowCaps.cut(this.reading.recent(size + 1, viewer), size).stream().map(IncidentJson::of).toList();
	}

	/** Merging other incidents into this one. */
	record MergeRequest(List<UUID> incidents, String reason, Integer version) {

	}

	@Operation(summary = "Merge incidents into this one (monitors)",
			description = "Their reports and claims move here; each is marked as merged into this one. A reason is"
					+ " required. The version (If-Match or body) must be the current one, else 409.")
	@PostMapping(path = "/api/incidents/{id}/merge", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IncidentJson> merge(@PathVariable String id, @RequestBody MergeRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Viewer viewer) {
		IncidentRecord merged = this.managing.merge(uuid(id), version(ifMatch, body.version()),
				body.incidents() == null ? List.of() : body.incidents(), body.reason(), viewer.userId());
		return current(merged.id(), viewer);
	}

	/** Splitting reports off into a new incident. */
	record SplitRequest(List<UUID> reports, String reason, Integer version) {

	}

	@Operation(summary = "Split reports off into a new incident (monitors)",
			description = "The new incident's id is the first report named. A reason is required; the version must"
					+ " be the current one, else 409.")
	@PostMapping(path = "/api/incidents/{id}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IncidentJson> split(@PathVariable String id, @RequestBody SplitRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Viewer viewer) {
		IncidentRecord created = this.managing.split(uuid(id), version(ifMatch, body.version()),
				body.reports() == null ? List.of() : body.reports(), body.reason(), viewer.userId());
		ReadingIncidents.IncidentView view = this.reading.byId(created.id(), viewer).orElseThrow();
		IncidentJson json = IncidentJson.of(view);
		return ResponseEntity.created(URI.create("/api/incidents/" + created.id())).eTag(json.etag(view)).body(json);
	}

	/** Discounting an incident or lifting the discount. */
	record DiscountRequest(boolean discounted, String reason, Integer version) {

	}

	@Operation(summary = "Discount an incident, or lift the discount (monitors)",
			description = "A discounted incident is graded DISCOUNTED. A reason is required to discount.")
	@PostMapping(path = "/api/incidents/{id}/discount", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<IncidentJson> discount(@PathVariable String id, @RequestBody DiscountRequest body,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Viewer viewer) {
		if (body.discounted() && (body.reason() == null || body.reason().isBlank())) {
			throw new RejectedException(Problem.keyed(ErrorCode.FIELD_REQUIRED, "reason", "reason"));
		}
		IncidentRecord changed = this.managing.discount(uuid(id), version(ifMatch, body.version()),
				body.discounted() ? body.reason() : null, viewer.userId());
		return current(changed.id(), viewer);
	}

	/**
	 * A side's claim; {@code asserted}, for a claim entered after the fact (a 2016
	 * statement), when the side made it, on whose word and in what document.
	 */
	record ClaimRequest(Claim.Position position, String actor, String statement, AssertedBody asserted) {

	}

	@Operation(summary = "State your side's claim about who acted (liaisons, co-chairs)",
			description = "Kept apart from every other side's: the side is the actor your role is bound to. A newer"
					+ " claim of your side supersedes the older one. Claims that contradict each other or the"
					+ " reports make attribution contested, and findings undetermined (ATTRIBUTION_CONTESTED). Entered"
					+ " after the fact, asserted gives when the side made it (at: not later than now, else 422"
					+ " ASSERTED_AFTER_RECORDED), who asserts it (by: required with at, ASSERTED_BY_REQUIRED) and the"
					+ " document (document, url); madeAt stays the time Truce recorded it.")
	@PostMapping(path = "/api/incidents/{id}/claims", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Claim> claim(@PathVariable String id, @RequestBody ClaimRequest body, Viewer viewer) {
		if (body.position() == null) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "position"));
		}
		UUID incident = visible(id, viewer);
		String side = this.speakers.side();
		Claim made = this.managing.claim(incident, side, body.position(), body.actor(), body.statement(),
				AssertedBody.input(body.asserted()), viewer.userId());
		return ResponseEntity.created(URI.create("/api/incidents/" + made.incidentId())).body(made);
	}

	@Operation(summary = "Attach evidence (monitors, liaisons)",
			description = "Send the bytes as the body with their Content-Type; ?name= names the file. Truce keeps"
					+ " their SHA-256, media type and the time it received them. The same bytes twice are kept once.")
	@PostMapping(path = "/api/incidents/{id}/evidence", consumes = MediaType.ALL_VALUE)
	ResponseEntity<Evidence> evidence(@PathVariable String id, @RequestBody byte[] content,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String mediaType,
			@RequestParam(required = false) String name, Viewer viewer) {
		UUID incident = visible(id, viewer);
		Evidence stored = this.managing.addEvidence(incident, content, mediaType, name, viewer.userId());
		return ResponseEntity
			.created(URI.create("/api/incidents/" + stored.incidentId() + "/evidence/" + stored.sha256()))
			.body(stored);
	}

	@Operation(summary = "The bytes of a piece of evidence (monitors, co-chairs)")
	@GetMapping("/api/incidents/{id}/evidence/{sha256}")
	ResponseEntity<byte[]> evidenceContent(@PathVariable String id, @PathVariable String sha256, Viewer viewer) {
		UUID incident = visible(id, viewer);
		Evidence about = this.incidents.evidence(incident)
			.stream()
			.filter(e -> e.sha256().equals(sha256))
			.findFirst()
			.orElseThrow(() -> notFound(id + "/evidence/" + sha256));
		byte[] content = this.incidents.evidenceContent(incident, sha256).orElseThrow(() -> notFound(id));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + sha256 + "\"; declared-type=\"" + about.mediaType().replace("\"", "")
							+ "\"")
			.body(content);
	}

	@Operation(summary = "Open candidate links (monitors, co-chairs)",
			description = "Pairs of reports close in space and time that the clustering would not merge on its own,"
					+ " with its reasons, waiting for an analyst. limit: 1 to truce.limits.rows.candidate-links (1000),"
					+ " default 100; the header Truce-Truncated: true says there were more.")
	@GetMapping("/api/candidate-links")
	List<StoredLink> openLinks(@RequestParam(required = false) Integer limit) {
		int size = this.caps.limit("candidate-links", limit, 100);
		return RowCaps.cut(this.incidents.openLinks(size + 1), size);
	}

	/** An analyst's decision on a candidate link. */
	record Decision(Boolean confirm, String reason) {

	}

	@Operation(summary = "Confirm or reject a candidate link (monitors)",
			description = "Confirming merges the incidents of its two reports; rejecting keeps them apart. A reason"
					+ " is required; a link already decided gives 409.")
	@PostMapping(path = "/api/candidate-links/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	StoredLink decide(@PathVariable String id, @RequestBody Decision body, Viewer viewer) {
		if (body.confirm() == null) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "confirm"));
		}
		return this.managing.decide(id, body.confirm(), body.reason(), viewer.userId());
	}

	private ResponseEntity<IncidentJson> current(UUID id, Viewer viewer) {
		ReadingIncidents.IncidentView view = this.reading.byId(id, viewer).orElseThrow(() -> notFound(id.toString()));
		return withTag(view);
	}

	/** The incident as the reader sees it, with its entity tag. */
	private static ResponseEntity<IncidentJson> withTag(ReadingIncidents.IncidentView view) {
		IncidentJson json = IncidentJson.of(view);
		return ResponseEntity.ok().eTag(json.etag(view)).body(json);
	}

	/** The open incident an id stands for, if the reader may see it; else not found. */
	private UUID visible(String id, Viewer viewer) {
		return this.reading.byId(uuid(id), viewer).map(v -> v.record().id()).orElseThrow(() -> notFound(id));
	}

	/** The version from If-Match ({@code "3"} or {@code W/"3"}) or else the body. */
	static int version(String ifMatch, Integer fromBody) {
		Integer header = IfMatch.version(ifMatch);
		if (header != null) {
			return header;
		}
		if (fromBody == null) {
			throw new RejectedException(Problem.keyed(ErrorCode.FIELD_REQUIRED, "version", "incidentVersion"));
		}
		return fromBody;
	}

	static UUID uuid(String id) {
		return PathIds.uuid(id, "/api/incidents/" + id);
	}

	static RejectedException notFound(String id) {
		return PathIds.notFound("/api/incidents/" + id);
	}

}
