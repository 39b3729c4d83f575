package org.truce.report.web;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.CurrentViewer;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.KindDisclosures;
import org.truce.report.application.PublishingReports;
import org.truce.report.application.ReadingReports;
import org.truce.report.application.RecordingReports;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Report;

/**
 * Which commitments of the report context's entries a reader sees opened, by the same
 * rules as the API: staff (monitors, co-chairs) every one; anyone else the {@code event}
 * group of a report it may see (published, or concerning a liaison's side), its
 * {@code location} group only when the location is not coarsened for it (the source is
 * not at risk), and never the {@code source} or {@code submitter} groups; an import's
 * unresolved names, which only its staff caller is answered, to staff only.
 */
@Component
class ReaderDisclosures implements KindDisclosures {

	private static final Set<String> KINDS = Set.of(RecordingReports.REPORT, PublishingReports.KIND,
			RecordingReports.IMPORT);

	private final CurrentViewer viewers;

	private final ReadingReports reading;

	ReaderDisclosures(CurrentViewer viewers, ReadingReports reading) {
		this.viewers = viewers;
		this.reading = reading;
	}

	@Override
	public Set<String> kinds() {
		return KINDS;
	}

	@Override
	public DisclosurePolicy forCurrentReader() {
		return forReader(this.viewers.current());
	}

	DisclosurePolicy forReader(Viewer viewer) {
		if (viewer.seesSources()) {
			return DisclosurePolicy.ALL;
		}
		// One look-up per report, whichever groups are asked for.
		Map<String, Optional<Report>> seen = new HashMap<>();
		return (kind, subject, group) -> {
			if (!RecordingReports.REPORT.equals(kind) || subject == null) {
				return false;
			}
			if (RecordingReports.SOURCE.equals(group) || RecordingReports.SUBMITTER.equals(group)) {
				return false;
			}
			Optional<Report> report = seen.computeIfAbsent(subject, s -> visible(s, viewer));
			if (report.isEmpty()) {
				return false;
			}
			return "event".equals(group)
					|| "location".equals(group) && !report.get().flags().contains(DataFlag.LOCATION_COARSENED);
		};
	}

	private Optional<Report> visible(String subject, Viewer viewer) {
		try {
			return this.reading.byId(UUID.fromString(subject), viewer);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
