package org.truce.scenario.application;

import java.util.Objects;

/**
 * A demo scenario shipped in the jar: its name and the classpath folder holding its
 * files, such as {@code classpath:scenarios/syria-2016/}.
 */
public record Scenario(String name, String location) {

	public static final Scenario SYRIA_2016 = new Scenario("syria-2016", "classpath:scenarios/syria-2016/");

	public Scenario {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(location, "location");
		if (!location.endsWith("/")) {
			location = location + "/";
		}
	}

	/**
	 * The location of a file of the scenario, such as
	 * {@code events/ucdp_ged_syria_2016.csv}.
	 */
	public String file(String relativePath) {
		return this.location + relativePath;
	}

}
