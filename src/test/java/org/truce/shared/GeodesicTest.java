package org.truce.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Geodesic distances against published values. */
class GeodesicTest {

	/**
	 * Flinders Peak to Buninyong (Victoria, Australia): 54,972.271 m, the worked example
	 * of Vincenty's inverse formula in the Geocentric Datum of Australia Technical Manual
	 * (Intergovernmental Committee on Surveying and Mapping, GDA94 version 2.3, section
	 * "Vincenty's Inverse Formula"). It is computed on GRS80, whose flattening differs
	 * from WGS84's by 1.5e-11; over 55 km that changes the distance by far less than a
	 * millimetre.
	 */
	@Test
	void flindersPeakToBuninyongIsVincentysPublishedDistance() {
		double flindersLat = -dms(37, 57, 3.72030);
		double flindersLon = dms(144, 25, 29.52440);
		double buninyongLat = -dms(37, 39, 10.15610);
		double buninyongLon = dms(143, 55, 35.38390);

		double metres = Geodesic.distanceMetres(flindersLat, flindersLon, buninyongLat, buninyongLon);

		assertThat(metres).isCloseTo(54_972.271, within(0.001));
	}

	@Test
	void aQuarterMeridianIsTheKnownLengthOfTheWgs84Meridian() {
		// Equator to pole along a meridian: 10,001,965.729 m on WGS84 (NGA, NIMA TR8350.2
		// and every geodesy text; it follows from a and f alone).
		assertThat(Geodesic.distanceMetres(0, 0, 90, 0)).isCloseTo(10_001_965.729, within(0.01));
	}

	@Test
	void aDegreeOfLongitudeOnTheEquatorIsAPartOfTheEquator() {
		// On the equator the geodesic between two near points is the equator itself:
		// a/180
		// pi metres per degree.
		assertThat(Geodesic.distanceMetres(0, 10, 0, 11)).isCloseTo(Math.PI * Geodesic.A / 180, within(1e-6));
	}

	@Test
	void aPointIsAtNoDistanceFromItself() {
		assertThat(Geodesic.distanceMetres(36.2021, 37.1343, 36.2021, 37.1343)).isZero();
		assertThat(Geodesic.distanceMetres(90, 0, 90, 0)).isZero();
		assertThat(Geodesic.distanceMetres(-90, 180, -90, 180)).isZero();
	}

	@Test
	void theAntimeridianIsNoWall() {
		assertThat(Geodesic.distanceMetres(-17, 179.99, -17, -179.99))
			.isCloseTo(Geodesic.distanceMetres(-17, -0.01, -17, 0.01), within(1e-6));
	}

	private static double dms(int degrees, int minutes, double seconds) {
		return degrees + minutes / 60.0 + seconds / 3600.0;
	}

}
