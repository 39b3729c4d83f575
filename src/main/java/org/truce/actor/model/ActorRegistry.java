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
 *
 * <p>
 * A name with a {@link GovernmentPeriod} in brackets, such as ACLED's
 * {@code Military Forces of Syria (2000-2024)}, that matches nothing as written is looked
 * up twice more, stopping at the first step that finds an actor: with the period open
 * from the same first year ({@code (2000-)}, the same government while it held power),
 * and then without the period, among names registered without one. So an alias written
 * with a period matches only that government; an alias written without one matches the
 * forces of every government of that name. Brackets that hold no period, such as a
 * country, are never dropped.
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
				register(keys, NameKey.of(name), actor.id());
				GovernmentPeriod.in(name)
					.ifPresent(period -> register(keys, NameKey.of(period.openEnded()), actor.id()));
			}
		}
		this.byId = Map.copyOf(ids);
		this.idsByKey = Map.copyOf(keys);
	}

	private static void register(Map<String, Set<String>> keys, String key, String actorId) {
		if (!key.isEmpty()) {
			keys.computeIfAbsent(key, k -> new TreeSet<>()).add(actorId);
		}
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
		Set<String> ids = idsOf(reported);
		if (ids.isEmpty()) {
			Optional<GovernmentPeriod> period = GovernmentPeriod.in(reported);
			if (period.isPresent()) {
				ids = idsOf(period.get().openEnded());
				if (ids.isEmpty()) {
					ids = idsOf(period.get().withoutPeriod());
				}
			}
		}
		if (ids.size() == 1) {
			return ActorRef.resolved(reported, ids.iterator().next());
		}
		if (ids.isEmpty()) {
			return ActorRef.unresolved(reported);
		}
		return new ActorRef(reported, null, ActorRef.ResolutionStatus.AMBIGUOUS, List.copyOf(ids));
	}

	private Set<String> idsOf(String name) {
		return this.idsByKey.getOrDefault(NameKey.of(name), Set.of());
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
