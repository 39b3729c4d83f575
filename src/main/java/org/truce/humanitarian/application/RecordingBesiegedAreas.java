package org.truce.humanitarian.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.humanitarian.model.BesiegedArea;
import org.truce.humanitarian.model.BesiegedStatus;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.Sha256;

/**
 * Besieged and hard-to-reach areas with their population, recorded and revised by
 * monitors and notifiers; public. Each change is a ledger entry
 * ({@code besieged-area-recorded} or {@code besieged-area-revised}) holding the name,
 * status, population, as-of date, besiegers and the SHA-256 of the area's WKT, in the
 * change's transaction; who recorded it only as a salted commitment (group
 * {@code recorder}, opened for staff). A revision names the version it read (409 when
 * stale).
 */
@Service
public class RecordingBesiegedAreas {

	public static final String RECORDED = "besieged-area-recorded";

	public static final String REVISED = "besieged-area-revised";

	private final BesiegedAreas store;

	private final ActorDirectory actors;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public RecordingBesiegedAreas(BesiegedAreas store, ActorDirectory actors, Ledger ledger, TransactionTemplate tx,
			Clock clock) {
		this.store = store;
		this.actors = actors;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/** An area as posted: every field may be missing or malformed. */
	public record NewArea(String name, String status, JsonNode area, Long population, String asOf,
			List<String> besiegers, String sourceNote) {

	}

	public BesiegedArea record(NewArea in, String by) {
		BesiegedArea area = valid(in, UUID.randomUUID(), by, 1);
		this.tx.executeWithoutResult(status -> {
			this.store.insert(area);
			this.ledger.append(List.of(entry(RECORDED, area)));
		});
		return area;
	}

	/**
	 * Replaces an area's fields.
	 * @throws RejectedException NOT_FOUND, VERSION_REQUIRED, field problems,
	 * STALE_VERSION
	 */
	public BesiegedArea revise(UUID id, NewArea in, Integer expectedVersion, String by) {
		BesiegedArea current = byId(id).orElseThrow(
				() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/besieged-areas/" + id)));
		if (expectedVersion == null) {
			throw new RejectedException(Problem.of(ErrorCode.VERSION_REQUIRED, "version"));
		}
		BesiegedArea revised = valid(in, id, by, expectedVersion + 1);
		boolean done = Boolean.TRUE.equals(this.tx.execute(status -> {
			if (!this.store.revise(revised, expectedVersion)) {
				return false;
			}
			this.ledger.append(List.of(entry(REVISED, revised)));
			return true;
		}));
		if (!done) {
			throw new RejectedException(Problem.keyed(ErrorCode.STALE_VERSION, "version", "current", expectedVersion,
					byId(id).map(BesiegedArea::version).orElse(current.version())));
		}
		return revised;
	}

	public Optional<BesiegedArea> byId(UUID id) {
		return this.store.byId(id);
	}

	public List<BesiegedArea> all() {
		return this.store.all();
	}

	/** The first {@code limit} areas, by name. */
	public List<BesiegedArea> all(int limit) {
		return this.store.all(limit);
	}

	private BesiegedArea valid(NewArea in, UUID id, String by, int version) {
		List<Problem> problems = new ArrayList<>();
		String name = AccessInput.text(in.name(), "name", 500, true, problems);
		BesiegedStatus status = null;
		if (in.status() == null || in.status().isBlank()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "status"));
		}
		else {
			try {
				status = BesiegedStatus.valueOf(in.status().strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "status", "either", "status", "BESIEGED",
						"HARD_TO_REACH"));
			}
		}
		Geometry area = AccessInput.area(in.area(), "area", problems);
		if (in.population() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "population"));
		}
		else if (in.population() < 0) {
			problems.add(Problem.of(ErrorCode.NEGATIVE_NUMBER, "population"));
		}
		LocalDate asOf = AccessInput.date(in.asOf(), "asOf", problems);
		Set<String> besiegers = new LinkedHashSet<>();
		if (in.besiegers() != null) {
			for (int i = 0; i < in.besiegers().size(); i++) {
				String actor = AccessInput.actor(in.besiegers().get(i), "besiegers[" + i + "]", true,
						this.actors.registry(), problems);
				if (actor != null) {
					besiegers.add(actor);
				}
			}
		}
		String note = AccessInput.text(in.sourceNote(), "sourceNote", RequestingAccess.MAX_TEXT, false, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		return new BesiegedArea(id, name, status, area, in.population(), asOf, List.copyOf(besiegers), note, by,
				this.clock.instant().truncatedTo(ChronoUnit.MILLIS), version);
	}

	private static LedgerEntry entry(String kind, BesiegedArea a) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", a.name());
		body.put("status", a.status().name());
		body.put("population", a.population());
		body.put("asOf", a.asOf().toString());
		body.put("besiegers", a.besiegers());
		body.put("areaDigest", Sha256.hex(a.area().toText()));
		body.put("recordedAt", a.recordedAt().toString());
		body.put("version", a.version());
		return LedgerEntry.of(kind, a.id().toString(), body,
				Map.of(RecordingMovementRestrictions.RECORDER, Map.of("recordedBy", a.recordedBy())));
	}

}
