package org.truce.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.incident.application.IncidentDirectory;
import org.truce.incident.application.Incidents;
import org.truce.incident.model.IncidentRecord;

/** Incidents for tests. */
public final class IncidentFixture {

	private IncidentFixture() {
	}

	/**
	 * The open incident that holds a stored report: the one the clustering made for it
	 * (waiting up to five seconds for it), or else a one-report incident made now.
	 */
	public static IncidentRecord incidentOf(RunningTruce truce, UUID reportId) {
		Incidents incidents = truce.bean(Incidents.class);
		IncidentDirectory directory = truce.bean(IncidentDirectory.class);
		long deadline = System.nanoTime() + 5_000_000_000L;
		while (System.nanoTime() < deadline) {
			UUID incident = incidents.incidentOf(List.of(reportId)).get(reportId);
			if (incident != null) {
				return directory.current(incident).orElseThrow();
			}
			if (!clusteringRuns(truce)) {
				break;
			}
			pause();
		}
		truce.bean(TransactionTemplate.class)
			.executeWithoutResult(s -> incidents.create(reportId, List.of(reportId), Instant.now(), "test"));
		return directory.current(reportId).orElseThrow();
	}

	private static boolean clusteringRuns(RunningTruce truce) {
		return truce.bean(ClusteringNewReports.class).isRunning();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
