package org.truce.geo.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The layers of administrative boundaries Truce keeps: OCHA's admin levels 0 (country) to
 * 3 (sub-district) and the city neighbourhoods. Each unit is named by its p-code and lies
 * inside its parent of the level above (neighbourhoods inside a sub-district).
 */
public enum BoundaryLayer {

	/** The country. */
	ADMIN0(0),
	/** Governorates (muhafazat). */
	ADMIN1(1),
	/** Districts (manatiq). */
	ADMIN2(2),
	/** Sub-districts (nawahi). */
	ADMIN3(3),
	/** Neighbourhoods of the larger cities. */
	NEIGHBOURHOOD(4);

	private final int level;

	BoundaryLayer(int level) {
		this.level = level;
	}

	/** 0 for the country, 1 to 3 for the admin levels, 4 for neighbourhoods. */
	public int level() {
		return this.level;
	}

	/** The stable code used in the store and the API, such as {@code admin1}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<BoundaryLayer> parse(String code) {
		return Arrays.stream(values()).filter(l -> l.code().equalsIgnoreCase(code)).findFirst();
	}

}
