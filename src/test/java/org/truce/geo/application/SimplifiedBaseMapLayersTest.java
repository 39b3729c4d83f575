package org.truce.geo.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

import org.truce.geo.model.BoundaryLayer;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/** The base map shipped in the jar, simplified once and served as GeoJSON bytes. */
class SimplifiedBaseMapLayersTest {

	private final BaseLayers layers = new BaseLayers(Syria2016.GEOGRAPHY);

	@Test
	void theGovernorateLayerHoldsAllFourteenWithTheirNamesAndPcodes() {
		List<JsonNode> features = features("syria-admin1");

		assertThat(features).hasSize(14);
		assertThat(features).allSatisfy(f -> {
			assertThat(f.path("properties").path("pcode").asString()).matches("SY\\d\\d");
			assertThat(f.path("properties").path("name").asString()).isNotBlank();
			assertThat(f.path("properties").path("nameAr").asString()).isNotBlank();
			assertThat(f.path("properties").path("parentPcode").asString()).isEqualTo("SY");
		});
		assertThat(features).extracting(f -> f.path("properties").path("name").asString())
			.contains("Aleppo", "Idleb", "Deir-ez-Zor", "Rural Damascus", "Quneitra");
	}

	@Test
	void theGovernorateLayerShrinksToAFewPercentOfItsRawSize() {
		BaseLayers.Layer admin1 = this.layers.layer("syria-admin1").orElseThrow();

		assertThat(admin1.geojson().length).isLessThan(150_000);
		assertThat(admin1.vertices()).isLessThan(admin1.rawVertices() / 5);
	}

	@Test
	void everySimplifiedGovernorateStaysValidAndWithinTheToleranceOfTheOriginal() {
		Map<String, Geometry> raw = ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN1)
			.stream()
			.collect(Collectors.toMap(b -> b.pcode(), b -> b.geometry()));

		for (JsonNode f : features("syria-admin1")) {
			Geometry simplified = GeoJson.parse(f.path("geometry").toString());
			Geometry original = raw.get(f.path("properties").path("pcode").asString());
			assertThat(simplified.isValid()).as("valid %s", f.path("properties")).isTrue();
			assertThat(simplified.getNumGeometries()).isEqualTo(original.getNumGeometries());
			// Douglas-Peucker alone keeps every dropped vertex within the
			// tolerance, but the simplifier's topology repairs can leave a few
			// slightly beyond it (1.3 times the tolerance at worst in this
			// layer, on Aleppo's northern border).
			assertThat(DiscreteHausdorffDistance.distance(original, simplified))
				.isLessThanOrEqualTo(2 * BaseLayers.TOLERANCE_DEGREES);
			assertThat(simplified.getArea()).isCloseTo(original.getArea(),
					org.assertj.core.data.Percentage.withPercentage(1));
		}
	}

	@Test
	void theCountryDistrictAndNeighbourLayersHoldTheExpectedFeatures() {
		assertThat(features("syria-admin0")).hasSize(1)
			.first()
			.satisfies(f -> assertThat(f.path("properties").path("pcode").asString()).isEqualTo("SY"));
		assertThat(features("syria-admin2")).hasSize(62);
		assertThat(features("neighbours")).extracting(f -> f.path("properties").path("name").asString())
			.containsExactlyInAnyOrder("Syria", "Turkey", "Iraq", "Jordan", "Lebanon", "Israel", "Palestine", "Cyprus");
		assertThat(features("neighbours")).extracting(f -> f.path("properties").path("iso").asString())
			.contains("760", "792");
	}

	@Test
	void everyGovernorateHasALabelPointInsideIt() {
		Map<String, Geometry> raw = ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN1)
			.stream()
			.collect(Collectors.toMap(b -> b.pcode(), b -> b.geometry()));

		for (JsonNode f : features("syria-admin1")) {
			JsonNode label = f.path("properties").path("label");
			Geometry point = GeoJson.WGS84.createPoint(
					new org.locationtech.jts.geom.Coordinate(label.get(0).asDouble(), label.get(1).asDouble()));
			assertThat(raw.get(f.path("properties").path("pcode").asString()).covers(point))
				.as("label of %s", f.path("properties").path("name"))
				.isTrue();
		}
	}

	@Test
	void neighboursAreLabelledInThePartAMapOfSyriaShows() {
		Map<String, JsonNode> byName = features("neighbours").stream()
			.collect(Collectors.toMap(f -> f.path("properties").path("name").asString(), f -> f.path("properties")));

		JsonNode turkey = byName.get("Turkey").path("label");
		assertThat(Syria2016.SURROUNDINGS.contains(turkey.get(0).asDouble(), turkey.get(1).asDouble())).isTrue();
		assertThat(byName.get("Iraq").has("label")).isTrue();
		assertThat(byName.get("Jordan").has("label")).isTrue();
		// Cyprus lies wholly west of the area.
		assertThat(byName.get("Cyprus").has("label")).isFalse();
	}

	@Test
	void geometriesAreWrittenWithoutALegacyCrsAndWithFiveDecimals() {
		String text = new String(this.layers.layer("syria-admin1").orElseThrow().geojson(),
				java.nio.charset.StandardCharsets.UTF_8);

		assertThat(text).doesNotContain("\"crs\"");
		assertThat(text).doesNotContainPattern("\\d\\.\\d{6,}");
	}

	@Test
	void aLayerIsSimplifiedOnceAndTheSameBytesAreServedAfterwards() {
		BaseLayers.Layer first = this.layers.layer("syria-admin1").orElseThrow();
		BaseLayers.Layer second = this.layers.layer("syria-admin1").orElseThrow();

		assertThat(second).isSameAs(first);
		assertThat(first.etag()).hasSize(32);
	}

	@Test
	void anUnknownLayerIsNotServed() {
		assertThat(this.layers.layer("syria-admin9")).isEmpty();
		assertThat(this.layers.layer("../application.properties")).isEmpty();
		assertThat(this.layers.names()).containsExactly("syria-admin0", "syria-admin1", "syria-admin2", "neighbours");
	}

	private List<JsonNode> features(String layer) {
		JsonNode root = GeoJson.JSON.readTree(this.layers.layer(layer).orElseThrow().geojson());
		assertThat(root.path("type").asString()).isEqualTo("FeatureCollection");
		return new ArrayList<>(root.path("features").values());
	}

}
