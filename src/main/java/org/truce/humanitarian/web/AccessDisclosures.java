package org.truce.humanitarian.web;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.truce.humanitarian.application.AccessReader;
import org.truce.humanitarian.application.RecordingBesiegedAreas;
import org.truce.humanitarian.application.RecordingMovementRestrictions;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.identity.web.SignedIn;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.KindDisclosures;

/**
 * Which commitments of humanitarian access's entries a reader sees opened, by the rules
 * of the API ({@link AccessReader}): a convoy's {@code window} to whoever reads the
 * request ({@code GET /api/access-requests/{id}}: staff, notifiers, the liaisons of the
 * parties asked); a restriction's {@code place} and {@code recorder} to whoever reads the
 * restriction ({@code GET /api/movement-restrictions}: staff, and the liaisons of the
 * side that imposed it, who are shown both); a besieged area's {@code recorder}, which
 * the API shows no one, to staff only. The public reads none of these records.
 */
@Component
class AccessDisclosures implements KindDisclosures {

	private static final Set<String> KINDS = Set.of(RequestingAccess.REQUESTED, RequestingAccess.DECIDED,
			RequestingAccess.OUTCOME, RequestingAccess.OBSTRUCTION_REPORTED, RecordingMovementRestrictions.RECORDED,
			RecordingMovementRestrictions.REPORTED, RecordingBesiegedAreas.RECORDED, RecordingBesiegedAreas.REVISED);

	private final RequestingAccess access;

	private final RecordingMovementRestrictions restrictions;

	AccessDisclosures(RequestingAccess access, RecordingMovementRestrictions restrictions) {
		this.access = access;
		this.restrictions = restrictions;
	}

	@Override
	public Set<String> kinds() {
		return KINDS;
	}

	@Override
	public DisclosurePolicy forCurrentReader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			return DisclosurePolicy.NONE;
		}
		AccessReader reader = this.access.reader(who.userId(), who.grants());
		if (reader.staff()) {
			return DisclosurePolicy.ALL;
		}
		return (kind, subject, group) -> {
			if (RequestingAccess.REQUESTED.equals(kind) && RequestingAccess.WINDOW.equals(group)) {
				return id(subject).flatMap(id -> this.access.read(id, reader)).isPresent();
			}
			if (RecordingMovementRestrictions.RECORDED.equals(kind)) {
				return id(subject).flatMap(id -> this.restrictions.read(id, reader)).isPresent();
			}
			return false;
		};
	}

	private static Optional<UUID> id(String subject) {
		try {
			return Optional.of(UUID.fromString(subject));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

}
