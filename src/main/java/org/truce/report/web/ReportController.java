package org.truce.report.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.Parameter;

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
import org.truce.actor.application.ActorDirectory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.report.application.ReadingReports;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.IdempotentPosts;

@RestController
class ReportController {

	private final SubmittingReport submitting;

	private final ReadingReports reading;

	private final ActorDirectory actors;

	private final ScenarioZone zone;

	private final RowCaps caps;

	ReportController(SubmittingReport submitting, ReadingReports reading, ActorDirectory actors, ScenarioZone zone,
			RowCaps caps) {
		this.caps = caps;
		this.submitting = submitting;
		this.reading = reading;
		this.actors = actors;
		this.zone = zone;
	}

	@Operation(summary = "Submit a report",
			description = "Returns 201 only once the report is durably stored. Replaying the same request (the same"
					+ " bytes of body) with the same Idempotency-Key returns 200 and the report first stored; the same"
					+ " key with a different body is refused (IDEMPOTENCY_KEY_REUSED). Keys are per user: another"
					+ " user's request under the same key is a new report. A when.start or when.end written"
					+ " as a date (2016-09-19) is that calendar day in when.zone (an IANA id such as Asia/Damascus) or,"
					+ " without it, in the scenario's zone (GET /api/scenario): local midnight to the next; an unknown"
					+ " zone is refused (UNKNOWN_TIME_ZONE).")
	@PostMapping(path = "/api/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ReportView> submit(@RequestBody ReportDraft draft,
			@Parameter(
					description = "A client-chosen key, up to 200 characters, that makes retries safe") @RequestHeader(
							name = "Idempotency-Key", required = false) String idempotencyKey,
			HttpServletRequest request, Viewer viewer) {
		IdempotentPosts.checkKey(idempotencyKey);
		// Keys are per submitter: another user's request under the same key is simply
		// another report, and tells nothing of the first.
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		SubmittingReport.Submitted submitted = this.submitting.submit(draft, Submitter.user(who.userId(), who.grants()),
				idempotencyKey == null ? null : "api:" + who.userId() + ":" + idempotencyKey,
				(String) request.getAttribute(RawBodyDigest.ATTRIBUTE));
		URI location = URI.create("/api/reports/" + submitted.report().id());
		// Who submitted a report is for staff only, even when it is the caller.
		ReportView body = ReportView.of(viewer.staff() ? submitted.report() : submitted.report().submittedBy(null));
		return submitted.created() ? ResponseEntity.created(location).body(body)
				: ResponseEntity.ok().location(location).header("Idempotent-Replayed", "true").body(body);
	}

	@Operation(summary = "One report, as its reader may see it",
			description = "A report the reader may not see is not found (404), exactly as one that does not exist.")
	@GetMapping("/api/reports/{id}")
	ResponseEntity<ReportView> one(@PathVariable String id, Viewer viewer) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/reports/" + id));
		}
		return this.reading.byId(uuid, viewer)
			.map(r -> ResponseEntity.ok(ReportView.of(r)))
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/reports/" + id)));
	}

	@Operation(summary = "List the reports the reader may see, newest event first",
			description = "Filters combine with AND. bbox=minLon,minLat,maxLon,maxLat; lat, lon and radius (metres,"
					+ " geodesic) together; from and to (a date or an instant) keep reports whose interval overlaps;"
					+ " type, actor (id or any known name) and source may repeat or be comma-separated. Follow"
					+ " 'next' to page (limit 1 to truce.limits.rows.reports, 1000, default 100; the header"
					+ " Truce-Truncated: true says there is a next page). Monitors and co-chairs see every report; a liaison, those concerning its"
					+ " side; everyone else, the published ones. Only monitors and co-chairs see sources and may"
					+ " filter by source; for everyone else the place of a report from an at-risk source is the"
					+ " centre of its grid cell, and bbox and radius match it there. Monitors and co-chairs may also"
					+ " filter by a dataset's own columns, kept verbatim from its import (sourceFields of"
					+ " GET /api/reports/{id}): inter (ACLED inter1 or inter2), interaction (ACLED), dyad (UCDP"
					+ " dyad_new_id or dyad_name) and conflict (UCDP conflict_new_id or conflict_name), each an exact"
					+ " value; ACLED's and UCDP's together are refused, as they match nothing.")
	@GetMapping("/api/reports")
	Map<String, Object> list(@RequestParam(required = false) String bbox, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lon, @RequestParam(required = false) Double radius,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) List<String> type, @RequestParam(required = false) List<String> actor,
			@RequestParam(required = false) List<String> source,
			@RequestParam(required = false) Boolean excludeAggregates, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) List<String> inter,
			@RequestParam(required = false) List<String> interaction, @RequestParam(required = false) List<String> dyad,
			@RequestParam(required = false) List<String> conflict, Viewer viewer) {
		ReportQuery query = ReportQueryParser.parse(
				new ReportQueryParser.Params(bbox, lat, lon, radius, from, to, type, actor, source, excludeAggregates,
						cursor, limit, inter, interaction, dyad, conflict),
				this.actors, Math.min(100, this.caps.of("reports")),
				Math.min(ReportQuery.MAX_LIMIT, this.caps.of("reports")), this.zone.zone());
		ReportPage page = this.reading.find(query, viewer);
		RowCaps.mark(query.limit(), page.next() != null);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page.reports().stream().map(ReportView::of).toList());
		body.put("next", page.next() == null ? null : ReportQueryParser.encodeCursor(page.next()));
		return body;
	}

}
