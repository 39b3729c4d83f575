package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.Objects;

import org.truce.incident.model.Incident;
import org.truce.report.model.EventType;
import org.truce.report.model.Report;

/**
 * What the proximity check needs of a report or incident.
 *
 * @param latitude WGS84 degrees
 * @param longitude WGS84 degrees
 * @param uncertaintyMetres the radius around the point within which it happened
 * @param start earliest instant it may have happened
 * @param end latest instant it may have happened
 * @param eventType what happened
 */
public record IncidentProbe(double latitude, double longitude, double uncertaintyMetres, Instant start, Instant end,
		EventType eventType) {

	public IncidentProbe {
		Objects.requireNonNull(start, "start");
		Objects.requireNonNull(end, "end");
		Objects.requireNonNull(eventType, "eventType");
		if (!(uncertaintyMetres >= 0)) {
			throw new IllegalArgumentException("negative uncertainty");
		}
	}

	public static IncidentProbe of(Report r) {
		return new IncidentProbe(r.where().latitude(), r.where().longitude(), r.where().uncertaintyMetres(),
				r.when().start(), r.when().end(), r.eventType());
	}

	public static IncidentProbe of(Incident i) {
		return new IncidentProbe(i.where().latitude(), i.where().longitude(), i.where().uncertaintyMetres(),
				i.when().start(), i.when().end(), i.eventType());
	}

}
