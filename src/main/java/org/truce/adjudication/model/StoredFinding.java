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
 */
public record StoredFinding(Finding finding, String actorId, List<String> zoneIds, List<String> externalIds,
		Instant incidentStart, Instant incidentEnd, Instant computedAt) {

	public StoredFinding {
		Objects.requireNonNull(finding, "finding");
		zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
		externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
	}

	public static StoredFinding of(Finding finding, Incident incident, Instant computedAt) {
		List<String> zones = finding.reasons()
			.stream()
			.map(r -> r.data().get("zone"))
			.filter(Objects::nonNull)
			.distinct()
			.toList();
		String actorId = incident.actor() == null || !incident.whoActed().known() ? null : incident.actor().actorId();
		return new StoredFinding(finding, actorId, zones, incident.externalIds(), incident.when().start(),
				incident.when().end(), computedAt);
	}

}
