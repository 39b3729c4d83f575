package org.truce.geo.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.model.NameKey;
import org.truce.geo.application.Boundaries;
import org.truce.geo.application.GeoJson;
import org.truce.geo.application.Places;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.Place;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

@RestController
class GeographyController {

	static final int PLACES_LIMIT = 20;

	static final int MAX_QUERY = 200;

	private final Places places;

	private final Boundaries boundaries;

	private final JsonMapper json = JsonMapper.builder().build();

	private final RowCaps caps;

	GeographyController(Places places, Boundaries boundaries, RowCaps caps) {
		this.caps = caps;
		this.places = places;
		this.boundaries = boundaries;
	}

	@Operation(summary = "Search the gazetteer by name",
			description = "Matches names whose folded key (case, diacritics, the Arabic article and common"
					+ " transliteration variants ignored) equals or starts with the query's; exact matches first."
					+ " At most 20 (and truce.limits.rows.places); truncated: true says there were more.")
	@GetMapping("/api/places")
	Map<String, Object> places(@RequestParam String q) {
		if (q.length() > MAX_QUERY || NameKey.of(q).isEmpty()) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_QUERY, "q", "placeName", MAX_QUERY));
		}
		int cap = Math.min(PLACES_LIMIT, this.caps.of("places"));
		return RowCaps.items(RowCaps.cut(this.places.search(q, cap + 1), cap).stream().map(PlaceView::of).toList());
	}

	@Operation(summary = "One administrative boundary as a GeoJSON Feature, at full precision")
	@GetMapping("/api/boundaries/{pcode}")
	ResponseEntity<String> boundary(@PathVariable String pcode) {
		Boundary b = this.boundaries.byPcode(pcode)
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "pcode", "/api/boundaries/" + pcode)));
		ObjectNode feature = this.json.createObjectNode();
		feature.put("type", "Feature");
		feature.put("id", b.pcode());
		feature.putArray("bbox")
			.add(b.bbox().getMinX())
			.add(b.bbox().getMinY())
			.add(b.bbox().getMaxX())
			.add(b.bbox().getMaxY());
		ObjectNode properties = feature.putObject("properties");
		properties.put("pcode", b.pcode());
		properties.put("layer", b.layer().code());
		properties.put("name", b.name());
		if (b.nameAr() != null) {
			properties.put("nameAr", b.nameAr());
		}
		if (b.parentPcode() != null) {
			properties.put("parentPcode", b.parentPcode());
		}
		feature.set("geometry", this.json.readTree(GeoJson.write(b.geometry(), 9)));
		return ResponseEntity.ok().contentType(LayerController.GEO_JSON).body(this.json.writeValueAsString(feature));
	}

	record PlaceView(String name, String nameAr, double latitude, double longitude, String kind, String kindLabel,
			String admin1Pcode, String source, String sourceRef) {

		static PlaceView of(Place p) {
			return new PlaceView(p.name(), p.nameAr(), p.latitude(), p.longitude(), p.kind().code(), p.kind().label(),
					p.admin1Pcode(), p.source(), p.sourceRef());
		}

	}

}
