package org.truce.identity.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.truce.identity.model.Viewer;

/** Who the caller is signed in as, and what that lets it see. */
@RestController
class MeController {

	record Me(String userId, String name, List<String> roles, String reach, List<String> sideActors) {

	}

	@Operation(summary = "The signed-in user: roles, and how much of the record they see (signed-in users)")
	@GetMapping("/api/me")
	Me me(Viewer viewer) {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		return new Me(who.userId(), who.name(), who.grants().stream().map(Object::toString).toList(),
				viewer.reach().name(), List.copyOf(viewer.sideActorIds()));
	}

}
