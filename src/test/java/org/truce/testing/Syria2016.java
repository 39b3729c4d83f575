package org.truce.testing;

import org.locationtech.jts.geom.Envelope;

import org.truce.geo.application.ScenarioGeography;
import org.truce.scenario.application.Scenario;

/** The Syria 2016 scenario shipped in the jar, as its descriptor describes it. */
public final class Syria2016 {

	public static final Scenario SCENARIO = Scenario.read("classpath:scenarios/syria-2016/");

	public static final ScenarioGeography GEOGRAPHY = SCENARIO.geography();

	/** Where the neighbours are labelled: roughly what a map fitted to Syria shows. */
	public static final Envelope SURROUNDINGS = GEOGRAPHY.map()
		.layers()
		.stream()
		.filter(l -> l.name().equals("neighbours"))
		.findFirst()
		.orElseThrow()
		.labelWithin();

	private Syria2016() {
	}

}
