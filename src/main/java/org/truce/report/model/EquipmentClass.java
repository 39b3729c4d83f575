package org.truce.report.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The class of weapon or equipment a report says was seen or used, where an agreement
 * treats classes differently (withdrawal distances, for instance).
 */
public enum EquipmentClass {

	HEAVY_WEAPONS("Heavy weapons: tanks, artillery, mortars and rocket launchers."),
	ARMOURED_VEHICLES("Armoured personnel carriers and other military equipment."),
	PERSONNEL("Personnel, with light weapons only.");

	private final String meaning;

	EquipmentClass(String meaning) {
		this.meaning = meaning;
	}

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public String meaning() {
		return this.meaning;
	}

	/** The class with this code ({@code heavy_weapons}) or name, in any case. */
	public static Optional<EquipmentClass> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		return Arrays.stream(values()).filter(c -> c.name().equals(key)).findFirst();
	}

}
