package org.truce.geo.model;

import java.util.Locale;

/** What a gazetteer entry names. */
public enum PlaceKind {

	/** The label point of the country. */
	COUNTRY("Country"),
	/** The label point of a governorate (admin 1). */
	GOVERNORATE("Governorate"),
	/** The label point of a district (admin 2). */
	DISTRICT("District"),
	/** The label point of a sub-district (admin 3). */
	SUB_DISTRICT("Sub-district"),
	/** The town that is the seat of an administrative unit. */
	ADMIN_SEAT("Seat of an administrative unit"),
	/** A city, town or village. */
	POPULATED_PLACE("Populated place"),
	/** A place named in conflict-event data, with the precision the data gave it. */
	CONFLICT_LOCATION("Conflict-event location");

	private final String label;

	PlaceKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The stable code used in the store and the API, such as {@code admin_seat}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static PlaceKind ofAdminLevel(int level) {
		return switch (level) {
			case 0 -> COUNTRY;
			case 1 -> GOVERNORATE;
			case 2 -> DISTRICT;
			case 3 -> SUB_DISTRICT;
			default -> throw new IllegalArgumentException("no admin level " + level);
		};
	}

}
