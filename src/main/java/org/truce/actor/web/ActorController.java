package org.truce.actor.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.actor.model.NameKey;
import org.truce.actor.model.TransliterationKey;

@RestController
class ActorController {

	private final ActorDirectory directory;

	private final RowCaps caps;

	ActorController(ActorDirectory directory, RowCaps caps) {
		this.caps = caps;
		this.directory = directory;
	}

	@Operation(summary = "Every known actor, with its type, parent, names per language and aliases",
			description = "With q, only the actors that name resolves to, in any script (Arabic, Cyrillic, Latin) and"
					+ " through transliteration: one when it resolves, the candidates when it is ambiguous, none"
					+ " when it is unresolved; GET /api/actors/resolve says how. At most truce.limits.rows.actors"
					+ " (1000): the header Truce-Truncated: true says there were more (the registry is held in"
					+ " memory, so nothing more is read).")
	@GetMapping("/api/actors")
	Collection<Actor> all(@RequestParam(required = false) String q) {
		ActorRegistry registry = this.directory.registry();
		if (q == null) {
			return this.caps.cut("actors", List.copyOf(registry.all()));
		}
		ActorRef ref = registry.resolve(q);
		List<String> ids = ref == null ? List.of() : ref.matchesOneActor() ? List.of(ref.actorId()) : ref.candidates();
		return ids.stream().map(registry::byId).flatMap(java.util.Optional::stream).toList();
	}

	@Operation(summary = "How a name resolves",
			description = "Shows the keys the name was matched under (its folded key, and the script-independent key"
					+ " of its transliteration), the outcome: RESOLVED to one actor, AMBIGUOUS between several, or"
					+ " UNRESOLVED, which registered name it matched and how (match), and that in one sentence"
					+ " (explanation).")
	@GetMapping("/api/actors/resolve")
	Map<String, Object> resolve(@RequestParam String name) {
		ActorRef ref = this.directory.resolve(name);
		return ref == null ? Map.of("name", name, "key", "", "status", "UNRESOLVED")
				: Map.of("name", name, "key", NameKey.of(name), "transliterationKey", TransliterationKey.of(name),
						"resolution", ref, "explanation", ref.explanation());
	}

}
