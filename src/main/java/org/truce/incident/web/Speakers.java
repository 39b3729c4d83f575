package org.truce.incident.web;

import java.util.List;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * The side the signed-in user speaks for: the party a liaison is bound to, or the sponsor
 * a co-chair is bound to. A user bound to several sides cannot say which it speaks for,
 * and is refused.
 */
@Component
class Speakers {

	String side() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		List<String> sides = who == null ? List.of()
				: who.grants()
					.stream()
					.filter(g -> g.role() == Role.LIAISON || g.role() == Role.CO_CHAIR)
					.map(Grant::actorId)
					.distinct()
					.toList();
		if (sides.size() != 1) {
			throw new RejectedException(sides.isEmpty() ? Problem.keyed(ErrorCode.FORBIDDEN, null, "speaker")
					: Problem.keyed(ErrorCode.FORBIDDEN, null, "severalSides", String.join(", ", sides)));
		}
		return sides.get(0);
	}

}
