package org.truce.ogc.web;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.truce.geo.model.GeoJsonShape;
import org.truce.identity.model.Viewer;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.QueryParameters;

/**
 * OGC API – Features – Part 1: Core at {@code /ogc}, in GeoJSON and HTML, described in
 * OpenAPI 3.0 at {@code /ogc/api} (docs/ogc.md). The encoding is {@code f=json} or
 * {@code f=html}, or else what Accept prefers (JSON by default). Each collection is cut
 * to the request's reader by {@link OgcFeatures}; the API's own description is at
 * {@code /ogc/api}, not in {@code /v3/api-docs}.
 */
@Hidden
@Controller
class OgcController {

	static final String CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core";

	static final List<String> CONFORMANCE = List.of(CORE,
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
			"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");

	private static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

	private static final String JSON_TYPE = "application/json";

	private static final String GEOJSON_TYPE = "application/geo+json";

	private static final String HTML_TYPE = "text/html";

	private final OgcFeatures features;

	private final JsonMapper json;

	private final MessageSource messages;

	OgcController(OgcFeatures features, JsonMapper json, MessageSource messages) {
		this.features = features;
		this.json = json;
		this.messages = messages;
	}

	/** A link of a JSON answer, and of an HTML page. */
	record Link(String href, String rel, String type, String title) {

	}

	/** A row of a page's table: what it links to, its name, and a detail. */
	record Row(String href, String name, String detail) {

	}

	/** A page of the HTML encoding. */
	record OgcPage(String title, String description, List<Link> links, String rowsHeading, List<Row> rows,
			List<Row> properties, Long numberMatched, Integer numberReturned) {

	}

	@GetMapping("/ogc")
	ModelAndView landing(HttpServletRequest request, HttpServletResponse response) throws IOException {
		OgcQuery.onlyKnown(request.getParameterMap(), OgcQuery.PAGE);
		boolean html = html(request);
		String base = base();
		List<Link> links = new ArrayList<>(self(base, "", html));
		links.add(new Link(base + "/api", "service-desc", OgcApiDescription.MEDIA_TYPE, text("ogc.api")));
		links.add(new Link(base + "/api?f=html", "service-doc", HTML_TYPE, text("ogc.api")));
		links.add(new Link(base + "/conformance", "conformance", JSON_TYPE, text("ogc.conformance")));
		links.add(new Link(base + "/collections", "data", JSON_TYPE, text("ogc.collections")));
		if (html) {
			return page(new OgcPage(text("ogc.title"), text("ogc.description"), links, null, List.of(), List.of(), null,
					null));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", text("ogc.title"));
		body.put("description", text("ogc.description"));
		body.put("links", links);
		return write(response, JSON_TYPE, body);
	}

	@GetMapping("/ogc/api")
	ModelAndView api(HttpServletRequest request, HttpServletResponse response) throws IOException {
		OgcQuery.onlyKnown(request.getParameterMap(), OgcQuery.PAGE);
		Map<String, Object> document = OgcApiDescription.document(base(), ids());
		if (html(request)) {
			List<Row> rows = new ArrayList<>();
			@SuppressWarnings("unchecked")
			Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) document
				.get("paths");
			paths.forEach((path, operations) -> rows
				.add(new Row(null, "GET " + path, String.valueOf(operations.get("get").get("summary")))));
			return page(new OgcPage(text("ogc.api"), text("ogc.api.description"),
					List.of(new Link(base() + "/api", "alternate", OgcApiDescription.MEDIA_TYPE, "OpenAPI 3.0")),
					"ogc.paths", rows, List.of(), null, null));
		}
		return write(response, OgcApiDescription.MEDIA_TYPE, document);
	}

	@GetMapping("/ogc/conformance")
	ModelAndView conformance(HttpServletRequest request, HttpServletResponse response) throws IOException {
		OgcQuery.onlyKnown(request.getParameterMap(), OgcQuery.PAGE);
		boolean html = html(request);
		List<Link> links = self(base(), "/conformance", html);
		if (html) {
			return page(new OgcPage(text("ogc.conformance"), null, links, "ogc.conformance.classes",
					CONFORMANCE.stream().map(c -> new Row(c, c, null)).toList(), List.of(), null, null));
		}
		return write(response, JSON_TYPE, Map.of("links", links, "conformsTo", CONFORMANCE));
	}

	@GetMapping("/ogc/collections")
	ModelAndView collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
		OgcQuery.onlyKnown(request.getParameterMap(), OgcQuery.PAGE);
		boolean html = html(request);
		String base = base();
		List<OgcFeatures.Collection> all = this.features.collections();
		List<Link> links = self(base, "/collections", html);
		if (html) {
			List<Row> rows = all.stream()
				.map(c -> new Row(base + "/collections/" + c.id() + "?f=html", title(c), description(c)))
				.toList();
			return page(
					new OgcPage(text("ogc.collections"), null, links, "ogc.collections", rows, List.of(), null, null));
		}
		return write(response, JSON_TYPE,
				Map.of("links", links, "collections", all.stream().map(c -> collectionJson(base, c)).toList()));
	}

	@GetMapping("/ogc/collections/{collectionId}")
	ModelAndView collection(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		OgcQuery.onlyKnown(request.getParameterMap(), OgcQuery.PAGE);
		boolean html = html(request);
		OgcFeatures.Collection c = find(collectionId);
		Map<String, Object> body = collectionJson(base(), c);
		if (html) {
			@SuppressWarnings("unchecked")
			List<Link> links = (List<Link>) body.get("links");
			return page(new OgcPage(title(c), description(c), links, null, List.of(), List.of(), null, null));
		}
		return write(response, JSON_TYPE, body);
	}

	@GetMapping("/ogc/collections/{collectionId}/items")
	ModelAndView items(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response,
			Viewer viewer) throws IOException {
		OgcQuery query = OgcQuery.parse(request.getParameterMap());
		boolean html = html(request);
		OgcFeatures.Collection c = find(collectionId);
		OgcFeatures.Page page = this.features.items(c, query, viewer);
		String base = base();
		String path = "/collections/" + c.id() + "/items";
		List<Link> links = new ArrayList<>();
		links.add(new Link(itemsUrl(base, path, query, query.cursor(), html ? "html" : "json"), "self",
				html ? HTML_TYPE : GEOJSON_TYPE, text("ogc.this-page")));
		links.add(new Link(itemsUrl(base, path, query, query.cursor(), html ? "json" : "html"), "alternate",
				html ? GEOJSON_TYPE : HTML_TYPE, text("ogc.this-page")));
		String f = html ? "html" : "json";
		String type = html ? HTML_TYPE : GEOJSON_TYPE;
		if (page.next() != null) {
			links.add(new Link(itemsUrl(base, path, query, page.next(), f), "next", type, text("ogc.next")));
		}
		if (page.offset() > 0) {
			int previous = Math.max(0, page.offset() - query.limit());
			links.add(new Link(itemsUrl(base, path, query, previous == 0 ? null : OgcQuery.offsetCursor(previous), f),
					"prev", type, text("ogc.prev")));
		}
		links.add(new Link(base + "/collections/" + c.id(), "collection", JSON_TYPE, title(c)));
		if (html) {
			List<Row> rows = page.features()
				.stream()
				.map(ft -> new Row(base + path + "/" + ft.id() + "?f=html", ft.id(), summary(ft)))
				.toList();
			return page(new OgcPage(title(c), description(c), links, "ogc.features", rows, List.of(), page.matched(),
					page.features().size()));
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "FeatureCollection");
		body.put("features", page.features().stream().map(ft -> featureJson(ft, null)).toList());
		body.put("links", links);
		body.put("timeStamp", Instant.now().toString());
		if (page.matched() != null) {
			body.put("numberMatched", page.matched());
		}
		body.put("numberReturned", page.features().size());
		return write(response, GEOJSON_TYPE, body);
	}

	@GetMapping("/ogc/collections/{collectionId}/items/{featureId}")
	ModelAndView item(@PathVariable String collectionId, @PathVariable String featureId, HttpServletRequest request,
			HttpServletResponse response, Viewer viewer) throws IOException {
		OgcQuery.onlyKnown(request.getParameterMap(), OgcQuery.PAGE);
		boolean html = html(request);
		OgcFeatures.Collection c = find(collectionId);
		String path = "/ogc/collections/" + c.id() + "/items/" + featureId;
		OgcFeatures.Feature ft = this.features.item(c, featureId, viewer)
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "featureId", path)));
		String base = base();
		List<Link> links = new ArrayList<>(self(base, "/collections/" + c.id() + "/items/" + ft.id(), html));
		links.add(new Link(base + "/collections/" + c.id(), "collection", JSON_TYPE, title(c)));
		if (html) {
			List<Row> properties = new ArrayList<>();
			ft.properties().forEach((k, v) -> properties.add(new Row(null, k, v == null ? "" : jsonText(v))));
			properties
				.add(new Row(null, "geometry", ft.geometry() == null ? "" : jsonText(GeoJsonShape.of(ft.geometry()))));
			return page(new OgcPage(ft.id(), title(c), links, null, List.of(), properties, null, null));
		}
		return write(response, GEOJSON_TYPE, featureJson(ft, links));
	}

	private OgcFeatures.Collection find(String collectionId) {
		return this.features.collection(collectionId)
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "collectionId", "/ogc/collections/" + collectionId)));
	}

	private List<String> ids() {
		return this.features.collections().stream().map(OgcFeatures.Collection::id).toList();
	}

	private Map<String, Object> collectionJson(String base, OgcFeatures.Collection c) {
		String at = base + "/collections/" + c.id();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", c.id());
		m.put("title", title(c));
		m.put("description", description(c));
		m.put("links",
				List.of(new Link(at, "self", JSON_TYPE, title(c)),
						new Link(at + "?f=html", "alternate", HTML_TYPE, title(c)),
						new Link(at + "/items", "items", GEOJSON_TYPE, title(c)),
						new Link(at + "/items?f=html", "items", HTML_TYPE, title(c))));
		Map<String, Object> temporal = new LinkedHashMap<>();
		List<Object> open = new ArrayList<>();
		open.add(null);
		open.add(null);
		temporal.put("interval", List.of(open));
		temporal.put("trs", "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian");
		m.put("extent", Map.of("spatial", Map.of("bbox", List.of(List.of(-180, -90, 180, 90)), "crs", CRS84),
				"temporal", temporal));
		m.put("itemType", "feature");
		m.put("crs", List.of(CRS84));
		return m;
	}

	private static Map<String, Object> featureJson(OgcFeatures.Feature ft, List<Link> links) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", "Feature");
		m.put("id", ft.id());
		m.put("geometry", ft.geometry() == null ? null : GeoJsonShape.of(ft.geometry()));
		m.put("properties", ft.properties());
		if (links != null) {
			m.put("links", links);
		}
		return m;
	}

	private static List<Link> self(String base, String path, boolean html) {
		String url = base + path;
		Link json = new Link(url + "?f=json", html ? "alternate" : "self", JSON_TYPE, "JSON");
		Link page = new Link(url + "?f=html", html ? "self" : "alternate", HTML_TYPE, "HTML");
		return html ? List.of(page, json) : List.of(json, page);
	}

	private static String itemsUrl(String base, String path, OgcQuery query, String cursor, String f) {
		UriComponentsBuilder b = UriComponentsBuilder.fromUriString(base + path);
		if (query.bbox() != null) {
			OgcQuery.Box box = query.bbox();
			b.queryParam("bbox", number(box.west()) + "," + number(box.south()) + "," + number(box.east()) + ","
					+ number(box.north()));
		}
		if (query.from() != null || query.to() != null) {
			b.queryParam("datetime",
					query.from() != null && query.from().equals(query.to()) ? query.from().toString()
							: (query.from() == null ? ".." : query.from().toString()) + "/"
									+ (query.to() == null ? ".." : query.to().toString()));
		}
		b.queryParam("limit", query.limit());
		if (cursor != null) {
			b.queryParam("cursor", cursor);
		}
		b.queryParam("f", f);
		return b.encode().build().toUriString();
	}

	private static String number(double d) {
		return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
	}

	/** This server's {@code /ogc}, as the request reached it. */
	private static String base() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
	}

	/**
	 * Whether the answer is HTML: {@code f=html}, or without {@code f}, an Accept that
	 * prefers {@code text/html} to JSON.
	 */
	static boolean html(HttpServletRequest request) {
		String f = request.getParameter("f");
		if (f != null) {
			return switch (f) {
				case "json" -> false;
				case "html" -> true;
				default -> throw QueryParameters.invalid("f", "ogcF");
			};
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null || accept.isBlank()) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		double bestHtml = -1;
		double bestJson = -1;
		for (MediaType t : types) {
			double q = t.getQualityValue();
			if (t.getType().equals("text") && t.getSubtype().equals("html")) {
				bestHtml = Math.max(bestHtml, q);
			}
			else if (t.getSubtype().equals("json") || t.getSubtype().endsWith("+json")) {
				bestJson = Math.max(bestJson, q);
			}
		}
		return bestHtml > 0 && bestHtml >= bestJson && (bestJson < 0 || firstOf(types));
	}

	/** Whether HTML is listed before JSON among types of equal weight. */
	private static boolean firstOf(List<MediaType> types) {
		for (MediaType t : types) {
			if (t.getType().equals("text") && t.getSubtype().equals("html")) {
				return true;
			}
			if (t.getSubtype().equals("json") || t.getSubtype().endsWith("+json")) {
				return false;
			}
		}
		return false;
	}

	private ModelAndView write(HttpServletResponse response, String type, Object body) throws IOException {
		response.setContentType(type.startsWith("application/vnd.oai") ? type : type + ";charset=UTF-8");
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		this.json.writeValue(response.getOutputStream(), body);
		return null;
	}

	private static ModelAndView page(OgcPage page) {
		ModelAndView mv = new ModelAndView("ogc/page");
		mv.addObject("ogc", page);
		return mv;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, locale());
	}

	private String title(OgcFeatures.Collection c) {
		return text(c.kind().messageKey() + ".title", c.agreementId());
	}

	private String description(OgcFeatures.Collection c) {
		return text(c.kind().messageKey() + ".description", c.agreementId());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	private String summary(OgcFeatures.Feature ft) {
		Object name = ft.properties().get("name");
		if (name == null) {
			name = ft.properties().get("eventType");
			if (name instanceof Map<?, ?> type && type.get("label") != null) {
				name = type.get("label");
			}
		}
		String when = ft.start() == null ? "" : ft.start().toString();
		return (name == null ? "" : name + " ") + when;
	}

	private String jsonText(Object value) {
		return value instanceof String s ? s : this.json.writeValueAsString(value);
	}

}
