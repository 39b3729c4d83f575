package org.truce.incident.model;

import java.util.List;
import java.util.Objects;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.Casualties;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.Report;
import org.truce.report.model.TimeSpan;

/**
 * One event in the world, as the record currently understands it. Until reports are
 * clustered, every report is an incident of its own ({@link #ofReport}); the adjudication
 * engine sees only this type, so clustering can come without changing it.
 *
 * @param id stable identifier; for a one-report incident, the report's id
 * @param reportIds the reports that describe it
 * @param externalIds the sources' own ids (such as UCDP event ids)
 * @param eventType what happened
 * @param when the interval in which it happened
 * @param where the place, with its uncertainty
 * @param actor who acted, or null when no source names anyone
 * @param target against whom, or null
 * @param casualties deaths reported
 */
public record Incident(String id, List<String> reportIds, List<String> externalIds, EventType eventType, TimeSpan when,
		Location where, ActorRef actor, ActorRef target, Casualties casualties) {

	public Incident {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(when, "when");
		Objects.requireNonNull(where, "where");
		reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
		externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
		casualties = casualties == null ? Casualties.NONE : casualties;
	}

	public static Incident ofReport(Report report) {
		return new Incident(report.id().toString(), List.of(report.id().toString()),
				report.externalId() == null ? List.of() : List.of(report.externalId()), report.eventType(),
				report.when(), report.where(), report.actor(), report.target(), report.casualties());
	}

	/** The best estimate of civilian deaths, or null when none is reported. */
	public Integer civilianDeaths() {
		return this.casualties.civilians() == null ? null : this.casualties.civilians().best();
	}

}
