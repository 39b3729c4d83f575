package org.truce.actor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resolves reported names to actors. Immutable and thread-safe once built.
 *
 * <p>
 * A name resolves to an actor when its {@link NameKey} equals the key of the actor's id,
 * name or one of its aliases. A key shared by several actors resolves as ambiguous; a key
 * shared by none as unresolved. In both cases the reported words are kept.
 */
public final class ActorRegistry {

	private final Map<String, Actor> byId;

	private final Map<String, Set<String>> idsByKey;

	public ActorRegistry(Collection<Actor> actors) {
		Map<String, Actor> ids = new LinkedHashMap<>();
		Map<String, Set<String>> keys = new HashMap<>();
		for (Actor actor : actors) {
			ids.put(actor.id(), actor);
			for (String name : namesOf(actor)) {
				String key = NameKey.of(name);
				if (!key.isEmpty()) {
					keys.computeIfAbsent(key, k -> new TreeSet<>()).add(actor.id());
				}
			}
		}
		this.byId = Map.copyOf(ids);
		this.idsByKey = Map.copyOf(keys);
	}

	private static List<String> namesOf(Actor actor) {
		List<String> names = new ArrayList<>();
		names.add(actor.id());
		names.add(actor.name());
		names.addAll(actor.aliases());
		return names;
	}

	public Optional<Actor> byId(String id) {
		return Optional.ofNullable(id == null ? null : byId.get(id));
	}

	public Collection<Actor> all() {
		return byId.values();
	}

	/**
	 * Resolves {@code reported}; null or blank input yields null (no actor was reported).
	 */
	public ActorRef resolve(String reported) {
		if (reported == null || reported.isBlank()) {
			return null;
		}
		Set<String> ids = idsByKey.getOrDefault(NameKey.of(reported), Set.of());
		if (ids.size() == 1) {
			return ActorRef.resolved(reported, ids.iterator().next());
		}
		if (ids.isEmpty()) {
			return ActorRef.unresolved(reported);
		}
		return new ActorRef(reported, null, ActorRef.ResolutionStatus.AMBIGUOUS, List.copyOf(ids));
	}

	/**
	 * Keys that more than one actor claims: registry data that needs a person's
	 * attention.
	 */
	public Map<String, Set<String>> ambiguousKeys() {
		Map<String, Set<String>> out = new LinkedHashMap<>();
		idsByKey.forEach((key, ids) -> {
			if (ids.size() > 1) {
				out.put(key, ids);
			}
		});
		return out;
	}

	/** The actor and all its ancestors, nearest first. */
	public List<Actor> lineage(String actorId) {
		List<Actor> out = new ArrayList<>();
		Actor current = byId.get(actorId);
		while (current != null && out.size() < 32) {
			out.add(current);
			current = current.parentId() == null ? null : byId.get(current.parentId());
		}
		return out;
	}

}
