package org.truce.testing;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;

/**
 * The parties that tests name most, as actors to register with
 * {@link RunningTruce#register(Actor...)}.
 */
public final class Parties {

	public static final Actor SYRIA_GOVERNMENT = new Actor("syria-government", "Government of Syria",
			ActorType.STATE_FORCE, null, null);

	public static final Actor RUSSIA = new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, null);

	public static final Actor UNITED_STATES = new Actor("united-states", "United States", ActorType.STATE_FORCE, null,
			null);

	public static final Actor FREE_SYRIAN_ARMY = new Actor("free-syrian-army", "Free Syrian Army",
			ActorType.ARMED_GROUP, null, null);

	private Parties() {
	}

}
