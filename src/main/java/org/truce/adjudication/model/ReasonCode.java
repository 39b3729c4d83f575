package org.truce.adjudication.model;

import java.util.EnumSet;
import java.util.Set;

/** The stable codes of a finding's reasons. */
public enum ReasonCode {

	TERM_IN_FORCE, TERM_WINDOW_STRADDLED, ACTIVITY_PROHIBITED, ACTIVITY_NOT_PROHIBITED, INSIDE_ZONE, OUTSIDE_ZONE,
	ZONE_EDGE_STRADDLED, WHOLE_AREA, EXCEPTION_APPLIES, PERPETRATOR_BOUND, PERPETRATOR_NOT_BOUND, PERPETRATOR_EXCLUDED,
	PERPETRATOR_UNKNOWN, PERPETRATOR_UNRESOLVED, PERPETRATOR_AMBIGUOUS, ATTRIBUTION_CONTESTED, DECLARATION_STRADDLED,
	TARGET_ANYONE, TARGET_PARTY, TARGET_NOT_PARTY, TARGET_EXCLUDED, TARGET_CIVILIANS, TARGET_NOT_CIVILIANS,
	TARGET_AREA_HELD_BY_PARTY, TARGET_AREA_HELD_BY_EXCLUDED, TARGET_AREA_MINGLED, TARGET_AREA_EDGE_STRADDLED,
	TARGET_SIDE_UNKNOWN, CIVILIAN_HARM_UNKNOWN, TARGET_HUMANITARIAN, TARGET_POSSIBLY_HUMANITARIAN,
	TARGET_NOT_HUMANITARIAN, HUMANITARIAN_PROXIMITY_UNCHECKED, WITHIN_WITHDRAWAL_DISTANCE, BEYOND_WITHDRAWAL_DISTANCE,
	WITHDRAWAL_DISTANCE_STRADDLED, EQUIPMENT_CLASS_UNKNOWN,

	/**
	 * The finding holds under one view of a disputed fact of the agreement, named in its
	 * data.
	 */
	UNDER_VIEW,

	/**
	 * A violation whichever of several possible perpetrators acted, charged to none
	 * alone; the data's {@code possiblePerpetrators} names them.
	 */
	VIOLATION_BY_ONE_OF,

	/** No violation whichever of several possible perpetrators acted. */
	NO_POSSIBLE_PERPETRATOR_VIOLATES,

	/**
	 * Undetermined because the finding depends on which of several possible perpetrators
	 * acted.
	 */
	WHO_ACTED_UNKNOWN,

	/**
	 * Never found by the adjudicator: stands, for a reader who sees an incident's place
	 * only coarsened, in place of the reasons that used the exact place.
	 */
	LOCATION_WITHHELD;

	private static final Set<ReasonCode> PLACE = EnumSet.of(INSIDE_ZONE, OUTSIDE_ZONE, ZONE_EDGE_STRADDLED,
			TARGET_AREA_HELD_BY_PARTY, TARGET_AREA_HELD_BY_EXCLUDED, TARGET_AREA_MINGLED, TARGET_AREA_EDGE_STRADDLED,
			TARGET_SIDE_UNKNOWN, TARGET_HUMANITARIAN, TARGET_POSSIBLY_HUMANITARIAN, TARGET_NOT_HUMANITARIAN,
			WITHIN_WITHDRAWAL_DISTANCE, BEYOND_WITHDRAWAL_DISTANCE, WITHDRAWAL_DISTANCE_STRADDLED,
			EQUIPMENT_CLASS_UNKNOWN);

	/**
	 * Whether a reason of this code was found from the incident's exact place (its
	 * distance to a zone's edge, the control areas around it), and says something of it.
	 */
	public boolean usesPlace() {
		return PLACE.contains(this);
	}

}
