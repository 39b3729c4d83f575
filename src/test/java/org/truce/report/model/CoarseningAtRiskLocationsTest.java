package org.truce.report.model;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.truce.shared.Geodesic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the place of a report from an at-risk source is coarsened onto the fixed grid. */
class CoarseningAtRiskLocationsTest {

	private final CoarseGrid grid = new CoarseGrid(0.1);

	@Test
	void aPointIsMovedToTheCentreOfItsCell() {
		assertThat(this.grid.centreLatitude(36.20213)).isEqualTo(36.25);
		assertThat(this.grid.centreLongitude(37.13477)).isEqualTo(37.15);
		assertThat(this.grid.centreLatitude(36.2)).as("a cell's south edge belongs to it").isEqualTo(36.25);
		assertThat(this.grid.centreLatitude(-33.91)).isEqualTo(-33.95);
		assertThat(this.grid.centreLongitude(-0.01)).isEqualTo(-0.05);
		assertThat(this.grid.centreLongitude(180)).as("kept on the globe").isEqualTo(180);
	}

	@Test
	void everyPointOfACellIsShownAtTheSamePointEveryTime() {
		Location a = Location.of(36.20213, 37.13477, LocationPrecision.EXACT, "Bab al-Hadid");
		Location b = Location.of(36.29999, 37.10001, LocationPrecision.EXACT, "Elsewhere in the cell");

		Location shown = this.grid.coarsen(a);

		assertThat(this.grid.coarsen(a)).isEqualTo(shown);
		assertThat(this.grid.coarsen(b).latitude()).isEqualTo(shown.latitude());
		assertThat(this.grid.coarsen(b).longitude()).isEqualTo(shown.longitude());
	}

	@Test
	void theExactPointLiesWithinTheCellsHalfDiagonalAndTheWorldwideBound() {
		Random random = new Random(20161021);
		for (int i = 0; i < 10_000; i++) {
			double lat = -89.9 + random.nextDouble() * 179.8;
			double lon = -180 + random.nextDouble() * 359.99;
			double cLat = this.grid.centreLatitude(lat);
			double cLon = this.grid.centreLongitude(lon);
			double distance = Geodesic.distanceMetres(lat, lon, cLat, cLon);
			assertThat(distance).as("%s,%s", lat, lon)
				.isLessThanOrEqualTo(this.grid.halfDiagonalMetres(cLat, cLon) + 0.01)
				.isLessThanOrEqualTo(this.grid.maxDisplacementMetres());
		}
	}

	@Test
	void aCoarsenedPlaceHasNoNameNoDistrictAWiderRadiusAndACoarsePrecision() {
		Location exact = new Location(36.20213, 37.13477, LocationPrecision.SURVEYED, 100, "Bab al-Hadid", "Aleppo",
				"Jebel Saman");

		Location shown = this.grid.coarsen(exact);

		double halfDiagonal = this.grid.halfDiagonalMetres(36.25, 37.15);
		assertThat(halfDiagonal).isBetween(7_000.0, 8_000.0);
		assertThat(shown).isEqualTo(new Location(36.25, 37.15, LocationPrecision.NEAR, Math.ceil(100 + halfDiagonal),
				null, "Aleppo", null));
	}

	@Test
	void aPlaceAlreadyCoarserThanTheCellKeepsItsPrecision() {
		Location governorate = Location.of(36.20213, 37.13477, LocationPrecision.ADMIN1, null);

		assertThat(this.grid.coarsen(governorate).precision()).isEqualTo(LocationPrecision.ADMIN1);
		assertThat(this.grid.coarsen(governorate).uncertaintyMetres()).isGreaterThan(150_000);
	}

	@Test
	void aWiderGridMakesThePrecisionCoarserStill() {
		CoarseGrid degree = new CoarseGrid(1);
		Location exact = Location.of(36.20213, 37.13477, LocationPrecision.EXACT, null);

		Location shown = degree.coarsen(exact);

		assertThat(shown.latitude()).isEqualTo(36.5);
		assertThat(shown.longitude()).isEqualTo(37.5);
		assertThat(shown.precision()).isEqualTo(LocationPrecision.ADMIN1);
		assertThat(shown.precision().radiusMetres()).isGreaterThanOrEqualTo(degree.halfDiagonalMetres(36.5, 37.5));
	}

	@Test
	void aGridCellMustHaveASize() {
		assertThatThrownBy(() -> new CoarseGrid(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CoarseGrid(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CoarseGrid(20)).isInstanceOf(IllegalArgumentException.class);
	}

}
