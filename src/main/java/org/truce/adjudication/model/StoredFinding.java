package org.truce.adjudication.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.truce.incident.model.Incident;

/**
 * A finding as kept in the record, with the facts of its incident needed to filter
 * findings without re-reading incidents.
 *
 * @param finding the finding
 * @param actorId the perpetrator's resolved actor; null when nobody is named, and when
 * the sources do not say which of several actors acted (so that no filter by actor
 * charges one of them alone)
 * @param zoneIds the zones its reasons name
 * @param externalIds the incident's ids in its sources' systems
 * @param incidentStart the start of the incident's interval
 * @param incidentEnd the end of the incident's interval
 * @param computedAt when it was computed
 * @param possiblePerpetrators when the sources do not say which of several actors acted,
 * the resolved ids of those who may have (the sides of a dyad, or the actors named as one
 * of whom acted); empty when they say who acted
 */
public record StoredFinding(Finding finding, String actorId, List<String> zoneIds, List<String> externalIds,
		Instant incidentStart, Instant incidentEnd, Instant computedAt, List<String> possiblePerpetrators) {

	public StoredFinding {
		Objects.requireNonNull(finding, "finding");
		zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
		externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
		possiblePerpetrators = possiblePerpetrators == null ? List.of() : List.copyOf(possiblePerpetrators);
	}

	/** A finding whose sources say who acted, or name nobody. */
	public StoredFinding(Finding finding, String actorId, List<String> zoneIds, List<String> externalIds,
			Instant incidentStart, Instant incidentEnd, Instant computedAt) {
		this(finding, actorId, zoneIds, externalIds, incidentStart, incidentEnd, computedAt, List.of());
	}

	public static StoredFinding of(Finding finding, Incident incident, Instant computedAt) {
		List<String> zones = finding.reasons()
			.stream()
			.map(r -> r.data().get("zone"))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		return new StoredFinding(finding, incident.knownActorId(), zones, incident.externalIds(),
				incident.when().start(), incident.when().end(), computedAt, incident.possiblePerpetratorIds());
	}

	/** The same finding as shown to a reader: these reasons' finding, zones and ids. */
	public StoredFinding shown(Finding shown, List<String> zones, List<String> ids) {
		return new StoredFinding(shown, this.actorId, zones, ids, this.incidentStart, this.incidentEnd, this.computedAt,
				this.possiblePerpetrators);
	}

	/**
	 * How the actor is named in it: {@link Role#ACTOR} when the sources say the actor
	 * acted, {@link Role#POSSIBLE_PERPETRATOR} when it is one of those who may have; null
	 * when it is neither.
	 */
	public Role roleOf(String actor) {
		if (actor == null) {
			return null;
		}
		if (actor.equals(this.actorId)) {
			return Role.ACTOR;
		}
		return this.possiblePerpetrators.contains(actor) ? Role.POSSIBLE_PERPETRATOR : null;
	}

	/** How an actor is named in a finding. */
	public enum Role {

		/** The sources say it acted. */
		ACTOR,

		/**
		 * It is one of several who may have acted; the sources do not say which, and it
		 * is charged with nothing alone.
		 */
		POSSIBLE_PERPETRATOR

	}

}
