package org.truce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.PositionBounds;
import org.truce.deconfliction.model.PositionRecord;
import org.truce.geo.model.GeoJsonShape;
import org.truce.ledger.application.AssertedEntries;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.CanonicalJson;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.shared.Asserted;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Records where a party or sponsor declares its own forces operate, and reads the
 * declarations for the co-chairs and the declaring side only.
 *
 * <p>
 * The ledger is public, so a declaration's entry holds the side, who declared it and
 * when, and only a salted commitment to its label, area and window: SHA-256(salt + "." +
 * {@link #content canonical JSON}), with the salt kept in the store and shown only to
 * those who may read the declaration. Anyone else learns that the side declared
 * something, never where.
 * <ul>
 * <li>{@code position-declared}, subject the position's id: {@code {side, declaredBy,
 * declaredAt, contentCommitment, asserted}}: {@code declaredAt} is when Truce recorded
 * it, {@code asserted} when it was declared, as asserted ({@link AssertedEntries})</li>
 * <li>{@code position-withdrawn}, subject the position's id: {@code {side, withdrawnBy,
 * withdrawnAt}}</li>
 * </ul>
 */
@Service
public class DeclaringPositions {

	public static final String DECLARED = "position-declared";

	public static final String WITHDRAWN = "position-withdrawn";

	public static final int MAX_LIST = 1000;

	private static final Set<String> AREAS = Set.of("Point", "Polygon", "MultiPolygon");

	private final DeclaredPositions store;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final PositionBounds bounds;

	public DeclaringPositions(DeclaredPositions store, Ledger ledger, TransactionTemplate tx, Clock clock,
			@Value("${truce.positions.max-area-km2:1000}") double maxAreaKm2,
			@Value("${truce.positions.max-window-days:31}") int maxWindowDays) {
		this.store = store;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
		this.bounds = new PositionBounds(maxAreaKm2, maxWindowDays);
	}

	/** How large and how long a declaration may be. */
	public PositionBounds bounds() {
		return this.bounds;
	}

	/**
	 * What a liaison or co-chair declares.
	 *
	 * @param side the actor declared for: one of the reader's bound actors; may be null
	 * when it has only one
	 * @param area the GeoJSON geometry's JSON text: a Point, Polygon or MultiPolygon
	 * @param asserted when it was declared, on whose word and in what document, if it is
	 * entered after the fact; {@link Asserted.Input#NONE} (or null) for now
	 */
	public record NewPosition(String side, String label, String area, Instant from, Instant to,
			Asserted.Input asserted) {

		public NewPosition(String side, String label, String area, Instant from, Instant to) {
			this(side, label, area, from, to, Asserted.Input.NONE);
		}

	}

	/**
	 * Records a declaration for the declarer's own side.
	 * @throws RejectedException FORBIDDEN when the reader is bound to no actor or names a
	 * side not its own; FIELD_REQUIRED, geometry problems, INTERVAL_END_BEFORE_START,
	 * POSITION_TOO_LARGE and POSITION_WINDOW_TOO_LONG ({@link PositionBounds}), and those
	 * of {@link Asserted#resolve} on {@code asserted}
	 */
	public PositionRecord declare(NewPosition in, DeconflictionReader declarer) {
		if (declarer.declarable().isEmpty()) {
			throw new RejectedException(Problem.keyed(ErrorCode.FORBIDDEN, null, "declarer"));
		}
		List<Problem> problems = new ArrayList<>();
		String side;
		if (in.side() == null || in.side().isBlank()) {
			side = declarer.declarable().get(0);
			if (declarer.declarable().size() > 1) {
				problems.add(Problem.keyed(ErrorCode.FIELD_REQUIRED, "side", "declarerSide",
						String.join(", ", declarer.declarable())));
			}
		}
		else {
			side = in.side().strip();
			if (!declarer.declarable().contains(side)) {
				throw new RejectedException(Problem.keyed(ErrorCode.FORBIDDEN, "side", "declarable",
						String.join(", ", declarer.declarable())));
			}
		}
		String label = in.label() == null || in.label().isBlank() ? null : in.label().strip();
		if (label != null && label.length() > Notifying.MAX_NAME) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, "label"));
		}
		Geometry area = GeometryInput.read("area", in.area(), AREAS, problems);
		if (in.from() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "from"));
		}
		if (in.to() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "to"));
		}
		if (in.from() != null && in.to() != null && in.to().isBefore(in.from())) {
			problems.add(Problem.of(ErrorCode.INTERVAL_END_BEFORE_START, "to"));
		}
		this.bounds.check(area, in.from(), in.to(), problems);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Asserted asserted = Asserted.resolve("asserted", in.asserted(), now, declarer.userId(), problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		DeclaredPosition p = new DeclaredPosition(UUID.randomUUID(), side, label, area,
				in.from().truncatedTo(ChronoUnit.MILLIS), in.to().truncatedTo(ChronoUnit.MILLIS), declarer.userId(),
				now, asserted, null);
		String salt = SaltedCommitment.newSalt();
		this.tx.executeWithoutResult(status -> {
			this.store.insert(p, salt);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("side", side);
			body.put("declaredBy", declarer.userId());
			body.put("declaredAt", now.toString());
			body.put("contentCommitment", SaltedCommitment.of(salt, content(p)));
			body.put("asserted", AssertedEntries.body(asserted, salt, p.id().toString()));
			this.ledger.append(List.of(new LedgerEntry(DECLARED, p.id().toString(), body)));
		});
		return this.store.position(p.id()).orElseThrow();
	}

	/**
	 * Withdraws a declaration of the reader's side; again, nothing changes.
	 * @throws RejectedException NOT_FOUND unless the reader may declare for its side
	 */
	public PositionRecord withdraw(UUID id, DeconflictionReader declarer) {
		PositionRecord found = this.store.position(id)
			.filter(r -> declarer.declarable().contains(r.position().side()))
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/positions/" + id)));
		this.tx.executeWithoutResult(status -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			if (this.store.withdrawPosition(id, declarer.userId(), now)) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("side", found.position().side());
				body.put("withdrawnBy", declarer.userId());
				body.put("withdrawnAt", now.toString());
				this.ledger.append(List.of(new LedgerEntry(WITHDRAWN, id.toString(), body)));
			}
		});
		return this.store.position(id).orElseThrow();
	}

	/**
	 * The declarations the reader may read: every one for a co-chair, its side's for a
	 * liaison, none for anyone else.
	 */
	public List<PositionRecord> list(DeconflictionReader reader, boolean includeWithdrawn) {
		return list(reader, includeWithdrawn, MAX_LIST);
	}

	/** As {@link #list(DeconflictionReader, boolean)}, at most {@code limit} of them. */
	public List<PositionRecord> list(DeconflictionReader reader, boolean includeWithdrawn, int limit) {
		if (reader.coChair()) {
			return this.store.findPositions(null, includeWithdrawn, limit);
		}
		Set<String> sides = new java.util.LinkedHashSet<>(reader.side());
		sides.addAll(reader.declarable());
		return sides.isEmpty() ? List.of() : this.store.findPositions(sides, includeWithdrawn, limit);
	}

	public Optional<PositionRecord> read(UUID id, DeconflictionReader reader) {
		return this.store.position(id).filter(r -> reader.mayRead(r.position()));
	}

	/**
	 * The canonical JSON (RFC 8785) of what a declaration commits to: {@code {label, area
	 * (GeoJSON), from, to}}.
	 */
	public static String content(DeclaredPosition p) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("label", p.label());
		m.put("area", GeoJsonShape.of(p.area()));
		m.put("from", p.from().toString());
		m.put("to", p.to().toString());
		return CanonicalJson.serialize(m);
	}

}
