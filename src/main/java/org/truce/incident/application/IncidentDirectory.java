package org.truce.incident.application;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.identity.model.Viewer;
import org.truce.incident.model.IncidentRecord;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.Report;

/**
 * What other contexts (requests for information, determinations) ask about incidents:
 * which incident an id now stands for, and whether a reader may see it.
 */
@Service
public class IncidentDirectory {

	/** Merges chain at most this deep before the record is inconsistent. */
	private static final int MAX_CHAIN = 64;

	private final Incidents incidents;

	private final ReadingReports reports;

	public IncidentDirectory(Incidents incidents, ReadingReports reports) {
		this.incidents = incidents;
		this.reports = reports;
	}

	/**
	 * The open incident an id stands for: the incident itself, or the one it was merged
	 * into, or, for a report's id, the incident that holds the report; empty when there
	 * is none.
	 */
	public Optional<IncidentRecord> current(UUID id) {
		Optional<IncidentRecord> found = this.incidents.find(id);
		if (found.isEmpty()) {
			UUID holding = this.incidents.incidentOf(List.of(id)).get(id);
			found = holding == null ? Optional.empty() : this.incidents.find(holding);
		}
		for (int i = 0; i < MAX_CHAIN && found.isPresent()
				&& found.get().status() == IncidentRecord.Status.MERGED; i++) {
			found = this.incidents.find(found.get().mergedInto());
		}
		return found.filter(r -> r.status() == IncidentRecord.Status.OPEN);
	}

	/**
	 * The open incident an id stands for, if the reader may see it: it may when it may
	 * see at least one of its reports. An incident the reader may not see is, to it, not
	 * found.
	 */
	public Optional<IncidentRecord> current(UUID id, Viewer viewer) {
		return current(id).filter(r -> !visibleReports(r, viewer).isEmpty());
	}

	/**
	 * The reports of the incident with this id (its first report's), or the id alone for
	 * a report in no incident.
	 */
	public List<UUID> reportIdsOf(UUID id) {
		return this.incidents.find(id).map(IncidentRecord::reportIds).filter(r -> !r.isEmpty()).orElse(List.of(id));
	}

	/** The incident's reports the reader may see, as it may see them. */
	public List<Report> visibleReports(IncidentRecord incident, Viewer viewer) {
		return incident.reportIds().stream().flatMap(id -> this.reports.byId(id, viewer).stream()).toList();
	}

}
