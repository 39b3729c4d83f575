package org.truce.identity.application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRegistry;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;

/**
 * Turns a reader's grants into a {@link Viewer}: a liaison's side is its bound actors and
 * all their sub-units (an air force under its government).
 */
@Service
public class Readers {

	private final ActorDirectory actors;

	public Readers(ActorDirectory actors) {
		this.actors = actors;
	}

	public Viewer viewer(String userId, Collection<Grant> grants) {
		Set<String> side = new LinkedHashSet<>();
		ActorRegistry registry = this.actors.registry();
		for (Grant g : grants) {
			if (g.role() == Role.LIAISON) {
				side.add(g.actorId());
				for (Actor a : registry.all()) {
					if (registry.lineage(a.id()).stream().anyMatch(ancestor -> ancestor.id().equals(g.actorId()))) {
						side.add(a.id());
					}
				}
			}
		}
		return Viewer.of(userId, grants, side);
	}

}
