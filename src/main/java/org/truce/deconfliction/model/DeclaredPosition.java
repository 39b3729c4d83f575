package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

/**
 * Where a party or sponsor declares its own forces operate, over a time window. Only the
 * co-chairs and the declaring side may see it.
 *
 * @param side the actor whose forces these are (the declarer's bound side)
 * @param area WGS84 polygon (or point), x = longitude
 * @param from start of the window
 * @param to end of the window
 */
public record DeclaredPosition(UUID id, String side, String label, Geometry area, Instant from, Instant to,
		String declaredBy, Instant declaredAt, Instant withdrawnAt) {

	public DeclaredPosition {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(side, "side");
		Objects.requireNonNull(area, "area");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

	public boolean activeAt(Instant at) {
		return (this.withdrawnAt == null || at.isBefore(this.withdrawnAt)) && !at.isBefore(this.from)
				&& !at.isAfter(this.to);
	}

}
