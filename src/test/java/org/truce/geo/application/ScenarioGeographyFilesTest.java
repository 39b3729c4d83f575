package org.truce.geo.application;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.geo.model.Place;
import org.truce.geo.model.PlaceKind;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scenario's boundary and gazetteer files, read from the classpath. */
class ScenarioGeographyFilesTest {

	@Test
	void eachOchaLayerHasTheUnitsTheDatasetDocuments() {
		assertThat(ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN0)).hasSize(1);
		assertThat(ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN1)).hasSize(14);
		assertThat(ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN2)).hasSize(62);
		assertThat(ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN3)).hasSize(272);
		assertThat(ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.NEIGHBOURHOOD)).hasSize(414);
	}

	@Test
	void everyUnitHasAUniquePcodeAndItsParentIsAUnitOfTheLevelAbove() {
		Set<String> all = java.util.Arrays.stream(BoundaryLayer.values())
			.flatMap(l -> ScenarioBoundaries.read(Syria2016.GEOGRAPHY, l).stream())
			.map(Boundary::pcode)
			.collect(Collectors.toSet());
		assertThat(all).hasSize(1 + 14 + 62 + 272 + 414);

		assertParents(BoundaryLayer.ADMIN1, BoundaryLayer.ADMIN0);
		assertParents(BoundaryLayer.ADMIN2, BoundaryLayer.ADMIN1);
		assertParents(BoundaryLayer.ADMIN3, BoundaryLayer.ADMIN2);
		assertParents(BoundaryLayer.NEIGHBOURHOOD, BoundaryLayer.ADMIN3);
	}

	@Test
	void aleppoGovernorateHasItsPcodeArabicNameAndAPlausibleArea() {
		Boundary aleppo = ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN1)
			.stream()
			.filter(b -> b.pcode().equals("SY02"))
			.findFirst()
			.orElseThrow();

		assertThat(aleppo.name()).isEqualTo("Aleppo");
		assertThat(aleppo.nameAr()).isEqualTo("حلب");
		assertThat(aleppo.geometry().getSRID()).isEqualTo(4326);
		// About 18,500 km² at 36° N: roughly 1.8 square degrees.
		assertThat(aleppo.geometry().getArea()).isBetween(1.5, 2.2);
		assertThat(aleppo.bbox().getMinX()).isBetween(36.0, 37.0);
		assertThat(aleppo.bbox().getMaxY()).isBetween(36.5, 37.0);
	}

	@Test
	void theGazetteerSourcesHaveTheirDocumentedRowCounts() {
		assertThat(ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.OCHA_ADMIN_POINTS)).hasSize(349);
		assertThat(ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.OCHA_ADMIN_SEATS)).hasSize(266);
		assertThat(ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.GEONAMES)).hasSize(290);
		// 2,821 rows, 2,023 distinct (name, point): see ScenarioGazetteer.
		assertThat(ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.UCDP_LOCATIONS)).hasSize(2023);
	}

	@Test
	void ochaLabelPointsCarryTheirLevelPcodeAndArabicName() {
		List<Place> points = ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.OCHA_ADMIN_POINTS);

		assertThat(points).filteredOn(p -> p.kind() == PlaceKind.GOVERNORATE).hasSize(14);
		assertThat(points).filteredOn(p -> p.kind() == PlaceKind.DISTRICT).hasSize(62);
		assertThat(points).filteredOn(p -> p.kind() == PlaceKind.SUB_DISTRICT).hasSize(272);
		Place hasakeh = points.stream()
			.filter(p -> p.kind() == PlaceKind.GOVERNORATE && p.sourceRef().equals("SY08"))
			.findFirst()
			.orElseThrow();
		assertThat(hasakeh.name()).isEqualTo("Al-Hasakeh");
		assertThat(hasakeh.nameAr()).isEqualTo("الحسكة");
		assertThat(hasakeh.admin1Pcode()).isEqualTo("SY08");
		assertThat(hasakeh.latitude()).isCloseTo(36.4275, within(1e-3));
		assertThat(hasakeh.longitude()).isCloseTo(40.5576, within(1e-3));
	}

	@Test
	void geoNamesGovernorateCodesAreTranslatedToOchaPcodes() {
		List<Place> geonames = ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.GEONAMES);

		assertThat(geonames).allSatisfy(p -> assertThat(p.admin1Pcode()).matches("SY(0[1-9]|1[0-4])"));
		Place aleppo = geonames.stream().filter(p -> p.name().equals("Aleppo")).findFirst().orElseThrow();
		// GeoNames admin1 09 is Aleppo, OCHA SY02.
		assertThat(aleppo.admin1Pcode()).isEqualTo("SY02");
		assertThat(aleppo.nameAr()).isEqualTo("حلب");
		assertThat(aleppo.sourceRef()).matches("\\d+");
	}

	@Test
	void ucdpLocationsAreDistinctPlacesAndKeepTheirGovernorateWhenUcdpGivesOne() {
		List<Place> ucdp = ScenarioGazetteer.read(Syria2016.GEOGRAPHY, ScenarioGazetteer.UCDP_LOCATIONS);

		// UCDP leaves adm_1 empty for 20 of the distinct places (borders, regions).
		assertThat(ucdp).filteredOn(p -> p.admin1Pcode() == null).hasSize(20);
		assertThat(ucdp).extracting(p -> List.of(p.name(), p.latitude(), p.longitude())).doesNotHaveDuplicates();
		assertThat(ucdp).filteredOn(p -> p.name().equals("Aleppo town"))
			.isNotEmpty()
			.allSatisfy(p -> assertThat(p.admin1Pcode()).isEqualTo("SY02"));
	}

	private static void assertParents(BoundaryLayer child, BoundaryLayer parent) {
		Set<String> parents = ScenarioBoundaries.read(Syria2016.GEOGRAPHY, parent)
			.stream()
			.map(Boundary::pcode)
			.collect(Collectors.toSet());
		assertThat(ScenarioBoundaries.read(Syria2016.GEOGRAPHY, child))
			.allSatisfy(b -> assertThat(parents).contains(b.parentPcode()));
	}

}
