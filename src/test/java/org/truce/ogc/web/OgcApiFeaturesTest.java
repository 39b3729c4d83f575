package org.truce.ogc.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OGC API – Features at {@code /ogc}, walked as its abstract tests (OGC 17-069r4, Core,
 * GeoJSON, HTML, OpenAPI 3.0) walk it: the landing page and its links, the conformance
 * declaration, the API description (OpenAPI 3.0, with no reference at all), every
 * collection, its items as GeoJSON with their counts and links, each feature by its id,
 * paging by next links, bbox, datetime and limit, refusals of bad and unknown parameters,
 * and the HTML encoding; and what the public gets does not move when a report it may not
 * see is added. The OGC's own suite (ets-ogcapi-features10) is not on Maven Central, so
 * it cannot run here (docs/ogc.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OgcApiFeaturesTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AGREEMENT = "aleppo-pause-2016-10";

	private static final Source TEAM = new Source("ogc-team", "Joint monitoring team", SourceKind.MONITOR,
			Reliability.B);

	private RunningTruce truce;

	private final HttpClient client = HttpClient.newHttpClient();

	private String monitorToken;

	/** The reports stored, the first three published. */
	private final List<String> reports = new ArrayList<>();

	@BeforeAll
	void start() {
		this.truce = RunningTruce.sqlite(true);
		AgreementFixture.load(this.truce, AGREEMENT);
		this.truce.bean(Sources.class).save(TEAM);
		this.reports.add(submit("2016-09-20", 36.20, 37.15));
		this.reports.add(submit("2016-09-25", 36.30, 37.20));
		this.reports.add(submit("2016-10-05", 35.93, 36.63));
		this.reports.add(submit("2016-10-10", 36.21, 37.16));
		this.reports.add(submit("2016-10-15", 33.51, 36.29));
		this.truce.bean(PublishingReports.class)
			.publish(this.reports.subList(0, 3).stream().map(UUID::fromString).toList(), "test");
		this.monitorToken = this.truce.token("monitor");
	}

	@AfterAll
	void stop() throws Exception {
		this.truce.close();
	}

	private String submit(String day, double lat, double lon) {
		return this.truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("armed_clash", new ReportDraft.When(day + "T10:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(lat, lon, "EXACT", null, null, "Aleppo", null), null, null, null,
					"Fighting on " + day + ".", TEAM.id(), "OGC-" + day, null), Submitter.record("test"), null,
					"digest-" + day)
			.report()
			.id()
			.toString();
	}

	@Test
	void theLandingPageLinksToTheApiDescriptionTheConformanceClassesAndTheCollections() {
		Answer landing = get("/ogc", null);
		assertThat(landing.status()).isEqualTo(200);
		assertThat(landing.type()).startsWith("application/json");
		JsonNode links = landing.json().get("links");
		assertThat(rels(links)).contains("self", "alternate", "service-desc", "service-doc", "conformance", "data");

		Answer api = follow(links, "service-desc");
		assertThat(api.type()).isEqualTo("application/vnd.oai.openapi+json;version=3.0");
		assertThat(api.json().get("openapi").asString()).startsWith("3.0.");
		assertThat(api.body()).as("no reference, remote or local").doesNotContain("$ref");
		JsonNode paths = api.json().get("paths");
		assertThat(paths.propertyNames()).contains("/", "/conformance", "/collections", "/collections/{collectionId}",
				"/collections/{collectionId}/items", "/collections/{collectionId}/items/{featureId}");
		JsonNode limit = null;
		for (JsonNode p : paths.get("/collections/{collectionId}/items").get("get").get("parameters")) {
			if (p.get("name").asString().equals("limit")) {
				limit = p.get("schema");
			}
		}
		assertThat(limit).isNotNull();
		assertThat(limit.get("minimum").asInt()).isEqualTo(1);
		assertThat(limit.get("maximum").asInt()).isEqualTo(10_000);
		assertThat(limit.get("default").asInt()).isEqualTo(10);
		assertThat(api.json().get("servers").get(0).get("url").asString())
			.isEqualTo(this.truce.baseUri().resolve("/ogc").toString());
		assertThat(follow(links, "service-doc").type()).startsWith("text/html");

		List<String> classes = new ArrayList<>();
		follow(links, "conformance").json().get("conformsTo").forEach(c -> classes.add(c.asString()));
		assertThat(classes).containsExactlyInAnyOrder("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
				"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
		assertThat(follow(links, "data").json().get("collections").size()).isEqualTo(6);
	}

	@Test
	void everyCollectionAnswersItsItemsAsGeoJsonAndEachFeatureByItsId() {
		JsonNode collections = get("/ogc/collections", this.monitorToken).json();
		List<String> ids = new ArrayList<>();
		collections.get("collections").forEach(c -> ids.add(c.get("id").asString()));
		assertThat(ids).containsExactly("reports", "incidents", "zones-" + AGREEMENT, "mingled-" + AGREEMENT,
				"control-areas", "notified-places");
		for (JsonNode c : collections.get("collections")) {
			String id = c.get("id").asString();
			assertThat(c.get("extent").get("spatial").get("bbox").get(0).size()).isEqualTo(4);
			Answer one = get("/ogc/collections/" + id, this.monitorToken);
			assertThat(one.json().get("id").asString()).isEqualTo(id);
			Answer items = follow(one.json().get("links"), "items", "application/geo+json", this.monitorToken);
			assertThat(items.status()).as(id).isEqualTo(200);
			assertThat(items.type()).as(id).startsWith("application/geo+json");
			JsonNode fc = items.json();
			assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
			assertThat(fc.get("numberReturned").asInt()).isEqualTo(fc.get("features").size());
			assertThat(fc.get("timeStamp").asString()).isNotBlank();
			assertThat(rels(fc.get("links"))).contains("self", "alternate");
			for (JsonNode f : fc.get("features")) {
				Answer feature = get("/ogc/collections/" + id + "/items/" + f.get("id").asString(), this.monitorToken);
				assertThat(feature.status()).as(id).isEqualTo(200);
				assertThat(feature.type()).startsWith("application/geo+json");
				assertThat(feature.json().get("type").asString()).isEqualTo("Feature");
				assertThat(feature.json().get("id").asString()).isEqualTo(f.get("id").asString());
				assertThat(feature.json().get("geometry")).isEqualTo(f.get("geometry"));
				assertThat(rels(feature.json().get("links"))).contains("self", "alternate", "collection");
			}
		}
		assertThat(
				get("/ogc/collections/reports/items?limit=100", this.monitorToken).json().get("numberReturned").asInt())
			.isEqualTo(5);
		assertThat(get("/ogc/collections/zones-" + AGREEMENT + "/items", null).json().get("numberReturned").asInt())
			.isPositive();
		assertThat(get("/ogc/collections/control-areas/items", null).json().get("numberMatched").asInt()).isPositive();
		JsonNode report = get("/ogc/collections/reports/items/" + this.reports.get(0), null).json();
		assertThat(report.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(37.15);
		assertThat(report.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(36.20);
		assertThat(report.get("properties").get("narrative").asString()).isEqualTo("Fighting on 2016-09-20.");

		assertThat(get("/ogc/collections/nowhere", null).status()).isEqualTo(404);
		assertThat(get("/ogc/collections/nowhere/items", null).status()).isEqualTo(404);
		Answer unpublished = get("/ogc/collections/reports/items/" + this.reports.get(4), null);
		assertThat(unpublished.status()).isEqualTo(404);
		assertThat(unpublished.type()).startsWith("application/problem+json");
		assertThat(unpublished.body()).isEqualTo(get("/ogc/collections/reports/items/" + UUID.randomUUID(), null).body()
			.replaceAll("[0-9a-f-]{36}", this.reports.get(4)));
	}

	@Test
	void nextLinksWalkEveryFeatureOnceAndNoMore() {
		for (String token : new String[] { this.monitorToken, null }) {
			List<String> seen = new ArrayList<>();
			String url = "/ogc/collections/reports/items?limit=2";
			int pages = 0;
			while (url != null) {
				JsonNode page = get(url, token).json();
				assertThat(page.get("numberReturned").asInt()).isLessThanOrEqualTo(2);
				page.get("features").forEach(f -> seen.add(f.get("id").asString()));
				url = href(page.get("links"), "next");
				pages++;
			}
			List<String> expected = token == null ? this.reports.subList(0, 3) : this.reports;
			assertThat(seen).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(pages).isEqualTo((expected.size() + 1) / 2);
		}
		JsonNode first = get("/ogc/collections/control-areas/items?limit=1", null).json();
		int matched = first.get("numberMatched").asInt();
		Set<String> areas = new HashSet<>();
		String url = "/ogc/collections/control-areas/items?limit=1";
		String previousSelf = null;
		while (url != null) {
			JsonNode page = get(url, null).json();
			areas.add(page.get("features").get(0).get("id").asString());
			if (previousSelf != null) {
				assertThat(get(href(page.get("links"), "prev"), null).json().get("features").get(0).get("id"))
					.isEqualTo(get(previousSelf, null).json().get("features").get(0).get("id"));
			}
			previousSelf = href(page.get("links"), "self");
			url = href(page.get("links"), "next");
		}
		assertThat(areas).hasSize(matched);
	}

	@Test
	void bboxAndDatetimeKeepTheFeaturesTheyMeet() {
		assertThat(ids("/ogc/collections/reports/items?bbox=37.1,36.1,37.18,36.25"))
			.containsExactlyInAnyOrder(this.reports.get(0), this.reports.get(3));
		assertThat(ids("/ogc/collections/reports/items?datetime=2016-09-20T07:00:00Z"))
			.containsExactly(this.reports.get(0));
		assertThat(ids("/ogc/collections/reports/items?datetime=../2016-10-01T00:00:00Z"))
			.containsExactlyInAnyOrder(this.reports.get(0), this.reports.get(1));
		assertThat(ids("/ogc/collections/reports/items?datetime=2016-10-01T00:00:00Z/"))
			.containsExactlyInAnyOrder(this.reports.get(2), this.reports.get(3), this.reports.get(4))
			.containsExactlyInAnyOrderElementsOf(
					ids("/ogc/collections/reports/items?datetime=2016-10-01T00:00:00Z/.."));
		assertThat(ids("/ogc/collections/reports/items?datetime=2016-09-24T00:00:00Z/2016-10-06T00:00:00Z"))
			.containsExactlyInAnyOrder(this.reports.get(1), this.reports.get(2));
		// Across the antimeridian: from 30° E eastwards round to 29° W holds Syria; from
		// 170° E to
		// 170° W does not.
		assertThat(ids("/ogc/collections/reports/items?bbox=30,30,-29,40")).hasSize(5);
		assertThat(ids("/ogc/collections/reports/items?bbox=170,30,-170,40")).isEmpty();
		assertThat(ids("/ogc/collections/control-areas/items?limit=10000&bbox=170,30,-170,40")).isEmpty();
		assertThat(get("/ogc/collections/reports/items?limit=10000", null).status()).isEqualTo(200);
	}

	@Test
	void badAndUnknownParametersAre400ProblemsNamingTheParameter() {
		String items = "/ogc/collections/reports/items";
		String[][] cases = { { items + "?colour=red", "colour" }, { items + "?bbox=1,2,3", "bbox" },
				{ items + "?bbox=a,b,c,d", "bbox" }, { items + "?bbox=0,10,1,5", "bbox" },
				{ items + "?bbox=0,0,200,1", "bbox" }, { items + "?bbox=1,2,3,4,5,6", "bbox" },
				{ items + "?datetime=yesterday", "datetime" }, { items + "?datetime=../..", "datetime" },
				{ items + "?datetime=2016-10-02T00:00:00Z/2016-10-01T00:00:00Z", "datetime" },
				{ items + "?datetime=2016-10-01", "datetime" }, { items + "?limit=0", "limit" },
				{ items + "?limit=10001", "limit" }, { items + "?limit=ten", "limit" },
				{ items + "?limit=1&limit=2", "limit" }, { items + "?f=xml", "f" }, { "/ogc?service=WFS", "service" },
				{ "/ogc/collections?bbox=1,2,3,4", "bbox" }, { "/ogc/conformance?x=1", "x" },
				{ "/ogc/collections/reports/items/" + this.reports.get(0) + "?limit=1", "limit" } };
		for (String[] c : cases) {
			Answer answer = get(c[0], null);
			assertThat(answer.status()).as(c[0]).isEqualTo(400);
			assertThat(answer.type()).as(c[0]).startsWith("application/problem+json");
			assertThat(answer.json().get("code").asString()).as(c[0]).isEqualTo("INVALID_QUERY");
			assertThat(answer.json().get("field").asString()).as(c[0]).isEqualTo(c[1]);
		}
		Answer cursor = get(items + "?cursor=not-ours", null);
		assertThat(cursor.status()).isEqualTo(400);
		assertThat(cursor.json().get("code").asString()).isEqualTo("INVALID_CURSOR");
		assertThat(get("/ogc/collections/control-areas/items?cursor=bm90LW91cnM", null).json().get("code").asString())
			.isEqualTo("INVALID_CURSOR");
	}

	/** Last: it adds a report the other tests do not expect. */
	@Test
	@Order(Integer.MAX_VALUE)
	void aReportThePublicMayNotSeeMovesNothingThePublicGets() {
		List<String> urls = List.of("/ogc/collections/reports/items?limit=2",
				"/ogc/collections/reports/items?limit=1000", "/ogc/collections/reports/items?limit=2&f=html",
				"/ogc/collections/reports/items?bbox=37,36,38,37", "/ogc/collections", "/ogc/collections/reports");
		List<String> before = new ArrayList<>();
		for (String url : urls) {
			before.add(stable(get(url, null).body()));
			String next = url.contains("f=html") ? null : nextOf(get(url, null).body());
			before.add(next == null ? "" : stable(get(next, null).body()));
		}
		int staffBefore = get("/ogc/collections/reports/items?limit=1000", this.monitorToken).json()
			.get("numberReturned")
			.asInt();
		submit("2016-09-30", 36.22, 37.17);
		assertThat(get("/ogc/collections/reports/items?limit=1000", this.monitorToken).json()
			.get("numberReturned")
			.asInt()).isEqualTo(staffBefore + 1);
		List<String> after = new ArrayList<>();
		for (String url : urls) {
			after.add(stable(get(url, null).body()));
			String next = url.contains("f=html") ? null : nextOf(get(url, null).body());
			after.add(next == null ? "" : stable(get(next, null).body()));
		}
		assertThat(after).isEqualTo(before);
	}

	@Test
	void htmlIsGivenForFHtmlOrAnAcceptThatPrefersItAndSpeaksTheReadersLanguage() {
		Answer page = get("/ogc/collections/reports/items?f=html&limit=2", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.type()).startsWith("text/html");
		assertThat(page.body()).contains("Reports", this.reports.get(0).substring(0, 8), "Next page", "/css/truce.css");
		assertThat(send("/ogc/collections", null, "text/html,application/xhtml+xml,*/*;q=0.8", null).type())
			.startsWith("text/html");
		assertThat(send("/ogc/collections", null, "application/json", null).type()).startsWith("application/json");
		assertThat(send("/ogc/collections", null, "application/geo+json, application/json;q=0.9, text/html;q=0.5", null)
			.type()).startsWith("application/json");
		assertThat(send("/ogc/collections?f=json", null, "text/html", null).type()).startsWith("application/json");
		assertThat(send("/ogc/collections?f=html", null, "text/html", "ar").body()).contains("المجموعات");
		assertThat(send("/ogc/collections?f=html", null, "text/html", "ru").body()).contains("Коллекции");
		assertThat(get("/ogc/collections/reports/items/" + this.reports.get(0) + "?f=html", null).body())
			.contains("narrative", "Fighting on 2016-09-20.");
		assertThat(get("/ogc?f=html", null).body()).contains("service-desc", "/ogc/api");
	}

	// ------------------------------------------------------------------ helpers

	private static String stable(String body) {
		return body.replaceAll("\"timeStamp\":\"[^\"]*\"", "");
	}

	private static String nextOf(String body) {
		try {
			return href(JSON.readTree(body).get("links"), "next");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private List<String> ids(String url) {
		List<String> ids = new ArrayList<>();
		get(url, this.monitorToken).json().get("features").forEach(f -> ids.add(f.get("id").asString()));
		return ids;
	}

	private static List<String> rels(JsonNode links) {
		List<String> rels = new ArrayList<>();
		links.forEach(l -> rels.add(l.get("rel").asString()));
		return rels;
	}

	private static String href(JsonNode links, String rel) {
		for (JsonNode l : links) {
			if (l.get("rel").asString().equals(rel)) {
				return l.get("href").asString();
			}
		}
		return null;
	}

	private Answer follow(JsonNode links, String rel) {
		return get(href(links, rel), null);
	}

	private Answer follow(JsonNode links, String rel, String type, String token) {
		for (JsonNode l : links) {
			if (l.get("rel").asString().equals(rel) && l.get("type").asString().equals(type)) {
				return get(l.get("href").asString(), token);
			}
		}
		throw new AssertionError("no link " + rel + " of type " + type + " in " + links);
	}

	private Answer get(String url, String token) {
		return send(url, token, null, null);
	}

	private Answer send(String url, String token, String accept, String language) {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.truce.baseUri().resolve(url)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		if (language != null) {
			request.header("Accept-Language", language);
		}
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	record Answer(int status, String type, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
