package org.truce.deconfliction.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.truce.deconfliction.application.AlertViews;
import org.truce.web.RowCaps;
import org.truce.deconfliction.application.AlertReaders;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.ReadingAlerts;
import org.truce.deconfliction.model.Alert;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.Problems;

/** Proximity alerts: the list and the live event stream. */
@RestController
class AlertController {

	private final ReadingAlerts alerts;

	private final AlertStream stream;

	private final JsonMapper json;

	private final AlertViews views;

	private final RowCaps caps;

	AlertController(ReadingAlerts alerts, AlertStream stream, JsonMapper json, AlertViews views, RowCaps caps) {
		this.caps = caps;
		this.alerts = alerts;
		this.stream = stream;
		this.json = json;
		this.views = views;
	}

	@Operation(
			summary = "The newest proximity alerts the reader may see (staff, notifiers; declared positions' alerts"
					+ " to co-chairs and the declaring side)",
			description = "Newest first. An alert says which violent report came within the alert distance of which"
					+ " protected place (a notified site, a movement in its window, a declared position), how far,"
					+ " and whether WITHIN (the whole uncertainty disc, the whole interval) or POSSIBLY_WITHIN. An alert"
					+ " reveals no more of its report than the reader may read: the staff get the report's point (and"
					+ " the declaring side, for its position), a reader who may read the report exactly placed gets"
					+ " the report and the distance; for a report the reader may not read (of another side,"
					+ " unpublished) or reads only coarsened (an at-risk source), the alert carries the report's grid"
					+ " cell instead (cell: degrees, south, west, north, east, centre), with the proximity and a band"
					+ " of distances (distanceBand: minMetres, maxMetres) found from the cell alone, and no report id"
					+ " unless the reader may read the report. limit is at most"
					+ " truce.limits.rows.alerts (1000); truncated: true says there were more than limit.")
	@GetMapping(path = "/api/alerts", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> list(@Parameter(description = "At most this many, 1 to 1000 (default 100)") @RequestParam(
			name = "limit", required = false) String limit) {
		DeconflictionReader reader = reader();
		int n = this.caps.limit("alerts", limit == null ? null : bounded("limit", limit, 1, Integer.MAX_VALUE - 1),
				100);
		List<Map<String, Object>> items = RowCaps.cut(this.alerts.newest(reader, n + 1), n)
			.stream()
			.map(a -> this.views.of(a, reader))
			.toList();
		return RowCaps.items(items);
	}

	@Operation(summary = "Live proximity alerts as server-sent events (the readers of GET /api/alerts)",
			description = "text/event-stream. Each alert the reader may see is an event named 'alert', with the"
					+ " alert's id as the event id and its JSON (as in GET /api/alerts) as data. A comment is sent on"
					+ " connecting. The stream ends after timeoutSeconds; reconnect (EventSource does so by itself,"
					+ " sending the Last-Event-ID header). With Last-Event-ID, the alerts stored after that one that"
					+ " the reader may see are sent first, oldest first, then the live ones, with none missed or"
					+ " sent twice. An id that names no alert the reader may see gets an event named"
					+ " 'replay-unavailable' (without an id) and the live alerts only: read GET /api/alerts for the"
					+ " newest. The reader's roles are checked again as alerts are sent: a user disabled, or whose"
					+ " token is revoked, loses the stream. At most truce.alerts.max-streams-per-user (default 4)"
					+ " streams per user: another gets 429 TOO_MANY_STREAMS with Retry-After. A client that does not"
					+ " keep up (its queue of events fills, or a write stalls) is disconnected; reconnect with"
					+ " Last-Event-ID.")
	@GetMapping(path = "/api/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(
			@Parameter(
					description = "Seconds before the server ends the stream, 1 to 3600 (default 1800)") @RequestParam(
							name = "timeoutSeconds", required = false, defaultValue = "1800") String timeoutSeconds,
			@Parameter(description = "The id of the last alert received, to receive those raised since") @RequestHeader(
					name = "Last-Event-ID", required = false) String lastEventId,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		DeconflictionReader reader = reader();
		long seconds = bounded("timeoutSeconds", timeoutSeconds, 1, 3600);
		SseEmitter emitter = new SseEmitter(seconds * 1000);
		AlertStream.Subscriber subscriber;
		try {
			subscriber = this.stream.catchingUp(emitter, reader,
					SignedIn.tokenId(SecurityContextHolder.getContext().getAuthentication()));
		}
		catch (AlertStream.TooManyStreams ex) {
			// Written here: the handler produces text/event-stream, the refusal is
			// problem+json.
			response.setHeader("Retry-After", "30");
			Problems.write(request, response, this.json, Problem.with(ErrorCode.TOO_MANY_STREAMS, null, ex.max()));
			return null;
		}
		try {
			subscriber.comment("truce alerts");
			if (lastEventId != null && !lastEventId.isBlank()) {
				Optional<UUID> last = uuid(lastEventId.strip()).flatMap(id -> this.alerts.read(id, reader))
					.map(Alert::id);
				if (last.isPresent()) {
					this.alerts.after(last.get(), reader, subscriber::replay);
				}
				else {
					subscriber.notice("replay-unavailable",
							Map.of("code", "UNKNOWN_LAST_EVENT_ID", "detail",
									"Last-Event-ID names no alert you may read: the alerts raised from now on follow."
											+ " GET /api/alerts lists the newest."));
				}
			}
		}
		catch (RuntimeException ex) {
			this.stream.remove(subscriber);
			throw ex;
		}
		subscriber.live();
		return emitter;
	}

	private static Optional<UUID> uuid(String text) {
		try {
			return Optional.of(UUID.fromString(text));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private DeconflictionReader reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		DeconflictionReader reader = this.alerts.reader(who.userId(), who.grants());
		if (!AlertReaders.mayList(reader)) {
			throw new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null));
		}
		return reader;
	}

	private static int bounded(String name, String text, int min, int max) {
		try {
			int n = Integer.parseInt(text);
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RejectedException(Problem.keyed(ErrorCode.INVALID_QUERY, name, "wholeNumber", name, min, max));
	}

}
