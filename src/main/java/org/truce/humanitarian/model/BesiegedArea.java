package org.truce.humanitarian.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

/**
 * A besieged or hard-to-reach area and the people in it. The population figures are
 * public information.
 *
 * @param id assigned by Truce
 * @param name the area's name, such as "Eastern Aleppo city"
 * @param status besieged or hard to reach
 * @param area WGS84 (EPSG:4326, x = longitude), a polygon or multipolygon
 * @param population how many people live in it, at least 0
 * @param asOf the date the population and status are given for
 * @param besiegers the actor ids of those besieging it (possibly none)
 * @param sourceNote where the figures come from, or null
 * @param recordedBy the user id of who recorded (or last revised) it
 * @param recordedAt when
 * @param version the number of changes made to it, from 1
 */
public record BesiegedArea(UUID id, String name, BesiegedStatus status, Geometry area, long population, LocalDate asOf,
		List<String> besiegers, String sourceNote, String recordedBy, Instant recordedAt, int version) {

	public BesiegedArea {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(area, "area");
		Objects.requireNonNull(asOf, "asOf");
		Objects.requireNonNull(recordedBy, "recordedBy");
		Objects.requireNonNull(recordedAt, "recordedAt");
		besiegers = besiegers == null ? List.of() : List.copyOf(besiegers);
		if (population < 0) {
			throw new IllegalArgumentException("negative population");
		}
	}

	public String etag() {
		return "\"" + this.version + "\"";
	}

}
