package org.truce.ogc.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.0 description of {@code /ogc} ({@code GET /ogc/api}), after the building
 * blocks of OGC API – Features – Part 1: Core. Every schema, parameter and response is
 * written inline: the document has no {@code $ref} at all, so that a client (or the OGC's
 * test suite) reads it offline.
 */
final class OgcApiDescription {

	static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.0";

	private OgcApiDescription() {
	}

	static Map<String, Object> document(String serverUrl, List<String> collectionIds) {
		Map<String, Object> doc = new LinkedHashMap<>();
		doc.put("openapi", "3.0.3");
		doc.put("info",
				Map.of("title", "Truce – OGC API – Features", "version", "1.0.0", "description",
						"The reports, incidents, zones, mingled areas, control areas and notified places of this Truce"
								+ " instance, each cut to its reader as the REST API (/api) cuts it.",
						"license", Map.of("name", "Data: UCDP CC BY 4.0, OCHA COD-AB, GeoNames, Natural Earth")));
		doc.put("servers", List.of(Map.of("url", serverUrl)));
		Map<String, Object> paths = new LinkedHashMap<>();
		paths.put("/", get("getLandingPage", "The landing page", List.of(f()), ok("application/json", landingPage())));
		paths.put("/api", get("getApiDescription", "This API description", List.of(f()),
				ok(MEDIA_TYPE, Map.of("type", "object"))));
		paths.put("/conformance", get("getConformanceDeclaration", "The conformance classes this API implements",
				List.of(f()), ok("application/json", confClasses())));
		paths.put("/collections", get("getCollections", "The feature collections", List.of(f()),
				ok("application/json", collections(collectionIds))));
		paths.put("/collections/{collectionId}", get("describeCollection", "One feature collection",
				List.of(collectionId(collectionIds), f()), ok("application/json", collection(collectionIds))));
		paths.put("/collections/{collectionId}/items",
				get("getFeatures",
						"The features of a collection the reader may see, newest first where they have a time",
						List.of(collectionId(collectionIds), limit(), bbox(), datetime(), cursor(), f()),
						ok("application/geo+json", featureCollection())));
		paths.put("/collections/{collectionId}/items/{featureId}",
				get("getFeature", "One feature, as its reader may see it",
						List.of(collectionId(collectionIds), featureId(), f()), ok("application/geo+json", feature())));
		doc.put("paths", paths);
		return doc;
	}

	private static Map<String, Object> get(String id, String summary, List<Map<String, Object>> parameters,
			Map<String, Object> ok) {
		Map<String, Object> responses = new LinkedHashMap<>();
		responses.put("200", ok);
		responses.put("400", problem("A parameter is unknown, or its value is invalid (INVALID_QUERY names it)"));
		responses.put("404", problem("Nothing is found here"));
		responses.put("406", problem("No encoding asked for is offered"));
		responses.put("500", problem("A server error"));
		Map<String, Object> operation = new LinkedHashMap<>();
		operation.put("operationId", id);
		operation.put("summary", summary);
		operation.put("parameters", parameters);
		operation.put("responses", responses);
		return Map.of("get", operation);
	}

	private static Map<String, Object> ok(String mediaType, Map<String, Object> schema) {
		Map<String, Object> content = new LinkedHashMap<>();
		content.put(mediaType, Map.of("schema", schema));
		content.put("text/html", Map.of("schema", Map.of("type", "string")));
		return Map.of("description", "The answer, in the encoding asked for (f, or Accept)", "content", content);
	}

	private static Map<String, Object> problem(String description) {
		Map<String, Object> schema = object(List.of("type", "title", "status"),
				Map.of("type", string(), "title", string(), "status", Map.of("type", "integer"), "detail", string(),
						"instance", string(), "code", string()));
		return Map.of("description", description, "content",
				Map.of("application/problem+json", Map.of("schema", schema)));
	}

	private static Map<String, Object> f() {
		return parameter("f", "query", false,
				"The encoding: json or html; without it, as Accept asks (json by default)",
				Map.of("type", "string", "enum", List.of("json", "html")));
	}

	private static Map<String, Object> collectionId(List<String> ids) {
		return parameter("collectionId", "path", true, "The id of a collection", Map.of("type", "string", "enum", ids));
	}

	private static Map<String, Object> featureId() {
		return parameter("featureId", "path", true, "The id of a feature", string());
	}

	private static Map<String, Object> limit() {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "integer");
		schema.put("minimum", 1);
		schema.put("maximum", OgcQuery.MAX_LIMIT);
		schema.put("default", OgcQuery.DEFAULT_LIMIT);
		Map<String, Object> p = parameter("limit", "query", false,
				"How many features at most: 1 to 10,000 (default 10); a value outside is refused (400)", schema);
		p.put("style", "form");
		p.put("explode", false);
		return p;
	}

	private static Map<String, Object> bbox() {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "array");
		schema.put("minItems", 4);
		schema.put("maxItems", 4);
		schema.put("items", Map.of("type", "number"));
		Map<String, Object> p = parameter("bbox", "query", false,
				"Features whose geometry meets this box: west,south,east,north in degrees (CRS84); west greater"
						+ " than east crosses the antimeridian",
				schema);
		p.put("style", "form");
		p.put("explode", false);
		return p;
	}

	private static Map<String, Object> datetime() {
		Map<String, Object> p = parameter("datetime", "query", false,
				"Features whose time meets this instant or interval (RFC 3339; an interval's open end is ..)",
				string());
		p.put("style", "form");
		p.put("explode", false);
		return p;
	}

	private static Map<String, Object> cursor() {
		return parameter("cursor", "query", false, "Where a page starts: follow the next link, which carries it",
				string());
	}

	private static Map<String, Object> parameter(String name, String in, boolean required, String description,
			Map<String, Object> schema) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", name);
		p.put("in", in);
		p.put("required", required);
		p.put("description", description);
		p.put("schema", schema);
		return p;
	}

	private static Map<String, Object> string() {
		return Map.of("type", "string");
	}

	private static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
		Map<String, Object> o = new LinkedHashMap<>();
		o.put("type", "object");
		if (!required.isEmpty()) {
			o.put("required", required);
		}
		o.put("properties", properties);
		return o;
	}

	private static Map<String, Object> links() {
		Map<String, Object> link = object(List.of("href"), Map.of("href", string(), "rel", string(), "type", string(),
				"hreflang", string(), "title", string(), "length", Map.of("type", "integer")));
		return Map.of("type", "array", "items", link);
	}

	private static Map<String, Object> landingPage() {
		return object(List.of("links"), Map.of("title", string(), "description", string(), "links", links()));
	}

	private static Map<String, Object> confClasses() {
		return object(List.of("conformsTo"), Map.of("conformsTo", Map.of("type", "array", "items", string())));
	}

	private static Map<String, Object> collection(List<String> ids) {
		Map<String, Object> extent = object(List.of(),
				Map.of("spatial",
						object(List.of(),
								Map.of("bbox",
										Map.of("type", "array", "minItems", 1, "items",
												Map.of("type", "array", "minItems", 4, "maxItems", 6, "items",
														Map.of("type", "number"))),
										"crs", string())),
						"temporal",
						object(List.of(),
								Map.of("interval", Map.of("type", "array", "minItems", 1, "items",
										Map.of("type", "array", "minItems", 2, "maxItems", 2, "items",
												Map.of("type", "string", "format", "date-time", "nullable", true))),
										"trs", string()))));
		return object(List.of("id", "links"),
				Map.of("id", Map.of("type", "string", "enum", ids), "title", string(), "description", string(), "links",
						links(), "extent", extent, "itemType", string(), "crs",
						Map.of("type", "array", "items", string())));
	}

	private static Map<String, Object> collections(List<String> ids) {
		return object(List.of("links", "collections"),
				Map.of("links", links(), "collections", Map.of("type", "array", "items", collection(ids))));
	}

	private static Map<String, Object> geometry() {
		Map<String, Object> g = object(List.of("type"), Map.of("type",
				Map.of("type", "string", "enum",
						List.of("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
								"GeometryCollection")),
				"coordinates", Map.of("type", "array", "items", Map.of()), "geometries",
				Map.of("type", "array", "items", Map.of("type", "object"))));
		g.put("nullable", true);
		return g;
	}

	private static Map<String, Object> feature() {
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("type", "object"));
		properties.put("nullable", true);
		return object(List.of("type", "geometry", "properties"),
				Map.of("type", Map.of("type", "string", "enum", List.of("Feature")), "id", string(), "geometry",
						geometry(), "properties", properties, "links", links()));
	}

	private static Map<String, Object> featureCollection() {
		return object(List.of("type", "features"),
				Map.of("type", Map.of("type", "string", "enum", List.of("FeatureCollection")), "features",
						Map.of("type", "array", "items", feature()), "links", links(), "timeStamp",
						Map.of("type", "string", "format", "date-time"), "numberMatched",
						Map.of("type", "integer", "minimum", 0), "numberReturned",
						Map.of("type", "integer", "minimum", 0)));
	}

}
