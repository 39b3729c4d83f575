package org.truce.deconfliction.model;

import java.util.EnumSet;
import java.util.Set;

import org.truce.report.model.EventType;

/**
 * The event types that raise proximity alerts: ACLED's explosions and remote violence
 * (air or drone strikes; shelling, artillery and missile attacks; remote explosives,
 * landmines and IEDs; grenades; suicide bombs; chemical weapons), armed clashes, and
 * attacks (violence against civilians by armed groups).
 */
public final class ViolentEvents {

	public static final Set<EventType> TYPES = Set
		.copyOf(EnumSet.of(EventType.AIR_DRONE_STRIKE, EventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
				EventType.ARMED_CLASH, EventType.ATTACK, EventType.SUICIDE_BOMB,
				EventType.REMOTE_EXPLOSIVE_LANDMINE_IED, EventType.GRENADE, EventType.CHEMICAL_WEAPON));

	private ViolentEvents() {
	}

	public static boolean isViolent(EventType type) {
		return TYPES.contains(type);
	}

}
