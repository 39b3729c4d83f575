package org.truce.incident.model;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.truce.report.model.EventType;

import static org.truce.report.model.EventType.ABDUCTION_FORCED_DISAPPEARANCE;
import static org.truce.report.model.EventType.AGREEMENT;
import static org.truce.report.model.EventType.AID_OBSTRUCTION;
import static org.truce.report.model.EventType.AIR_DRONE_STRIKE;
import static org.truce.report.model.EventType.ARMED_CLASH;
import static org.truce.report.model.EventType.ARRESTS;
import static org.truce.report.model.EventType.ATTACK;
import static org.truce.report.model.EventType.CHANGE_TO_GROUP_ACTIVITY;
import static org.truce.report.model.EventType.CHEMICAL_WEAPON;
import static org.truce.report.model.EventType.DISRUPTED_WEAPONS_USE;
import static org.truce.report.model.EventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
import static org.truce.report.model.EventType.GOVERNMENT_REGAINS_TERRITORY;
import static org.truce.report.model.EventType.GRENADE;
import static org.truce.report.model.EventType.HEADQUARTERS_OR_BASE_ESTABLISHED;
import static org.truce.report.model.EventType.LOOTING_PROPERTY_DESTRUCTION;
import static org.truce.report.model.EventType.MOB_VIOLENCE;
import static org.truce.report.model.EventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
import static org.truce.report.model.EventType.NON_VIOLENT_TRANSFER_OF_TERRITORY;
import static org.truce.report.model.EventType.OTHER;
import static org.truce.report.model.EventType.PEACEFUL_PROTEST;
import static org.truce.report.model.EventType.PROTEST_WITH_INTERVENTION;
import static org.truce.report.model.EventType.REMOTE_EXPLOSIVE_LANDMINE_IED;
import static org.truce.report.model.EventType.RESTRICTION_OF_MONITORS_MOVEMENT;
import static org.truce.report.model.EventType.SEXUAL_VIOLENCE;
import static org.truce.report.model.EventType.SHELLING_ARTILLERY_MISSILE_ATTACK;
import static org.truce.report.model.EventType.SIEGE_BLOCKADE;
import static org.truce.report.model.EventType.SUICIDE_BOMB;
import static org.truce.report.model.EventType.TERRITORY_SEIZURE;
import static org.truce.report.model.EventType.VIOLENT_DEMONSTRATION;
import static org.truce.report.model.EventType.WEAPONS_IN_RESTRICTED_AREA;

/**
 * Groups of event types that sources use for the same event, so that two reports whose
 * types fall in one group may be merged. Every {@link EventType} is in exactly one group.
 * Two types in different groups are incompatible: such reports are only proposed as
 * candidate links ({@link LinkReason#INCOMPATIBLE_TYPES}).
 *
 * <p>
 * The groups follow where sources disagree in practice, not ACLED's categories: an air
 * strike is often reported as shelling or a missile attack, and a chemical attack arrives
 * by either; a capture of territory is also a clash, and one side's "handed over" is the
 * other's "seized"; one side's arrest is the other's forced disappearance; one side's
 * peaceful protest is the other's riot. Devices set on the ground (IEDs, suicide bombs,
 * grenades) are kept apart from strikes from afar because they point to different
 * perpetrators.
 */
public enum TypeGroup {

	/** Armed clashes and changes of territory, violent or not. */
	FIGHTING_AND_TERRITORY(ARMED_CLASH, GOVERNMENT_REGAINS_TERRITORY, NON_STATE_ACTOR_OVERTAKES_TERRITORY,
			TERRITORY_SEIZURE, NON_VIOLENT_TRANSFER_OF_TERRITORY),
	/** Air and drone strikes, shelling, artillery and missiles, chemical weapons. */
	STRIKES_FROM_AFAR(AIR_DRONE_STRIKE, SHELLING_ARTILLERY_MISSILE_ATTACK, CHEMICAL_WEAPON),
	/** Explosives placed or thrown: IEDs, landmines, suicide bombs, grenades. */
	EXPLOSIVE_DEVICES(REMOTE_EXPLOSIVE_LANDMINE_IED, SUICIDE_BOMB, GRENADE),
	/** Attacks on civilians and sexual violence. */
	ASSAULT_ON_CIVILIANS(ATTACK, SEXUAL_VIOLENCE),
	/** Arrests, abductions and forced disappearances. */
	DETENTION(ARRESTS, ABDUCTION_FORCED_DISAPPEARANCE),
	/** Protests and riots, and force used against them. */
	UNREST(PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE_AGAINST_PROTESTERS, VIOLENT_DEMONSTRATION,
			MOB_VIOLENCE),
	/** Obstructed aid, sieges, monitors kept out. */
	ACCESS(AID_OBSTRUCTION, SIEGE_BLOCKADE, RESTRICTION_OF_MONITORS_MOVEMENT),
	/** Weapons or bases where they should not be. */
	MILITARY_POSTURE(WEAPONS_IN_RESTRICTED_AREA, HEADQUARTERS_OR_BASE_ESTABLISHED),
	/** Agreements, alone. */
	AGREEMENTS(AGREEMENT),
	/** Changes to a group or its activity, alone. */
	GROUP_CHANGES(CHANGE_TO_GROUP_ACTIVITY),
	/** Disrupted weapons use (seizures, defusals), alone. */
	DISRUPTED_WEAPONS(DISRUPTED_WEAPONS_USE),
	/** Looting and destruction of property, alone. */
	PROPERTY(LOOTING_PROPERTY_DESTRUCTION),
	/** Anything else, alone. */
	OTHER_EVENTS(OTHER);

	private final Set<EventType> types;

	TypeGroup(EventType... types) {
		this.types = Set.copyOf(EnumSet.of(types[0], types));
	}

	public Set<EventType> types() {
		return this.types;
	}

	public static TypeGroup of(EventType type) {
		return Index.GROUPS.get(type);
	}

	/**
	 * The group of a type code (or label, as {@link EventType#parse} reads it), or empty
	 * for an unknown code.
	 */
	public static Optional<TypeGroup> ofCode(String code) {
		return EventType.parse(code).map(TypeGroup::of);
	}

	/**
	 * Whether reports of these two types may describe the same event: the same code, or
	 * known types of the same group. An unknown code is compatible only with itself.
	 */
	public static boolean compatible(String a, String b) {
		if (a.equals(b)) {
			return true;
		}
		Optional<TypeGroup> ga = ofCode(a);
		return ga.isPresent() && ga.equals(ofCode(b));
	}

	private static final class Index {

		static final Map<EventType, TypeGroup> GROUPS = new EnumMap<>(EventType.class);

		static {
			for (TypeGroup group : values()) {
				for (EventType type : group.types) {
					if (GROUPS.put(type, group) != null) {
						throw new IllegalStateException(type + " is in two groups");
					}
				}
			}
		}

	}

}
