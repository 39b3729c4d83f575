package org.truce.geo.infrastructure;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;

import org.truce.actor.model.NameKey;
import org.truce.geo.application.Boundaries;
import org.truce.geo.application.LoadingGeography;
import org.truce.geo.application.Places;
import org.truce.geo.application.ScenarioBoundaries;
import org.truce.geo.application.ScenarioGazetteer;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.geo.model.Place;
import org.truce.geo.model.PlaceKind;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What every store of boundaries and places must do, after the scenario's geography is
 * loaded into it. Subclasses choose the store.
 */
abstract class GeographyStoreContract {

	static final Map<BoundaryLayer, Integer> LAYER_COUNTS = new EnumMap<>(
			Map.of(BoundaryLayer.ADMIN0, 1, BoundaryLayer.ADMIN1, 14, BoundaryLayer.ADMIN2, 62, BoundaryLayer.ADMIN3,
					272, BoundaryLayer.NEIGHBOURHOOD, 414));

	static final Map<String, Integer> GAZETTEER_COUNTS = Map.of(ScenarioGazetteer.OCHA_ADMIN_POINTS, 349,
			ScenarioGazetteer.OCHA_ADMIN_SEATS, 266, ScenarioGazetteer.GEONAMES, 290, ScenarioGazetteer.UCDP_LOCATIONS,
			2023);

	@Autowired
	LoadingGeography loading;

	@Autowired
	Boundaries boundaries;

	@Autowired
	Places places;

	LoadingGeography.Loaded firstLoad;

	@BeforeEach
	void loadTheScenarioOnce() {
		if (this.boundaries.countByLayer().isEmpty()) {
			this.firstLoad = this.loading.load(Syria2016.GEOGRAPHY);
		}
	}

	@Test
	void loadingTheScenarioStoresEveryOchaLayer() {
		assertThat(this.boundaries.countByLayer()).isEqualTo(LAYER_COUNTS);
	}

	@Test
	void loadingTheScenarioStoresEveryGazetteerSource() {
		assertThat(this.places.countBySource()).isEqualTo(GAZETTEER_COUNTS);
	}

	@Test
	void loadingAgainReplacesWhatWasLoadedInsteadOfAddingToIt() {
		LoadingGeography.Loaded again = this.loading.load(Syria2016.GEOGRAPHY);

		assertThat(again.boundaries()).isEqualTo(LAYER_COUNTS);
		assertThat(again.places()).isEqualTo(GAZETTEER_COUNTS);
		assertThat(again.boundaryCount()).isEqualTo(763);
		assertThat(again.placeCount()).isEqualTo(2928);
		assertThat(this.boundaries.countByLayer()).isEqualTo(LAYER_COUNTS);
		assertThat(this.places.countBySource()).isEqualTo(GAZETTEER_COUNTS);
	}

	@Test
	void aDistrictComesBackWithItsNamesParentAndGeometry() {
		Boundary fromFile = ScenarioBoundaries.read(Syria2016.GEOGRAPHY, BoundaryLayer.ADMIN2)
			.stream()
			.filter(b -> b.pcode().equals("SY0200"))
			.findFirst()
			.orElseThrow();

		Boundary stored = this.boundaries.byPcode("SY0200").orElseThrow();

		assertThat(stored.layer()).isEqualTo(BoundaryLayer.ADMIN2);
		assertThat(stored.name()).isEqualTo(fromFile.name());
		assertThat(stored.nameAr()).isEqualTo(fromFile.nameAr()).isNotBlank();
		assertThat(stored.parentPcode()).isEqualTo("SY02");
		assertThat(stored.geometry().getNumPoints()).isEqualTo(fromFile.geometry().getNumPoints());
		assertThat(stored.geometry().getArea()).isCloseTo(fromFile.geometry().getArea(), within(1e-9));
		Envelope box = stored.bbox();
		assertThat(box.getMinX()).isCloseTo(fromFile.bbox().getMinX(), within(1e-9));
		assertThat(box.getMaxY()).isCloseTo(fromFile.bbox().getMaxY(), within(1e-9));
		assertThat(this.boundaries.byPcode("SY9999")).isEmpty();
	}

	@Test
	void aPointInAleppoCityLiesInAleppoGovernorateDistrictAndSubDistrict() {
		double lat = 36.2012;
		double lon = 37.1612;

		assertThat(this.boundaries.covering(BoundaryLayer.ADMIN1, lat, lon)).extracting(Boundary::pcode)
			.containsExactly("SY02");
		assertThat(this.boundaries.covering(BoundaryLayer.ADMIN2, lat, lon)).extracting(Boundary::pcode)
			.containsExactly("SY0200");
		assertThat(this.boundaries.covering(BoundaryLayer.ADMIN3, lat, lon)).singleElement()
			.satisfies(b -> assertThat(b.parentPcode()).isEqualTo("SY0200"));
		assertThat(this.boundaries.covering(BoundaryLayer.ADMIN0, lat, lon)).extracting(Boundary::pcode)
			.containsExactly("SY");
	}

	@Test
	void aPointAtSeaLiesInNoGovernorate() {
		assertThat(this.boundaries.covering(BoundaryLayer.ADMIN1, 34.9, 35.4)).isEmpty();
	}

	@Test
	void searchingANameListsExactMatchesFirstWithGovernoratesBeforeTowns() {
		List<Place> found = this.places.search("Deir ez Zor", 20);

		assertThat(found).isNotEmpty();
		assertThat(found.get(0).kind()).isEqualTo(PlaceKind.GOVERNORATE);
		assertThat(found.get(0).name()).isEqualTo("Deir-ez-Zor");
		assertThat(found.get(0).admin1Pcode()).isEqualTo("SY09");
		assertThat(found).allSatisfy(p -> assertThat(p.nameKey()).startsWith(NameKey.of("Deir ez Zor")));
		int lastExact = lastIndexWithKey(found, NameKey.of("Deir ez Zor"));
		assertThat(found.subList(0, lastExact + 1))
			.allSatisfy(p -> assertThat(p.nameKey()).isEqualTo(NameKey.of("Deir ez Zor")));
	}

	@Test
	void searchingAPrefixFindsLongerNamesFromEveryGazetteer() {
		List<Place> found = this.places.search("Alepp", 20);

		assertThat(found).allSatisfy(p -> assertThat(p.nameKey()).startsWith(NameKey.of("Alepp")));
		assertThat(found.get(0)).satisfies(p -> {
			assertThat(p.name()).isEqualTo("Aleppo");
			assertThat(p.kind()).isEqualTo(PlaceKind.GOVERNORATE);
		});
		assertThat(found).extracting(Place::name, Place::source)
			.contains(org.assertj.core.groups.Tuple.tuple("Aleppo", ScenarioGazetteer.GEONAMES),
					org.assertj.core.groups.Tuple.tuple("Aleppo town", ScenarioGazetteer.UCDP_LOCATIONS),
					org.assertj.core.groups.Tuple.tuple("Aleppo International Airport",
							ScenarioGazetteer.UCDP_LOCATIONS));
		assertThat(found).extracting(p -> List.of(p.name(), p.latitude(), p.longitude())).doesNotHaveDuplicates();
	}

	@Test
	void searchingFindsAPlaceByItsArabicNameOrItsNameInCyrillic() {
		List<Place> arabic = this.places.search("حلب", 20);
		List<Place> withHamza = this.places.search("إدلب", 20);
		List<Place> cyrillic = this.places.search("Алеппо", 20);

		assertThat(arabic).isNotEmpty();
		assertThat(arabic.get(0)).satisfies(p -> {
			assertThat(p.name()).isEqualTo("Aleppo");
			assertThat(p.nameAr()).isEqualTo("حلب");
			assertThat(p.kind()).isEqualTo(PlaceKind.GOVERNORATE);
		});
		assertThat(arabic).allSatisfy(p -> assertThat(NameKey.of(p.nameAr())).startsWith("حلب"));
		assertThat(withHamza).extracting(Place::name).contains("Idleb");
		assertThat(this.places.search("ادلب", 20)).isEqualTo(withHamza);
		assertThat(cyrillic).isNotEmpty();
		assertThat(cyrillic.get(0).name()).isEqualTo("Aleppo");
		assertThat(this.places.search("Хомс", 20)).extracting(Place::name).contains("Homs");
		assertThat(this.places.search("דמשק", 20)).isEmpty();
	}

	@Test
	void searchingReturnsNoMoreThanTheLimit() {
		assertThat(this.places.search("a", 5)).hasSize(5);
		assertThat(this.places.search("Alepp", 3)).hasSize(3);
	}

	@Test
	void searchingANameWithoutLettersFindsNothing() {
		assertThat(this.places.search("", 20)).isEmpty();
		assertThat(this.places.search("--", 20)).isEmpty();
		assertThat(this.places.search("%", 20)).isEmpty();
	}

	private static int lastIndexWithKey(List<Place> places, String key) {
		int last = -1;
		for (int i = 0; i < places.size(); i++) {
			if (places.get(i).nameKey().equals(key)) {
				last = i;
			}
		}
		return last;
	}

}
