package org.truce.deconfliction.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.PositionRecord;
import org.truce.geo.model.GeoJsonShape;

/**
 * Declared positions as a GeoJSON FeatureCollection (RFC 7946, {@code [longitude,
 * latitude]}), for the maps. Only ever built from the positions the reader may read.
 */
final class PositionFeatures {

	private PositionFeatures() {
	}

	/**
	 * One feature per position not withdrawn; properties: id, side, label, from, to.
	 */
	static Map<String, Object> collection(List<PositionRecord> positions) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (PositionRecord r : positions) {
			DeclaredPosition p = r.position();
			if (p.withdrawnAt() != null) {
				continue;
			}
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", p.id().toString());
			properties.put("side", p.side());
			properties.put("label", p.label());
			properties.put("from", p.from().toString());
			properties.put("to", p.to().toString());
			Map<String, Object> f = new LinkedHashMap<>();
			f.put("type", "Feature");
			f.put("id", p.id().toString());
			f.put("geometry", GeoJsonShape.of(p.area()));
			f.put("properties", properties);
			features.add(f);
		}
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("features", features);
		return collection;
	}

}
