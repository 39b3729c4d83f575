package org.truce.report.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How precisely the place of an event is known, with the uncertainty radius, in metres,
 * that Truce assumes around the coded point.
 *
 * <p>
 * The first seven follow UCDP's {@code where_prec}; ACLED's {@code geo_precision} 1-3
 * maps onto them ({@link #ofAcled(int)}). The radii are deliberately generous: an event
 * must never look inside a small zone because its point was a centroid. Radii for admin
 * units are the distance from a centroid that covers most Syrian districts (admin 2) and
 * governorates (admin 1).
 */
public enum LocationPrecision {

	/** Coordinates measured on site (Truce's own, for monitors with GPS). */
	SURVEYED(0, 100),
	/** UCDP 1: the exact place, such as a village or a town; its extent remains. */
	EXACT(1, 2_000),
	/** UCDP 2: within about 25 km of the coded point. */
	NEAR(2, 25_000),
	/** UCDP 3: only the district (admin 2) is known; the point is its centroid. */
	ADMIN2(3, 50_000),
	/** UCDP 4: only the governorate (admin 1) is known; the point is its centroid. */
	ADMIN1(4, 150_000),
	/** UCDP 5: a linear or fuzzy feature such as a road, a border or a region. */
	FUZZY(5, 100_000),
	/** UCDP 6: only the country is known. */
	COUNTRY(6, 500_000),
	/** UCDP 7: international waters or airspace. */
	INTERNATIONAL(7, 500_000);

	private final int ucdpCode;

	private final double radiusMetres;

	LocationPrecision(int ucdpCode, double radiusMetres) {
		this.ucdpCode = ucdpCode;
		this.radiusMetres = radiusMetres;
	}

	public int ucdpCode() {
		return this.ucdpCode;
	}

	/** The uncertainty radius, in metres, around the coded point. */
	public double radiusMetres() {
		return this.radiusMetres;
	}

	/**
	 * UCDP {@code where_prec} 1-7; anything else, including 0 (Truce's own
	 * {@link #SURVEYED}, which UCDP never codes), is empty.
	 */
	public static Optional<LocationPrecision> ofUcdp(int code) {
		return Arrays.stream(values()).filter(p -> code >= 1 && p.ucdpCode == code).findFirst();
	}

	/**
	 * ACLED {@code geo_precision}: 1 the town itself, 2 near a town or in part of a
	 * region, 3 only a larger region (an admin-1 centroid).
	 */
	public static Optional<LocationPrecision> ofAcled(int code) {
		return switch (code) {
			case 1 -> Optional.of(EXACT);
			case 2 -> Optional.of(NEAR);
			case 3 -> Optional.of(ADMIN1);
			default -> Optional.empty();
		};
	}

}
