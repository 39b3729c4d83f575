package org.truce.humanitarian.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.locationtech.jts.geom.Geometry;
import org.truce.geo.application.GeoJson;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessOutcome;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.BesiegedArea;
import org.truce.humanitarian.model.MovementRestriction;

/** The JSON shapes of humanitarian access records, as the API and pages show them. */
final class AccessViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AccessViews() {
	}

	static JsonNode geometry(Geometry g) {
		return JSON.readTree(GeoJson.write(g, 6));
	}

	static Map<String, Object> request(AccessRequest r) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("id", r.id());
		v.put("state", r.state());
		v.put("route", geometry(r.route()));
		v.put("destination", r.destination());
		v.put("cargo", r.cargo());
		v.put("peopleInNeed", r.peopleInNeed());
		v.put("parties", r.parties().stream().map(AccessViews::party).toList());
		v.put("from", r.from());
		v.put("to", r.to());
		v.put("requestedBy", r.requestedBy());
		v.put("requestedAt", r.requestedAt());
		v.put("outcome", r.outcome() == null ? null : outcome(r.outcome()));
		v.put("obstructionReport", r.obstructionReportId());
		v.put("version", r.version());
		v.put("content", r.contentSalt() == null ? null
				: content(r.contentSalt(), RequestingAccess.content(r), RequestingAccess.contentCommitment(r)));
		return v;
	}

	/**
	 * A party's decision, with the salt that opens the {@code reasonsCommitment} of its
	 * {@code access-decided} entry.
	 */
	private static Map<String, Object> party(AccessDecision d) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("party", d.party());
		v.put("verdict", d.verdict());
		v.put("reasons", d.reasons());
		v.put("conditions", d.conditions());
		v.put("decidedBy", d.decidedBy());
		v.put("decidedAt", d.decidedAsAsserted());
		v.put("asserted", d.asserted() == null ? null : d.asserted().fields());
		v.put("recordedAt", d.decidedAt());
		String commitment = RequestingAccess.reasonsCommitment(d);
		v.put("content",
				commitment == null ? null : content(d.reasonsSalt(), RequestingAccess.decisionContent(d), commitment));
		return v;
	}

	/**
	 * The outcome, with the salt that opens the {@code detailsCommitment} of its
	 * {@code access-outcome-recorded} entry.
	 */
	private static Map<String, Object> outcome(AccessOutcome o) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("kind", o.kind());
		v.put("deliveredShare", o.deliveredShare());
		v.put("deliveredNote", o.deliveredNote());
		v.put("blockedBy", o.blockedBy());
		v.put("blockedAt", o.blockedAt());
		v.put("reason", o.reason());
		v.put("at", o.at());
		v.put("recordedBy", o.recordedBy());
		v.put("recordedAt", o.recordedAt());
		String commitment = RequestingAccess.detailsCommitment(o);
		v.put("content",
				commitment == null ? null : content(o.detailsSalt(), RequestingAccess.outcomeDetails(o), commitment));
		return v;
	}

	/**
	 * What opens a commitment of the ledger: SHA-256(salt + "." + value) is
	 * {@code commitment}, {@code value} being the exact text hashed.
	 */
	private static Map<String, Object> content(String salt, String value, String commitment) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("salt", salt);
		v.put("value", value);
		v.put("commitment", commitment);
		return v;
	}

	static Map<String, Object> area(BesiegedArea a) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("id", a.id());
		v.put("name", a.name());
		v.put("status", a.status());
		v.put("population", a.population());
		v.put("asOf", a.asOf().toString());
		v.put("besiegers", a.besiegers());
		v.put("sourceNote", a.sourceNote());
		v.put("recordedAt", a.recordedAt());
		v.put("version", a.version());
		v.put("area", geometry(a.area()));
		return v;
	}

	/** RFC 7946 FeatureCollection of the areas, their fields as properties. */
	static Map<String, Object> areasCollection(List<BesiegedArea> areas) {
		List<Map<String, Object>> features = areas.stream().map(a -> {
			Map<String, Object> properties = area(a);
			JsonNode geometry = (JsonNode) properties.remove("area");
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("type", "Feature");
			f.put("id", a.id());
			f.put("geometry", geometry);
			f.put("properties", properties);
			return f;
		}).toList();
		return Map.of("type", "FeatureCollection", "features", features);
	}

	static Map<String, Object> restriction(MovementRestriction m) {
		Map<String, Object> v = new LinkedHashMap<>();
		v.put("id", m.id());
		v.put("kind", m.kind());
		v.put("delayMinutes", m.delayMinutes());
		v.put("place", m.place());
		v.put("at", m.at());
		v.put("restrictedBy", m.restrictedBy());
		v.put("patrol", m.patrol());
		v.put("conditions", m.conditions());
		v.put("recordedBy", m.recordedBy());
		v.put("recordedAt", m.recordedAt());
		v.put("report", m.reportId());
		return v;
	}

}
