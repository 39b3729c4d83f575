package org.truce.actor.model;

import java.util.List;
import java.util.Objects;

/**
 * A party, force, group or person that can act or be acted upon.
 *
 * @param id stable identifier, such as {@code syria-government}
 * @param name the display name
 * @param type what kind of actor this is
 * @param parentId the actor this one belongs to (an air force under a government), or
 * null
 * @param aliases other names the actor is reported under; resolution also folds case,
 * diacritics, punctuation and transliteration variants, so these list only genuinely
 * different names
 * @param associatedWith the actors this one supports or is associated with, outside any
 * chain of command (a militia fighting with a government's army); an agreement may bind
 * it through them
 */
public record Actor(String id, String name, ActorType type, String parentId, List<String> aliases,
		List<String> associatedWith) {

	public Actor {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
		associatedWith = associatedWith == null ? List.of() : List.copyOf(associatedWith);
	}

	/** An actor associated with no other. */
	public Actor(String id, String name, ActorType type, String parentId, List<String> aliases) {
		this(id, name, type, parentId, aliases, List.of());
	}

}
