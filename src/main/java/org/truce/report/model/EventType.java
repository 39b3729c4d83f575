package org.truce.report.model;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.truce.actor.model.NameKey;

/**
 * What happened: ACLED's event types and sub-event types, plus the types specific to a
 * ceasefire. The {@link #code()} is the stable identifier used in the API and the store.
 */
public enum EventType {

	ARMED_CLASH(Category.BATTLES, "Armed clash"),
	GOVERNMENT_REGAINS_TERRITORY(Category.BATTLES, "Government regains territory"),
	NON_STATE_ACTOR_OVERTAKES_TERRITORY(Category.BATTLES, "Non-state actor overtakes territory"),
	CHEMICAL_WEAPON(Category.EXPLOSIONS_REMOTE_VIOLENCE, "Chemical weapon"),
	AIR_DRONE_STRIKE(Category.EXPLOSIONS_REMOTE_VIOLENCE, "Air/drone strike"),
	SUICIDE_BOMB(Category.EXPLOSIONS_REMOTE_VIOLENCE, "Suicide bomb"),
	SHELLING_ARTILLERY_MISSILE_ATTACK(Category.EXPLOSIONS_REMOTE_VIOLENCE, "Shelling/artillery/missile attack"),
	REMOTE_EXPLOSIVE_LANDMINE_IED(Category.EXPLOSIONS_REMOTE_VIOLENCE, "Remote explosive/landmine/IED"),
	GRENADE(Category.EXPLOSIONS_REMOTE_VIOLENCE, "Grenade"),
	SEXUAL_VIOLENCE(Category.VIOLENCE_AGAINST_CIVILIANS, "Sexual violence"),
	ATTACK(Category.VIOLENCE_AGAINST_CIVILIANS, "Attack"),
	ABDUCTION_FORCED_DISAPPEARANCE(Category.VIOLENCE_AGAINST_CIVILIANS, "Abduction/forced disappearance"),
	PEACEFUL_PROTEST(Category.PROTESTS, "Peaceful protest"),
	PROTEST_WITH_INTERVENTION(Category.PROTESTS, "Protest with intervention"),
	EXCESSIVE_FORCE_AGAINST_PROTESTERS(Category.PROTESTS, "Excessive force against protesters"),
	VIOLENT_DEMONSTRATION(Category.RIOTS, "Violent demonstration"), MOB_VIOLENCE(Category.RIOTS, "Mob violence"),
	AGREEMENT(Category.STRATEGIC_DEVELOPMENTS, "Agreement"), ARRESTS(Category.STRATEGIC_DEVELOPMENTS, "Arrests"),
	CHANGE_TO_GROUP_ACTIVITY(Category.STRATEGIC_DEVELOPMENTS, "Change to group/activity"),
	DISRUPTED_WEAPONS_USE(Category.STRATEGIC_DEVELOPMENTS, "Disrupted weapons use"),
	HEADQUARTERS_OR_BASE_ESTABLISHED(Category.STRATEGIC_DEVELOPMENTS, "Headquarters or base established"),
	LOOTING_PROPERTY_DESTRUCTION(Category.STRATEGIC_DEVELOPMENTS, "Looting/property destruction"),
	NON_VIOLENT_TRANSFER_OF_TERRITORY(Category.STRATEGIC_DEVELOPMENTS, "Non-violent transfer of territory"),
	OTHER(Category.STRATEGIC_DEVELOPMENTS, "Other"), AID_OBSTRUCTION(Category.CEASEFIRE, "Aid obstruction"),
	SIEGE_BLOCKADE(Category.CEASEFIRE, "Siege/blockade"), TERRITORY_SEIZURE(Category.CEASEFIRE, "Territory seizure"),
	RESTRICTION_OF_MONITORS_MOVEMENT(Category.CEASEFIRE, "Restriction of monitors' movement"),
	WEAPONS_IN_RESTRICTED_AREA(Category.CEASEFIRE, "Weapons in a restricted area");

	private final Category category;

	private final String label;

	EventType(Category category, String label) {
		this.category = category;
		this.label = label;
	}

	public Category category() {
		return this.category;
	}

	/** The sub-event type as ACLED (or, for ceasefire types, Truce) writes it. */
	public String label() {
		return this.label;
	}

	/** The stable code, such as {@code air_drone_strike}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Finds a type by its code or its label, ignoring case and punctuation:
	 * {@code air_drone_strike}, {@code Air/drone strike} and {@code AIR_DRONE_STRIKE} are
	 * one type.
	 */
	public static Optional<EventType> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		EventType byCode = Lookup.BY_CODE.get(text);
		if (byCode != null) {
			return Optional.of(byCode);
		}
		return Optional.ofNullable(Lookup.BY_KEY.get(NameKey.of(text.replace('_', ' '))));
	}

	/**
	 * The folded keys of every label and name, computed once: the first type in
	 * declaration order wins a shared key. Codes, the common case, are looked up as they
	 * are, each mapped to what its folded key finds.
	 */
	private static final class Lookup {

		static final Map<String, EventType> BY_KEY = new HashMap<>();

		static final Map<String, EventType> BY_CODE = new HashMap<>();

		static {
			for (EventType type : values()) {
				BY_KEY.putIfAbsent(NameKey.of(type.label()), type);
				BY_KEY.putIfAbsent(NameKey.of(type.name().replace('_', ' ')), type);
			}
			for (EventType type : values()) {
				EventType found = BY_KEY.get(NameKey.of(type.code().replace('_', ' ')));
				if (found != null) {
					BY_CODE.put(type.code(), found);
				}
			}
		}

	}

	/** ACLED's event types, and Truce's own for ceasefire-specific events. */
	public enum Category {

		BATTLES("Battles"), EXPLOSIONS_REMOTE_VIOLENCE("Explosions/Remote violence"),
		VIOLENCE_AGAINST_CIVILIANS("Violence against civilians"), PROTESTS("Protests"), RIOTS("Riots"),
		STRATEGIC_DEVELOPMENTS("Strategic developments"), CEASEFIRE("Ceasefire-specific");

		private final String label;

		Category(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

}
