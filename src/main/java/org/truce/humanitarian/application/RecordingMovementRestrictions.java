package org.truce.humanitarian.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.humanitarian.model.AccessDestination;
import org.truce.humanitarian.model.MovementRestriction;
import org.truce.humanitarian.model.MovementRestrictionKind;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.ErrorCode;
import org.truce.shared.InstantFields;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Restrictions of the monitors' own movement, recorded by monitors as the OSCE Special
 * Monitoring Mission's daily reports do. Each becomes a RESTRICTION_OF_MONITORS_MOVEMENT
 * report attributed to the restricting actor ({@link AccessIncidentReports}). The
 * restriction ({@code movement-restriction-recorded}), its report ({@code report}) and
 * the link between them ({@code movement-restriction-reported}), each with its ledger
 * entry, are committed in one transaction or not at all. Restrictions are recorded once
 * and not edited (nothing to race on).
 */
@Service
public class RecordingMovementRestrictions {

	public static final String RECORDED = "movement-restriction-recorded";

	public static final String REPORTED = "movement-restriction-reported";

	/** The committed group of a restriction's entry that holds its exact place. */
	public static final String PLACE = "place";

	/** The committed group of a restriction's entry that names who recorded it. */
	public static final String RECORDER = "recorder";

	private final MovementRestrictions store;

	private final AccessIncidentReports reports;

	private final org.truce.actor.application.ActorDirectory actors;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public RecordingMovementRestrictions(MovementRestrictions store, AccessIncidentReports reports,
			org.truce.actor.application.ActorDirectory actors, Ledger ledger, TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.reports = reports;
		this.actors = actors;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/** A restriction as posted. */
	public record NewRestriction(String kind, Integer delayMinutes, RequestingAccess.Destination place, String at,
			String restrictedBy, String patrol, String conditions) {

	}

	/**
	 * Records a restriction and its report (monitors).
	 * @throws RejectedException with a problem per bad field; STORE_UNAVAILABLE when the
	 * store failed, and nothing was recorded
	 */
	public MovementRestriction record(NewRestriction in, String by) {
		List<Problem> problems = new ArrayList<>();
		MovementRestrictionKind kind = null;
		if (in.kind() == null || in.kind().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "kind"));
		}
		else {
			try {
				kind = MovementRestrictionKind.valueOf(in.kind().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "kind", "oneOf", "kind",
						"DENIAL, DELAY, CONDITIONAL_ACCESS"));
			}
		}
		if (kind == MovementRestrictionKind.DELAY) {
			if (in.delayMinutes() == null) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "delayMinutes"));
			}
			else if (in.delayMinutes() < 1) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "delayMinutes", "delayMinutes"));
			}
		}
		else if (in.delayMinutes() != null) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "delayMinutes", "delayOnly"));
		}
		AccessDestination place = null;
		if (in.place() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "place"));
		}
		else {
			String name = AccessInput.text(in.place().name(), "place.name", 500, true, problems);
			boolean lat = AccessInput.latitude(in.place().latitude(), "place.latitude", problems);
			boolean lon = AccessInput.longitude(in.place().longitude(), "place.longitude", problems);
			if (name != null && lat && lon) {
				place = new AccessDestination(name, in.place().latitude(), in.place().longitude());
			}
		}
		Instant at = InstantFields.withOffset("at", in.at(), true, problems);
		String restrictedBy = AccessInput.actor(in.restrictedBy(), "restrictedBy", true, this.actors.registry(),
				problems);
		String patrol = AccessInput.text(in.patrol(), "patrol", RequestingAccess.MAX_TEXT, true, problems);
		String conditions = AccessInput.text(in.conditions(), "conditions", RequestingAccess.MAX_TEXT,
				kind == MovementRestrictionKind.CONDITIONAL_ACCESS, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		MovementRestriction r = new MovementRestriction(UUID.randomUUID(), kind, in.delayMinutes(), place,
				at.truncatedTo(ChronoUnit.MILLIS), restrictedBy, patrol, conditions, by,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), null);
		return AllOrNothing.record(this.tx, "restriction", r.id(), status -> {
			this.store.insert(r);
			this.ledger.append(List.of(recordedEntry(r)));
			UUID report = this.reports.restriction(r).id();
			if (!this.store.linkReport(r.id(), report)) {
				throw new IllegalStateException("movement restriction " + r.id() + " is linked to a report already");
			}
			this.ledger.append(List.of(new LedgerEntry(REPORTED, r.id().toString(),
					Map.of("report", report.toString(), "restrictedBy", r.restrictedBy()))));
			return this.store.byId(r.id()).orElseThrow();
		});
	}

	/**
	 * The restriction's entry: in the clear what it was, when, and who restricted the
	 * monitors (what the agreement holds parties to account for); the exact place (group
	 * {@value #PLACE}: name, latitude, longitude) and the monitor who recorded it (group
	 * {@value #RECORDER}) only as salted commitments: monitors in the field are at risk,
	 * and so is where they go.
	 */
	static LedgerEntry recordedEntry(MovementRestriction r) {
		Map<String, Object> clear = new LinkedHashMap<>();
		clear.put("kind", r.kind().name());
		if (r.delayMinutes() != null) {
			clear.put("delayMinutes", r.delayMinutes());
		}
		clear.put("at", r.at().toString());
		clear.put("restrictedBy", r.restrictedBy());
		clear.put("recordedAt", r.recordedAt().toString());
		Map<String, Object> place = new LinkedHashMap<>();
		place.put("place", r.place().name());
		place.put("latitude", r.place().latitude());
		place.put("longitude", r.place().longitude());
		return LedgerEntry.of(RECORDED, r.id().toString(), clear,
				Map.of(PLACE, place, RECORDER, Map.of("recordedBy", r.recordedBy())));
	}

	/**
	 * The restrictions a reader may see, most recent first: staff all, a liaison those by
	 * its side, anyone else none.
	 */
	public List<MovementRestriction> list(AccessReader reader) {
		return list(reader, RequestingAccess.MAX_LIST);
	}

	/**
	 * The restriction, if the reader may read it
	 * ({@link AccessReader#mayRead(MovementRestriction)}).
	 */
	public Optional<MovementRestriction> read(UUID id, AccessReader reader) {
		return this.store.byId(id).filter(reader::mayRead);
	}

	/** As {@link #list(AccessReader)}, at most {@code limit} of them. */
	public List<MovementRestriction> list(AccessReader reader, int limit) {
		if (reader.staff()) {
			return this.store.list(null, limit);
		}
		return reader.side().isEmpty() ? List.of() : this.store.list(reader.side(), limit);
	}

}
