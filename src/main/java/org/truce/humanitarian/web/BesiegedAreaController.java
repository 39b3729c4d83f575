package org.truce.humanitarian.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.humanitarian.application.RecordingBesiegedAreas;
import org.truce.humanitarian.model.BesiegedArea;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.IfMatch;
import org.truce.web.PathIds;

/**
 * Besieged and hard-to-reach areas with their population: public reads; monitors and
 * notifiers record and revise them.
 */
@RestController
class BesiegedAreaController {

	private final RecordingBesiegedAreas areas;

	private final RowCaps caps;

	BesiegedAreaController(RecordingBesiegedAreas areas, RowCaps caps) {
		this.caps = caps;
		this.areas = areas;
	}

	@Operation(summary = "The besieged and hard-to-reach areas, with their population (everyone)",
			description = "Population figures are public information. By name; at most"
					+ " truce.limits.rows.besieged-areas (1000), and truncated: true when there were more.")
	@GetMapping("/api/besieged-areas")
	Map<String, Object> list() {
		return RowCaps.items(this.caps.cut("besieged-areas", this.areas.all(this.caps.ask("besieged-areas")))
			.stream()
			.map(AccessViews::area)
			.toList());
	}

	@Operation(summary = "The besieged and hard-to-reach areas as a GeoJSON FeatureCollection (everyone)",
			description = "At most truce.limits.rows.besieged-areas (1000), and truncated: true when there were more.")
	@GetMapping(path = "/api/besieged-areas.geojson", produces = "application/geo+json")
	Map<String, Object> geojson() {
		return RowCaps.truncatedIf(AccessViews
			.areasCollection(this.caps.cut("besieged-areas", this.areas.all(this.caps.ask("besieged-areas")))));
	}

	@Operation(summary = "One besieged or hard-to-reach area (everyone)")
	@GetMapping("/api/besieged-areas/{id}")
	ResponseEntity<Map<String, Object>> one(@PathVariable String id) {
		BesiegedArea a = this.areas.byId(uuid(id)).orElseThrow(() -> notFound(id));
		return ResponseEntity.ok().eTag(a.etag()).body(AccessViews.area(a));
	}

	@Operation(summary = "Record a besieged or hard-to-reach area (monitors, notifiers)",
			description = "name; status BESIEGED or HARD_TO_REACH; area a GeoJSON Polygon or MultiPolygon; population"
					+ " >= 0; asOf a date; besiegers actor ids (optional); sourceNote. A ledger entry"
					+ " (besieged-area-recorded).")
	@PostMapping(path = "/api/besieged-areas", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> record(@RequestBody RecordingBesiegedAreas.NewArea body) {
		BesiegedArea a = this.areas.record(body, userId());
		return ResponseEntity.created(URI.create("/api/besieged-areas/" + a.id()))
			.eTag(a.etag())
			.body(AccessViews.area(a));
	}

	@Operation(summary = "Revise a besieged or hard-to-reach area (monitors, notifiers)",
			description = "The whole area as in POST. If-Match names the version read: required (428), and a stale"
					+ " one is refused (409 STALE_VERSION). A ledger entry (besieged-area-revised).")
	@PutMapping(path = "/api/besieged-areas/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> revise(@PathVariable String id,
			@RequestBody RecordingBesiegedAreas.NewArea body,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		BesiegedArea a = this.areas.revise(uuid(id), body, IfMatch.version(ifMatch), userId());
		return ResponseEntity.ok().eTag(a.etag()).body(AccessViews.area(a));
	}

	private static String userId() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who.userId();
	}

	private static UUID uuid(String id) {
		return PathIds.uuid(id, "/api/besieged-areas/" + id);
	}

	private static RejectedException notFound(String id) {
		return PathIds.notFound("/api/besieged-areas/" + id);
	}

}
