package org.truce.humanitarian.web;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.humanitarian.application.RecordingMovementRestrictions;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.MovementRestriction;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** Restrictions of the monitors' own movement: recorded by monitors. */
@RestController
class MovementRestrictionController {

	private final RecordingMovementRestrictions restrictions;

	private final RequestingAccess access;

	private final RowCaps caps;

	MovementRestrictionController(RecordingMovementRestrictions restrictions, RequestingAccess access, RowCaps caps) {
		this.caps = caps;
		this.restrictions = restrictions;
		this.access = access;
	}

	@Operation(summary = "Record a restriction of the monitors' movement (monitors)",
			description = "kind DENIAL, DELAY (delayMinutes >= 1) or CONDITIONAL_ACCESS (conditions); place {name,"
					+ " latitude, longitude}; at an instant with offset; restrictedBy an actor id; patrol. A ledger"
					+ " entry (movement-restriction-recorded); it becomes a RESTRICTION_OF_MONITORS_MOVEMENT report"
					+ " attributed to restrictedBy, linked as report.")
	@PostMapping(path = "/api/movement-restrictions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> record(@RequestBody RecordingMovementRestrictions.NewRestriction body) {
		MovementRestriction r = this.restrictions.record(body, signedIn().userId());
		return ResponseEntity.created(URI.create("/api/movement-restrictions")).body(AccessViews.restriction(r));
	}

	@Operation(summary = "Restrictions of the monitors' movement (staff all; a liaison, those by its side)",
			description = "Most recent first; at most truce.limits.rows.movement-restrictions (1000), the header"
					+ " Truce-Truncated and truncated: true say there were more.")
	@GetMapping("/api/movement-restrictions")
	Map<String, Object> list() {
		SignedIn who = signedIn();
		return RowCaps
			.items(this.caps
				.cut("movement-restrictions",
						this.restrictions.list(this.access.reader(who.userId(), who.grants()),
								this.caps.ask("movement-restrictions")))
				.stream()
				.map(AccessViews::restriction)
				.toList());
	}

	private static SignedIn signedIn() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who;
	}

}
