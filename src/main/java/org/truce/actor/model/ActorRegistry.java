package org.truce.actor.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Resolves reported names to actors. Immutable and thread-safe once built.
 *
 * <p>
 * A name resolves to an actor when its {@link NameKey} equals the key of one of the
 * actor's names (in any language and script), one of its aliases, or its id. Only when no
 * actor has that key is the name's {@link TransliterationKey} looked up among the
 * transliteration keys of the actors' names and aliases, so that a name written in
 * another script or transliterated otherwise is still found. At either step, a key shared
 * by several actors resolves as ambiguous, and the transliteration step is never reached
 * past an ambiguous {@code NameKey}; a key shared by none resolves as unresolved. In
 * every case the reported words are kept, and the reference says which registered name
 * was matched and how ({@link NameMatch}).
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

	/**
	 * The fewest letters a transliteration key must have to be looked up: shorter
	 * skeletons ({@code IS}, {@code US} and {@code SAA} all fold to {@code s}) cannot
	 * tell names apart.
	 */
	public static final int MIN_TRANSLITERATION_KEY = 4;

	private final Map<String, Actor> byId;

	/** By NameKey: the actors with that key, each with the name that gave it. */
	private final Map<String, Map<String, NameMatch>> byKey;

	/** By TransliterationKey, likewise. */
	private final Map<String, Map<String, NameMatch>> byTransliteration;

	public ActorRegistry(Collection<Actor> actors) {
		Map<String, Actor> ids = new LinkedHashMap<>();
		Map<String, Map<String, NameMatch>> keys = new HashMap<>();
		Map<String, Map<String, NameMatch>> transliterations = new HashMap<>();
		for (Actor actor : actors) {
			ids.put(actor.id(), actor);
			for (String name : new LinkedHashSet<>(actor.names().values())) {
				register(keys, transliterations, actor.id(), NameMatch.How.NAME, name);
			}
			for (String alias : actor.aliases()) {
				register(keys, transliterations, actor.id(), NameMatch.How.ALIAS, alias);
			}
			register(keys, null, actor.id(), NameMatch.How.ID, actor.id());
		}
		this.byId = Map.copyOf(ids);
		this.byKey = copy(keys);
		this.byTransliteration = copy(transliterations);
	}

	private static void register(Map<String, Map<String, NameMatch>> keys,
			Map<String, Map<String, NameMatch>> transliterations, String actorId, NameMatch.How how, String name) {
		put(keys, NameKey.of(name), actorId, how, name);
		GovernmentPeriod.in(name).ifPresent(period -> put(keys, NameKey.of(period.openEnded()), actorId, how, name));
		if (transliterations != null) {
			String key = TransliterationKey.of(name);
			if (key.length() >= MIN_TRANSLITERATION_KEY) {
				put(transliterations, key, actorId, NameMatch.How.TRANSLITERATION, name);
			}
		}
	}

	private static void put(Map<String, Map<String, NameMatch>> keys, String key, String actorId, NameMatch.How how,
			String name) {
		if (!key.isEmpty()) {
			keys.computeIfAbsent(key, k -> new TreeMap<>()).putIfAbsent(actorId, NameMatch.of(how, name, key));
		}
	}

	private static Map<String, Map<String, NameMatch>> copy(Map<String, Map<String, NameMatch>> keys) {
		Map<String, Map<String, NameMatch>> out = new HashMap<>();
		keys.forEach((key, matches) -> out.put(key, Collections.unmodifiableMap(new TreeMap<>(matches))));
		return Map.copyOf(out);
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
		Map<String, NameMatch> found = matchesOf(reported);
		if (found.isEmpty()) {
			Optional<GovernmentPeriod> period = GovernmentPeriod.in(reported);
			if (period.isPresent()) {
				found = matchesOf(period.get().openEnded());
				if (found.isEmpty()) {
					found = matchesOf(period.get().withoutPeriod());
				}
			}
		}
		NameMatch ambiguity = null;
		if (found.isEmpty()) {
			String key = TransliterationKey.of(reported);
			if (key.length() >= MIN_TRANSLITERATION_KEY) {
				found = this.byTransliteration.getOrDefault(key, Map.of());
				ambiguity = NameMatch.of(NameMatch.How.TRANSLITERATION, reported, key);
			}
		}
		if (found.size() == 1) {
			Map.Entry<String, NameMatch> only = found.entrySet().iterator().next();
			return ActorRef.resolved(reported, only.getKey(), only.getValue());
		}
		if (found.isEmpty()) {
			return ActorRef.unresolved(reported);
		}
		return new ActorRef(reported, null, ActorRef.ResolutionStatus.AMBIGUOUS, List.copyOf(found.keySet()),
				ambiguity);
	}

	private Map<String, NameMatch> matchesOf(String name) {
		return this.byKey.getOrDefault(NameKey.of(name), Map.of());
	}

	/**
	 * Keys that more than one actor claims: registry data that needs a person's
	 * attention.
	 */
	public Map<String, Set<String>> ambiguousKeys() {
		return shared(this.byKey);
	}

	/**
	 * Transliteration keys that more than one actor's names fold to: a name that matches
	 * none of the registered names as written but has such a key resolves as ambiguous.
	 */
	public Map<String, Set<String>> ambiguousTransliterations() {
		return shared(this.byTransliteration);
	}

	private static Map<String, Set<String>> shared(Map<String, Map<String, NameMatch>> keys) {
		Map<String, Set<String>> out = new TreeMap<>();
		keys.forEach((key, matches) -> {
			if (matches.size() > 1) {
				out.put(key, new TreeSet<>(matches.keySet()));
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
