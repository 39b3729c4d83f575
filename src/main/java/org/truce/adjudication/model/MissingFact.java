package org.truce.adjudication.model;

/** The fact whose uncertainty keeps a finding undetermined. */
public enum MissingFact {

	LOCATION_STRADDLES_ZONE_EDGE("The location's uncertainty radius crosses the edge of the zone."),
	TIME_STRADDLES_TERM_BOUNDARY(
			"The time interval crosses the start or end of the term, or of one of its daily windows; or it is known only to the day, and the term begins, ends or opens and closes that day."),
	TIME_STRADDLES_DECLARATION("The time interval crosses the date the actor accepted or left the agreement."),
	PERPETRATOR_UNKNOWN("No source names who acted."),
	PERPETRATOR_UNRESOLVED("The name of who acted matches no known actor."),
	PERPETRATOR_AMBIGUOUS("The name of who acted matches several actors."),
	WHO_ACTED_UNKNOWN(
			"The sources name several actors, one of whom acted (the two sides of a clash, or several possible perpetrators), without saying which, and the finding depends on it."),
	ATTRIBUTION_CONTESTED("The sources or the sides' claims disagree about who acted."),
	TARGET_IN_MINGLED_AREA("The target lies where a party's and an excluded actor's areas are mingled."),
	TARGET_SIDE_UNKNOWN("Neither the target nor the control map says whose side was hit."),
	LOCATION_STRADDLES_CONTROL_BOUNDARY("The location's uncertainty radius crosses the edge of a control area."),
	CIVILIAN_HARM_UNKNOWN("The sources give no target and no civilian casualty figure."),
	NEAR_HUMANITARIAN_UNCERTAIN(
			"The location's uncertainty, or the time's, leaves open whether the incident was within the alert distance of a notified site or movement."),
	HUMANITARIAN_PROXIMITY_UNCHECKED("Nobody checked whether a notified site or movement was near."),
	LOCATION_STRADDLES_WITHDRAWAL_DISTANCE(
			"The location's uncertainty radius crosses a withdrawal distance from a route, or the route itself."),
	EQUIPMENT_CLASS_UNKNOWN(
			"The report names no class of weapon or equipment, and the term's distances differ by class.");

	private final String meaning;

	MissingFact(String meaning) {
		this.meaning = meaning;
	}

	public String meaning() {
		return this.meaning;
	}

}
