package org.truce.agreement.model;

import org.locationtech.jts.geom.Geometry;

/**
 * Where an area held by a party overlaps an area held by an excluded actor, during the
 * time both hold it: the parties' fighters and the excluded group's are mingled there,
 * and a strike cannot be said to target one rather than the other.
 */
public record MingledArea(String partyAreaId, String partyActorId, String excludedAreaId, String excludedActorId,
		Geometry geometry, Period period) {

}
