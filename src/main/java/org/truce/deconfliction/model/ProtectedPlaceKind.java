package org.truce.deconfliction.model;

import java.util.Locale;

/** What a protected place is, as the proximity alerts see it. */
public enum ProtectedPlaceKind {

	/**
	 * A notified static site (a point or polygon, protected within its window if any).
	 */
	SITE,
	/** A notified movement (a route line, protected only during its window). */
	MOVEMENT,
	/**
	 * A declared position of a party's or sponsor's own forces (an area and a window);
	 * secret to the co-chairs and the declaring side.
	 */
	DECLARED_POSITION;

	/**
	 * The stable code used in the API, the store and the ledger, such as {@code site}.
	 */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static ProtectedPlaceKind ofCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
