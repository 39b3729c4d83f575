package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

import org.truce.shared.Asserted;

/**
 * Where a party or sponsor declares its own forces operate, over a time window. Only the
 * co-chairs and the declaring side may see it.
 *
 * @param side the actor whose forces these are (the declarer's bound side)
 * @param area WGS84 polygon (or point), x = longitude
 * @param from start of the window
 * @param to end of the window
 * @param declaredAt when Truce recorded it
 * @param asserted when it was declared, on whose word and in what document: the recording
 * itself unless it was entered after the fact (never later than {@code declaredAt})
 */
public record DeclaredPosition(UUID id, String side, String label, Geometry area, Instant from, Instant to,
		String declaredBy, Instant declaredAt, Asserted asserted, Instant withdrawnAt) {

	public DeclaredPosition {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(area, "area");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (asserted == null && declaredAt != null && declaredBy != null) {
			asserted = Asserted.recorded(declaredAt, declaredBy);
		}
	}

	/** A declaration that asserts nothing but its recording. */
	public DeclaredPosition(UUID id, String side, String label, Geometry area, Instant from, Instant to,
			String declaredBy, Instant declaredAt, Instant withdrawnAt) {
		this(id, side, label, area, from, to, declaredBy, declaredAt, null, withdrawnAt);
	}

	public boolean activeAt(Instant at) {
		return (this.withdrawnAt == null || at.isBefore(this.withdrawnAt)) && !at.isBefore(this.from)
				&& !at.isAfter(this.to);
	}

}
