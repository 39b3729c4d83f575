package org.truce.actor.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param names the actor's name in each language, by language tag: {@code en} (always,
 * the same as {@code name}), and where known {@code ar} and {@code ru}. Resolution
 * matches each of them as it matches {@code name}
 */
public record Actor(String id, String name, ActorType type, String parentId, List<String> aliases,
		List<String> associatedWith, Map<String, String> names) {

	/** The language of {@code name}. */
	public static final String NAME_LANGUAGE = "en";

	public Actor {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(type, "type");
		aliases = aliases == null ? List.of() : List.copyOf(aliases);
		associatedWith = associatedWith == null ? List.of() : List.copyOf(associatedWith);
		Map<String, String> all = new LinkedHashMap<>();
		all.put(NAME_LANGUAGE, name);
		if (names != null) {
			names.forEach((language, inIt) -> {
				if (language != null && inIt != null && !inIt.isBlank() && !language.equals(NAME_LANGUAGE)) {
					all.put(language, inIt.strip());
				}
			});
		}
		names = java.util.Collections.unmodifiableMap(all);
	}

	/** An actor whose name is known in English only. */
	public Actor(String id, String name, ActorType type, String parentId, List<String> aliases,
			List<String> associatedWith) {
		this(id, name, type, parentId, aliases, associatedWith, Map.of());
	}

	/** The actor's name in {@code language}, or its {@link #name} when none is known. */
	public String nameIn(String language) {
		return this.names.getOrDefault(language, this.name);
	}

	/** An actor associated with no other. */
	public Actor(String id, String name, ActorType type, String parentId, List<String> aliases) {
		this(id, name, type, parentId, aliases, List.of());
	}

}
