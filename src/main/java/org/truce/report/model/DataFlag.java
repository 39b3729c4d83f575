package org.truce.report.model;

/**
 * A fact about a report's data that a reader must know, kept rather than rejected. Each
 * has a stable code and a sentence saying what it means.
 */
public enum DataFlag {

	BEST_ZERO("The best estimate of deaths is zero."),
	ESTIMATE_ORDER_BROKEN("The source's estimates break low <= best <= high."),
	COUNTRY_AGGREGATE("A total over a long period for the whole country, not one event."),
	SOURCE_AGGREGATE("The source aggregated several events over a period; they cannot be split."),
	ACTOR_UNRESOLVED("The acting party's name matched no known actor; it is kept as reported."),
	ACTOR_AMBIGUOUS("The acting party's name matched several actors; it is kept as reported."),
	TARGET_UNRESOLVED("The target's name matched no known actor; it is kept as reported."),
	TARGET_AMBIGUOUS("The target's name matched several actors; it is kept as reported."),
	PERPETRATOR_INFERRED("A stated rule, not the source, decided who acted, from the source's words; see the basis."),
	EVENT_TYPE_INFERRED("The event type was inferred from the source's words; see the basis."),
	MULTILINE_FIELD("A field of the source row held line breaks."),
	LOCATION_FROM_TEXT("The source gives no coordinates: the place is a town its words name, found by a stated rule"
			+ " in the gazetteer, with a wide uncertainty radius."),
	LOCATION_COUNTRY_ONLY("The source gives no place that a stated rule can find: the point stands for the whole"
			+ " country, with an uncertainty radius that covers it; it says nothing about where the event was."),
	/**
	 * Set only on a copy cut for a reader who may not see sources, never stored.
	 */
	LOCATION_COARSENED("The reporter is at risk, so the place is shown coarsened: the point is the centre of its cell"
			+ " on a fixed grid (0.1 degree, about 11 km, unless the operator set"
			+ " truce.visibility.at-risk-grid-degrees), the uncertainty radius is widened to cover the whole cell, and"
			+ " the place name and district are withheld.");

	private final String meaning;

	DataFlag(String meaning) {
		this.meaning = meaning;
	}

	public String meaning() {
		return this.meaning;
	}

}
