package org.truce.report.model;

import java.util.List;

import org.truce.shared.Geodesic;

/**
 * The fixed grid of square cells, {@code degrees} on a side in latitude and longitude
 * (WGS84), on which a report from an at-risk source is placed for a reader who may not
 * see sources: its point becomes the centre of the cell it lies in.
 *
 * <p>
 * Snapping to a fixed grid is deterministic: every read of a report gives the same cell,
 * so reading it again teaches nothing. Random noise would not do, because its average
 * over repeated reads converges on the exact point. The cell of a point is
 * {@code floor(coordinate / degrees)}, and its centre {@code (cell + 0.5) * degrees}; the
 * stores compute the same expression in SQL, so that spatial filters match an at-risk
 * report by the point the reader is shown (see {@link ReportQuery.Scope}).
 *
 * @param degrees the side of a cell, in degrees, greater than 0 and at most 10
 */
public record CoarseGrid(double degrees) {

	/** The precisions a coarsened location may take, finest first. */
	private static final List<LocationPrecision> COARSE = List.of(LocationPrecision.NEAR, LocationPrecision.ADMIN2,
			LocationPrecision.ADMIN1, LocationPrecision.COUNTRY);

	public CoarseGrid {
		if (!(degrees > 0 && degrees <= 10)) {
			throw new IllegalArgumentException("a grid cell is more than 0 and at most 10 degrees");
		}
	}

	/**
	 * The latitude of the centre of the cell holding {@code latitude}, within -90..90.
	 */
	public double centreLatitude(double latitude) {
		return Math.max(-90, Math.min(90, tidy(centre(latitude))));
	}

	/**
	 * The longitude of the centre of the cell holding {@code longitude}, within
	 * -180..180.
	 */
	public double centreLongitude(double longitude) {
		return Math.max(-180, Math.min(180, tidy(centre(longitude))));
	}

	/**
	 * The cell centre exactly as the stores compute it in SQL. Only the clamping at the
	 * poles and the antimeridian and the rounding of {@link #tidy} (under 1e-9 degrees, a
	 * tenth of a millimetre) set apart what a reader is shown.
	 */
	private double centre(double coordinate) {
		return (Math.floor(coordinate / this.degrees) + 0.5) * this.degrees;
	}

	/** Rounds away the binary noise of the product, so that 36.25 prints as 36.25. */
	private static double tidy(double degrees) {
		return Math.round(degrees * 1e9) / 1e9;
	}

	/**
	 * The geodesic distance in metres from a cell's centre to its farthest corner: the
	 * farthest the exact point can lie from the point shown.
	 */
	public double halfDiagonalMetres(double centreLatitude, double centreLongitude) {
		double half = this.degrees / 2;
		double farthest = 0;
		for (double dLat : new double[] { -half, half }) {
			for (double dLon : new double[] { -half, half }) {
				double lat = Math.max(-90, Math.min(90, centreLatitude + dLat));
				farthest = Math.max(farthest,
						Geodesic.distanceMetres(centreLatitude, centreLongitude, lat, centreLongitude + dLon));
			}
		}
		return farthest;
	}

	/**
	 * An upper bound, in metres, on the distance between any point and the centre of its
	 * cell anywhere on Earth: half the cell's diagonal at the scale of the longest degree
	 * (about 111.7 km), with a metre to spare.
	 */
	public double maxDisplacementMetres() {
		return this.degrees / 2 * Math.sqrt(2) * 111_700 + 1;
	}

	/**
	 * The location as a reader who may not see sources is shown it: the cell's centre; an
	 * uncertainty radius that adds the cell's half-diagonal to the reported one, since
	 * the exact point may lie anywhere in the cell; a precision no finer than the cell
	 * (at least {@link LocationPrecision#NEAR}); and no place name or district, which
	 * would name the exact place. The governorate is kept.
	 */
	public Location coarsen(Location exact) {
		double lat = centreLatitude(exact.latitude());
		double lon = centreLongitude(exact.longitude());
		double halfDiagonal = halfDiagonalMetres(lat, lon);
		LocationPrecision precision = exact.precision();
		if (precision.radiusMetres() < halfDiagonal || precision == LocationPrecision.SURVEYED
				|| precision == LocationPrecision.EXACT) {
			precision = COARSE.stream()
				.filter(p -> p.radiusMetres() >= halfDiagonal)
				.findFirst()
				.orElse(LocationPrecision.COUNTRY);
		}
		return new Location(lat, lon, precision, Math.ceil(exact.uncertaintyMetres() + halfDiagonal), null,
				exact.admin1(), null);
	}

}
