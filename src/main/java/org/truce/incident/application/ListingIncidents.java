package org.truce.incident.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;

/**
 * The list of incidents a reader may see, newest first, a page at a time, optionally
 * within a time range. It adds no rule of its own about what a reader may see: it walks
 * the reports the reader may see ({@link ReadingReports}, newest event first, filtered by
 * the range as {@code GET /api/reports} filters them) and shows the incident of each as
 * {@link ReadingIncidents#incident} shows it to that reader, the reading of
 * {@code GET /api/incidents}. So an incident is listed when the reader sees one of its
 * reports in the range, at the place of the newest of them, and what the list says of it
 * (its time, place and type) is worked out from the reports the reader sees.
 *
 * <p>
 * A page ends only between reports of different start times, so that the next page, which
 * holds the reports that start before {@link Page#next}, neither repeats an incident nor
 * leaves one out: an incident is listed on the page of its newest report that the reader
 * sees in the range.
 */
@Service
public class ListingIncidents {

	/** How many reports are read from the store at a time. */
	static final int BATCH = 200;

	private final ReadingReports reports;

	private final Incidents incidents;

	private final ReadingIncidents reading;

	public ListingIncidents(ReadingReports reports, Incidents incidents, ReadingIncidents reading) {
		this.reports = reports;
		this.incidents = incidents;
		this.reading = reading;
	}

	/**
	 * One page of incidents.
	 *
	 * @param incidents the incidents, as the reader may see them, newest first
	 * @param next the {@code before} of the next page, or null when this is the last
	 */
	public record Page(List<ReadingIncidents.IncidentView> incidents, Instant next) {

	}

	/**
	 * At least {@code size} incidents (more when several reports start at the same
	 * instant as the last one listed), of those with a report the reader sees in
	 * [{@code from}, {@code to}] (either may be null) that starts before {@code before}
	 * (null for the first page).
	 */
	public Page page(Instant from, Instant to, Instant before, int size, Viewer viewer) {
		List<ReadingIncidents.IncidentView> listed = new ArrayList<>();
		Set<UUID> seen = new HashSet<>();
		ReportQuery.Cursor cursor = before == null ? null : new ReportQuery.Cursor(before, Long.MIN_VALUE);
		Instant last = null;
		while (true) {
			ReportQuery query = new ReportQuery(null, null, from, to, null, null, null, false, cursor, BATCH);
			ReportPage batch = this.reports.find(query, viewer);
			Map<UUID, UUID> incidentOf = this.incidents.incidentOf(batch.reports().stream().map(Report::id).toList());
			for (Report r : batch.reports()) {
				Instant start = r.when().start();
				if (listed.size() >= size && !start.equals(last)) {
					return new Page(listed, last);
				}
				UUID incident = incidentOf.get(r.id());
				if (incident == null || !seen.add(incident)) {
					continue;
				}
				Optional<ReadingIncidents.IncidentView> view = this.reading.incident(incident, viewer)
					.filter(v -> before == null || newestStart(v, from, to).isBefore(before));
				if (view.isPresent()) {
					listed.add(view.get());
					last = start;
				}
			}
			if (batch.next() == null) {
				return new Page(listed, null);
			}
			cursor = batch.next();
		}
	}

	/**
	 * When the newest of the incident's reports that the reader sees in the range starts:
	 * the page that lists the incident is the one that holds that report.
	 */
	private static Instant newestStart(ReadingIncidents.IncidentView view, Instant from, Instant to) {
		return view.reports()
			.stream()
			.filter(r -> (from == null || !r.when().end().isBefore(from))
					&& (to == null || !r.when().start().isAfter(to)))
			.map(r -> r.when().start())
			.max(Instant::compareTo)
			.orElse(Instant.MIN);
	}

}
