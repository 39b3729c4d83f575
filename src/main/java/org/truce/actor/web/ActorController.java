package org.truce.actor.web;

import java.util.Collection;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.NameKey;

@RestController
class ActorController {

	private final ActorDirectory directory;

	private final RowCaps caps;

	ActorController(ActorDirectory directory, RowCaps caps) {
		this.caps = caps;
		this.directory = directory;
	}

	@Operation(summary = "Every known actor, with its type, parent and aliases",
			description = "At most truce.limits.rows.actors (1000): the header Truce-Truncated: true says there were"
					+ " more (the registry is held in memory, so nothing more is read).")
	@GetMapping("/api/actors")
	Collection<Actor> all() {
		return this.caps.cut("actors", java.util.List.copyOf(this.directory.registry().all()));
	}

	@Operation(summary = "How a name resolves",
			description = "Shows the folded key the name was matched under and the outcome: RESOLVED to one actor,"
					+ " AMBIGUOUS between several, or UNRESOLVED.")
	@GetMapping("/api/actors/resolve")
	Map<String, Object> resolve(@RequestParam String name) {
		ActorRef ref = this.directory.resolve(name);
		return ref == null ? Map.of("name", name, "key", "", "status", "UNRESOLVED")
				: Map.of("name", name, "key", NameKey.of(name), "resolution", ref);
	}

}
