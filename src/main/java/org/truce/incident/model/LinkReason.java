package org.truce.incident.model;

/**
 * Why two reports that are near in space and time are not merged automatically, but
 * proposed to an analyst as a candidate link.
 */
public enum LinkReason {

	INCOMPATIBLE_TYPES("The reports give event types of different groups, so they may describe different events."),
	DIFFERENT_PERPETRATORS("The reports, or the incidents they would join, name different perpetrators."),
	DIFFERENT_TARGETS("The reports, or the incidents they would join, name different targets."),
	LOCATION_TOO_UNCERTAIN("At least one report's location is too uncertain to merge it automatically."),
	TIME_TOO_UNCERTAIN("At least one report's time interval is too long to merge it automatically.");

	private final String meaning;

	LinkReason(String meaning) {
		this.meaning = meaning;
	}

	/** A sentence for the analyst. */
	public String meaning() {
		return this.meaning;
	}

	/** A stable code, such as {@code incompatible_types}. */
	public String code() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
