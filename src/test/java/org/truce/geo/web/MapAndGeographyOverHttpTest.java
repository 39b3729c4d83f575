package org.truce.geo.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truce.geo.application.LoadingGeography;
import org.truce.identity.application.ManagingUsers;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.ReportDraft;
import org.truce.testing.RunningTruce;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The map's server side over real HTTP: base layers, report points, the report panel,
 * event types, places and boundaries. The reports are published, so the public reads the
 * map; the report panel is read by a monitor, who sees the source.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class MapAndGeographyOverHttpTest {

	@TempDir
	static Path data;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.data", () -> data.toString());
	}

	static UUID convoy;

	@LocalServerPort
	int port;

	@Autowired
	Sources sources;

	@Autowired
	SubmittingReport submitting;

	@Autowired
	LoadingGeography loading;

	@Autowired
	PublishingReports publishing;

	@Autowired
	ManagingUsers users;

	/** A monitor's API token, for what only those who see sources may read. */
	static String monitor;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeEach
	void seedOnce() {
		if (convoy != null) {
			return;
		}
		this.sources.save(MapFixture.monitors());
		convoy = submit(MapFixture.airstrikeOnTheUrumAlKubraConvoy());
		submit(MapFixture.airstrikeOnAlQudsHospital());
		submit(MapFixture.shellingNearDaraa());
		submit(MapFixture.clashesInPalmyra());
		submit(MapFixture.countryWideTotalFor2016());
		this.publishing.publishSource(MapFixture.SOURCE_ID, "test");
		monitor = RunningTruce.token(this.users, "monitor");
		this.loading.load(Syria2016.GEOGRAPHY);
	}

	private UUID submit(ReportDraft draft) {
		return this.submitting.submit(draft, org.truce.report.application.Submitter.record("test"), null, "test")
			.report()
			.id();
	}

	@Test
	void aBaseLayerIsServedAsCacheableGeoJson() throws Exception {
		HttpResponse<byte[]> response = get("/layers/syria-admin1.geojson");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying(v -> assertThat(v).contains("max-age=86400").contains("public"));
		assertThat(response.headers().firstValue("ETag")).hasValueSatisfying(v -> assertThat(v).startsWith("W/\""));
		assertThat(this.json.readTree(response.body()).path("features").size()).isEqualTo(14);
	}

	@Test
	void aBaseLayerIsNotSentAgainToAClientThatHasIt() throws Exception {
		String etag = get("/layers/neighbours.geojson").headers().firstValue("ETag").orElseThrow();

		HttpResponse<byte[]> again = send(request("/layers/neighbours.geojson").header("If-None-Match", etag));

		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
	}

	@Test
	void aBaseLayerIsCompressedForClientsThatAcceptGzip() throws Exception {
		HttpResponse<byte[]> response = send(request("/layers/syria-admin2.geojson").header("Accept-Encoding", "gzip"));

		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(response.body()))) {
			assertThat(this.json.readTree(in).path("features").size()).isEqualTo(62);
		}
	}

	@Test
	void anUnknownLayerIsAProblemNamingTheLayersThereAre() throws Exception {
		HttpResponse<byte[]> response = get("/layers/syria-admin7.geojson");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.path("code").asString()).isEqualTo("NOT_FOUND");
		assertThat(problem.path("detail").asString()).contains("syria-admin1", "neighbours");
	}

	@Test
	void eventTypesListEveryTypeWithItsCategory() throws Exception {
		JsonNode types = json("/api/event-types");

		assertThat(types.size()).isEqualTo(org.truce.report.model.EventType.values().length);
		JsonNode airstrike = find(types, "code", "air_drone_strike");
		assertThat(airstrike.path("label").asString()).isEqualTo("Air/drone strike");
		assertThat(airstrike.path("category").asString()).isEqualTo("Explosions/Remote violence");
		assertThat(airstrike.path("categoryCode").asString()).isEqualTo("explosions_remote_violence");
	}

	@Test
	void mapPointsLeaveOutCountryWideTotalsAndSaySo() throws Exception {
		JsonNode points = json("/api/map/reports");

		assertThat(points.path("type").asString()).isEqualTo("FeatureCollection");
		assertThat(points.path("shown").asInt()).isEqualTo(4);
		assertThat(points.path("features").size()).isEqualTo(4);
		assertThat(points.path("leftOut").path("countryAggregates").asInt()).isEqualTo(1);
		assertThat(points.path("leftOut").path("overLimit").asInt()).isZero();
		assertThat(points.path("note").asString()).startsWith("1 country-level aggregate is not mapped");
		assertThat(points.path("extent").path("from").asString()).isEqualTo("2016-01-01");
		assertThat(points.path("extent").path("to").asString()).isEqualTo("2016-12-31");
		JsonNode convoyPoint = find(points.path("features"), "id", convoy.toString());
		assertThat(convoyPoint.path("geometry").path("type").asString()).isEqualTo("Point");
		assertThat(convoyPoint.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(36.9469);
		assertThat(convoyPoint.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(36.1506);
		JsonNode p = convoyPoint.path("properties");
		assertThat(p.path("type").asString()).isEqualTo("air_drone_strike");
		assertThat(p.path("category").asString()).isEqualTo("explosions_remote_violence");
		assertThat(p.path("start").asString()).isEqualTo("2016-09-19");
		assertThat(p.path("timePrecision").asString()).isEqualTo("DAY");
		assertThat(p.path("locationPrecision").asString()).isEqualTo("EXACT");
		assertThat(p.path("uncertaintyM").asInt()).isEqualTo(2000);
	}

	@Test
	void mapPointsFollowTheTypeAndDateFilters() throws Exception {
		JsonNode airstrikes = json("/api/map/reports?type=air_drone_strike");
		assertThat(airstrikes.path("shown").asInt()).isEqualTo(2);
		assertThat(airstrikes.path("leftOut").path("countryAggregates").asInt()).isZero();

		JsonNode september = json("/api/map/reports?from=2016-09-01&to=2016-09-30");
		assertThat(ids(september)).containsExactly(convoy.toString());
		// The year-long total overlaps September too.
		assertThat(september.path("leftOut").path("countryAggregates").asInt()).isEqualTo(1);

		JsonNode march = json(
				"/api/map/reports?from=2016-03-01&to=2016-03-31&type=armed_clash,shelling_artillery_missile_attack");
		assertThat(march.path("shown").asInt()).isEqualTo(2);
	}

	@Test
	void aBadMapFilterIsAProblem() throws Exception {
		HttpResponse<byte[]> backwards = get("/api/map/reports?from=2016-12-01&to=2016-01-01");
		assertThat(backwards.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(backwards.body()).path("code").asString()).isEqualTo("INTERVAL_END_BEFORE_START");

		HttpResponse<byte[]> unknownType = get("/api/map/reports?type=ambush");
		assertThat(unknownType.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(unknownType.body()).path("code").asString()).isEqualTo("UNKNOWN_EVENT_TYPE");
	}

	@Test
	void theReportPanelShowsWhatAReaderNeedsToWeighTheReport() throws Exception {
		HttpResponse<byte[]> response = send(
				request("/reports/" + convoy + "/panel").header("Authorization", "Bearer " + monitor));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
		String html = text(response);
		assertThat(html).doesNotContain("<html").contains("data-report-id=\"" + convoy + "\"");
		assertThat(html).contains("Air/drone strike", "Explosions/Remote violence");
		// The day in Damascus (UTC+3) and the same span in UTC, both visible.
		assertThat(html).contains("19 Sep 2016 (Asia/Damascus) · 2016-09-18 21:00 – 2016-09-19 21:00 UTC",
				"(exact day)");
		assertThat(html).containsPattern(
				"\\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d Asia/Damascus \\(UTC\\+\\d\\) · \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC</dd>");
		assertThat(html).contains("Urum al-Kubra", "Jebel Saman, Aleppo", "36.15060° N, 36.94690° E");
		assertThat(html).contains("exact place", "<strong>2 km</strong>");
		assertThat(html).contains("Unidentified aircraft", "Syrian Arab Red Crescent", "not in the registry");
		assertThat(html).contains("<td>18</td>", "<td>20</td>", "<td>21</td>", "Civilians");
		assertThat(html).contains("Urum al-Kubra while unloading; warehouses and trucks burned.");
		assertThat(html).contains("Joint monitoring team", "reliability B (Usually reliable)", "JMT-2016-0919-01");
		assertThat(html).contains("ACTOR_UNRESOLVED",
				"The acting party&#39;s name matched no known actor; it is kept as reported.");
	}

	@Test
	void aReportThatDoesNotExistHasNoPanel() throws Exception {
		assertThat(get("/reports/" + UUID.randomUUID() + "/panel").statusCode()).isEqualTo(404);
		assertThat(get("/reports/not-a-uuid/panel").statusCode()).isEqualTo(404);
	}

	@Test
	void placesAreFoundByNameWhateverTheSpelling() throws Exception {
		JsonNode found = json("/api/places?q=" + URLEncoder.encode("Deir ez-Zor", StandardCharsets.UTF_8));

		JsonNode first = found.path("items").get(0);
		assertThat(first.path("name").asString()).isEqualTo("Deir-ez-Zor");
		assertThat(first.path("kind").asString()).isEqualTo("governorate");
		assertThat(first.path("admin1Pcode").asString()).isEqualTo("SY09");
		assertThat(json("/api/places?q=a").path("items").size()).isEqualTo(20);
	}

	@Test
	void aPlaceSearchWithoutANameIsAProblem() throws Exception {
		HttpResponse<byte[]> blank = get("/api/places?q=%20-");
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(blank.body()).path("code").asString()).isEqualTo("INVALID_QUERY");

		HttpResponse<byte[]> missing = get("/api/places");
		assertThat(missing.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(missing.body()).path("code").asString()).isEqualTo("FIELD_REQUIRED");
	}

	@Test
	void aBoundaryIsServedAsAGeoJsonFeatureAtFullPrecision() throws Exception {
		HttpResponse<byte[]> response = get("/api/boundaries/SY02");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/geo+json");
		JsonNode feature = this.json.readTree(response.body());
		assertThat(feature.path("type").asString()).isEqualTo("Feature");
		assertThat(feature.path("id").asString()).isEqualTo("SY02");
		assertThat(feature.path("properties").path("name").asString()).isEqualTo("Aleppo");
		assertThat(feature.path("properties").path("nameAr").asString()).isEqualTo("حلب");
		assertThat(feature.path("properties").path("layer").asString()).isEqualTo("admin1");
		assertThat(feature.path("properties").path("parentPcode").asString()).isEqualTo("SY");
		assertThat(feature.path("bbox").size()).isEqualTo(4);
		assertThat(feature.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");

		assertThat(get("/api/boundaries/SY99").statusCode()).isEqualTo(404);
	}

	@Test
	void theMapPageUsesOnlyItsOwnScriptsAndStyles() throws Exception {
		HttpResponse<byte[]> response = get("/");

		assertThat(response.statusCode()).isEqualTo(200);
		String html = text(response);
		assertThat(html).contains("id=\"map\"", "id=\"panel\"", "id=\"count\"");
		assertThat(html).contains("Events: UCDP GED (CC BY 4.0) · Boundaries: OCHA COD-AB (UNCS/OCHA) · Countries:"
				+ " Natural Earth · Places: GeoNames (CC BY 4.0)");
		List<String> scripts = all(html, "<script([^>]*)>([^<]*)</script>", 1);
		// The map's seven, and i18n.js, which every page loads for its scripts' strings.
		assertThat(scripts).hasSize(8).allSatisfy(s -> assertThat(s).matches(".*src=\"/[^/].*"));
		assertThat(all(html, "<script[^>]*>([^<]*)</script>", 1)).allSatisfy(body -> assertThat(body).isBlank());
		assertThat(all(html, "(?:src|href)=\"([^\"]*)\"", 1)).allSatisfy(url -> assertThat(url).startsWith("/"));
		assertThat(html).doesNotContain(" style=", " onclick=", " onload=");
	}

	@Test
	void leafletAndHtmxAreServedFromTheJarWithoutAVersionInThePath() throws Exception {
		for (String path : List.of("/webjars/leaflet/dist/leaflet.js", "/webjars/leaflet/dist/leaflet.css",
				"/webjars/htmx.org/dist/htmx.min.js", "/webjars/leaflet/dist/images/layers.png", "/js/map.js",
				"/css/truce.css")) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(200);
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		return send(request(path));
	}

	private JsonNode json(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return this.json.readTree(response.body());
	}

	private static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	private static JsonNode find(JsonNode array, String field, String value) {
		for (JsonNode node : array.values()) {
			if (value.equals(node.path(field).asString())) {
				return node;
			}
		}
		throw new AssertionError("no element with " + field + " = " + value);
	}

	private static List<String> ids(JsonNode collection) {
		List<String> ids = new ArrayList<>();
		collection.path("features").values().forEach(f -> ids.add(f.path("id").asString()));
		return ids;
	}

	private static List<String> all(String text, String regex, int group) {
		List<String> out = new ArrayList<>();
		Matcher m = Pattern.compile(regex).matcher(text);
		while (m.find()) {
			out.add(m.group(group));
		}
		return out;
	}

}
