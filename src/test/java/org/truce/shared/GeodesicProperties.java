package org.truce.shared;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.truce.testing.GeodesicFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Invariants of geodesic distances and the boxes that pre-filter circles. */
class GeodesicProperties {

	@Property(tries = 1_000)
	void distanceIsSymmetric(@ForAll @DoubleRange(min = -90, max = 90) double lat1,
			@ForAll @DoubleRange(min = -180, max = 180) double lon1,
			@ForAll @DoubleRange(min = -90, max = 90) double lat2,
			@ForAll @DoubleRange(min = -180, max = 180) double lon2) {
		double there = Geodesic.distanceMetres(lat1, lon1, lat2, lon2);
		double back = Geodesic.distanceMetres(lat2, lon2, lat1, lon1);

		assertThat(back).isCloseTo(there, within(Math.max(1e-6, there * 1e-12)));
	}

	@Property(tries = 1_000)
	void aPointIsAtZeroDistanceFromItself(@ForAll @DoubleRange(min = -90, max = 90) double lat,
			@ForAll @DoubleRange(min = -180, max = 180) double lon) {
		assertThat(Geodesic.distanceMetres(lat, lon, lat, lon)).isZero();
	}

	@Property(tries = 2_000)
	void distanceAgreesWithTheGreatCircleWithinSixTenthsOfAPercent(
			@ForAll @DoubleRange(min = -90, max = 90) double lat1,
			@ForAll @DoubleRange(min = -180, max = 180) double lon1,
			@ForAll @DoubleRange(min = -90, max = 90) double lat2,
			@ForAll @DoubleRange(min = -180, max = 180) double lon2) {
		double sphere = Geodesic.greatCircleMetres(lat1, lon1, lat2, lon2);
		Assume.that(sphere > 1);

		double ellipsoid = Geodesic.distanceMetres(lat1, lon1, lat2, lon2);

		assertThat(ellipsoid).isNotNaN().isCloseTo(sphere, within(sphere * 0.006));
	}

	@Property(tries = 2_000)
	void theBoxHoldsEveryPointAtTheRadiusInEveryDirection(
			@ForAll @DoubleRange(min = -90, max = 90) @Scale(6) double lat,
			@ForAll @DoubleRange(min = -180, max = 180) @Scale(6) double lon,
			@ForAll @DoubleRange(min = 0.001, max = 1_000_000) @Scale(3) double radius,
			@ForAll @DoubleRange(min = 0, max = 360, maxIncluded = false) double bearing) {
		double[] box = Geodesic.boundingBox(lat, lon, radius);
		double[] edge = GeodesicFixture.pointAt(lat, lon, bearing, radius);

		assertThat(edge[0]).as("latitude of %s", java.util.Arrays.toString(edge)).isBetween(box[1], box[3]);
		assertThat(edge[1]).as("longitude of %s", java.util.Arrays.toString(edge)).isBetween(box[0], box[2]);
		assertThat(box[0]).isGreaterThanOrEqualTo(-180);
		assertThat(box[2]).isLessThanOrEqualTo(180);
	}

}
