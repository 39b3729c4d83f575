package org.truce.deconfliction.model;

/**
 * A protected place within the alert distance of an incident, surely or possibly.
 *
 * @param place the place
 * @param proximity whether surely or possibly within
 * @param distanceMetres geodesic distance from the incident's point to the nearest point
 * of the place (0 inside an area)
 * @param thresholdMetres the alert distance for the place's kind
 * @param uncertaintyMetres the incident's uncertainty radius
 * @param timeStraddles whether the incident's interval crosses the start or end of the
 * place's window
 */
public record ProximityMatch(ProtectedPlace place, Proximity proximity, double distanceMetres, double thresholdMetres,
		double uncertaintyMetres, boolean timeStraddles) {

}
