package org.truce.agreement.model;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * The control areas of a delineation, and what they imply for one agreement. Immutable.
 */
public record ControlMap(List<ControlArea> areas) {

	public ControlMap {
		areas = List.copyOf(areas);
	}

	public static final ControlMap EMPTY = new ControlMap(List.of());

	/**
	 * The mingled areas under {@code agreement}: every overlap, with positive area,
	 * between an area held by a party and one held by an excluded actor during
	 * overlapping periods.
	 */
	public List<MingledArea> mingled(Agreement agreement) {
		List<MingledArea> out = new ArrayList<>();
		for (ControlArea party : this.areas) {
			if (!agreement.parties().contains(party.actorId()) || agreement.excluded().contains(party.actorId())) {
				continue;
			}
			for (ControlArea excluded : this.areas) {
				if (!agreement.excluded().contains(excluded.actorId())) {
					continue;
				}
				Period both = party.valid().intersect(excluded.valid());
				if (both == null || !party.geometry()
					.getEnvelopeInternal()
					.intersects(excluded.geometry().getEnvelopeInternal())) {
					continue;
				}
				Geometry overlap = party.geometry().intersection(excluded.geometry());
				if (!overlap.isEmpty() && overlap.getArea() > 0) {
					out.add(new MingledArea(party.id(), party.actorId(), excluded.id(), excluded.actorId(), overlap,
							both));
				}
			}
		}
		return out;
	}

}
