package org.truce.agreement.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.ActorSelector;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.MingledArea;
import org.truce.agreement.model.DailyHours;
import org.truce.agreement.model.Term;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.QueryParameters;

@RestController
class AgreementController {

	private final AgreementCatalogue catalogue;

	private final JsonMapper json;

	private final ScenarioZone zone;

	private final RowCaps caps;

	AgreementController(AgreementCatalogue catalogue, JsonMapper json, ScenarioZone zone, RowCaps caps) {
		this.caps = caps;
		this.catalogue = catalogue;
		this.json = json;
		this.zone = zone;
	}

	@Operation(summary = "Every agreement, with its versions")
	@GetMapping("/api/agreements")
	List<Map<String, Object>> all() {
		List<Map<String, Object>> out = new ArrayList<>();
		this.catalogue.all().forEach((id, versions) -> {
			Agreement latest = versions.get(versions.size() - 1);
			Map<String, Object> m = summary(latest);
			m.put("versions",
					versions.stream()
						.map(a -> Map.of("version", a.version(), "inForceFrom", a.inForceFrom()))
						.toList());
			out.add(m);
		});
		return this.caps.cut("agreements", out);
	}

	@Operation(summary = "One agreement version: parties, excluded actors, declarations, zone ids and terms",
			description = "Without version, the latest.")
	@GetMapping("/api/agreements/{id}")
	Map<String, Object> one(@PathVariable String id, @RequestParam(required = false) Integer version) {
		Agreement a = find(id, version);
		Map<String, Object> m = summary(a);
		m.put("source", a.source());
		m.put("parties", a.parties());
		m.put("excluded", a.excluded());
		m.put("sides", a.sides());
		m.put("declarations", a.declarations());
		m.put("zones",
				a.zones()
					.stream()
					.map(z -> Map.of("id", z.id(), "name", z.name(), "definition", String.valueOf(z.definition())))
					.toList());
		m.put("languages", languages(a));
		m.put("terms", a.terms().stream().map(AgreementController::term).toList());
		m.put("clock", a.clock());
		return m;
	}

	@Operation(summary = "The zones of an agreement version as GeoJSON")
	@GetMapping(path = "/api/agreements/{id}/zones")
	ResponseEntity<Map<String, Object>> zones(@PathVariable String id,
			@RequestParam(required = false) Integer version) {
		Agreement a = find(id, version);
		List<Map<String, Object>> features = new ArrayList<>();
		this.caps.cut("zones", a.zones())
			.forEach(z -> features.add(feature(z.geometry(), AgreementFeatures.zone(a, z))));
		return geoJson(features);
	}

	@Operation(summary = "The mingled areas under an agreement",
			description = "Where an area held by a party overlaps an area held by an excluded actor over the same time.")
	@GetMapping(path = "/api/agreements/{id}/mingled")
	ResponseEntity<Map<String, Object>> mingled(@PathVariable String id,
			@RequestParam(required = false) Integer version) {
		Agreement a = find(id, version);
		List<Map<String, Object>> features = new ArrayList<>();
		for (MingledArea m : this.caps.cut("mingled", this.catalogue.controlMap().mingled(a))) {
			features.add(feature(m.geometry(), AgreementFeatures.mingled(m)));
		}
		return geoJson(features);
	}

	@Operation(summary = "The control map as GeoJSON", description = "With at, only the areas held at that instant.")
	@GetMapping(path = "/api/control-areas")
	ResponseEntity<Map<String, Object>> controlAreas(@RequestParam(required = false) String at) {
		Instant instant = at == null ? null : QueryParameters.instant("at", at, false, this.zone.zone());
		List<Map<String, Object>> features = new ArrayList<>();
		for (ControlArea c : this.catalogue.controlMap().areas()) {
			if (instant != null && !c.valid().contains(instant)) {
				continue;
			}
			features.add(feature(c.geometry(), AgreementFeatures.controlArea(c)));
		}
		return geoJson(this.caps.cut("control-areas", features));
	}

	private Agreement find(String id, Integer version) {
		List<Agreement> versions = this.catalogue.versions(id);
		return versions.stream()
			.filter(a -> version == null || a.version() == version)
			.reduce((first, second) -> second)
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id",
					"/api/agreements/" + id + (version == null ? "" : "?version=" + version))));
	}

	private static Map<String, Object> summary(Agreement a) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", a.id());
		m.put("version", a.version());
		m.put("inForceFrom", a.inForceFrom());
		m.put("title", a.title());
		m.put("effective", a.effective());
		if (a.daily() != null) {
			m.put("daily", daily(a.daily()));
		}
		if (!a.disputes().isEmpty()) {
			m.put("disputes", a.disputes());
		}
		m.put("area", a.areaZoneId());
		return m;
	}

	private static Map<String, Object> term(Term t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", t.id());
		m.put("text", t.text());
		m.put("texts", t.texts().all().stream().map(x -> new TextView(x.language(), x.text(), x.authentic())).toList());
		m.put("prohibits", t.prohibits().stream().map(e -> e.code()).sorted().toList());
		m.put("by", t.by() instanceof ActorSelector.Parties ? "parties" : t.by());
		m.put("against", t.against());
		m.put("zones", t.zoneIds());
		m.put("window", t.window());
		if (t.daily() != null) {
			m.put("daily", daily(t.daily()));
		}
		m.put("exceptions", t.exceptions());
		return m;
	}

	/** A term's text in one language, and whether that language is authentic. */
	record TextView(String lang, String text, boolean authentic) {

	}

	/** A language the agreement's terms are written in, and whether it is authentic. */
	record LanguageView(String lang, boolean authentic) {

	}

	/** The languages of the terms' texts, in the document's order, authentic first. */
	private static List<LanguageView> languages(Agreement a) {
		Map<String, Boolean> seen = new LinkedHashMap<>();
		for (Term t : a.terms()) {
			t.texts().all().forEach(x -> seen.putIfAbsent(x.language(), x.authentic()));
		}
		return seen.entrySet()
			.stream()
			.sorted(java.util.Comparator.comparing(e -> !e.getValue()))
			.map(e -> new LanguageView(e.getKey(), e.getValue()))
			.toList();
	}

	private static Map<String, Object> daily(DailyHours hours) {
		return Map.of("from", hours.from().toString(), "to", hours.to().toString(), "zone", hours.zone().getId());
	}

	private Map<String, Object> feature(Geometry geometry, Map<String, Object> properties) {
		GeoJsonWriter writer = new GeoJsonWriter();
		writer.setEncodeCRS(false);
		JsonNode g = this.json.readTree(writer.write(geometry));
		Map<String, Object> f = new LinkedHashMap<>();
		f.put("type", "Feature");
		f.put("geometry", g);
		f.put("properties", properties);
		return f;
	}

	private static ResponseEntity<Map<String, Object>> geoJson(List<Map<String, Object>> features) {
		Map<String, Object> fc = new LinkedHashMap<>();
		fc.put("type", "FeatureCollection");
		fc.put("features", features);
		if (RowCaps.truncated()) {
			fc.put("truncated", true);
		}
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType("application/geo+json"))
			.body(fc);
	}

}
