package org.truce.adjudication.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.Reason;
import org.truce.adjudication.model.ReasonCode;
import org.truce.adjudication.model.StoredFinding;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ReadingReports;

/**
 * Every read of findings, cut to what its reader may see, by the rules of
 * {@link ReadingReports}: the findings about the incidents of the reports the reader may
 * see, and for a reader who may not see sources, without the sources' external ids. When
 * such a reader sees an incident's place only coarsened (its reporter is at risk), the
 * reasons found from the exact place (distances to a zone's edge, the control areas
 * around it) and the zones it lies in are withheld, and a zone filter leaves the incident
 * out: they would place it more closely than the grid cell the reader is shown.
 *
 * <p>
 * The outcome itself is the record's and is kept: for a term limited to zones it still
 * says whether the place, with its reported uncertainty, lay inside them, which is no
 * finer than the zones themselves.
 */
@Service
public class ReadingFindings {

	static final Reason WITHHELD = Reason.of(ReasonCode.LOCATION_WITHHELD,
			"The reporter is at risk: the reasoning that used the exact place is withheld from this reader.");

	private final Findings findings;

	private final ReadingReports reports;

	public ReadingFindings(Findings findings, ReadingReports reports) {
		this.findings = findings;
		this.reports = reports;
	}

	/** One page of the findings the reader may see, as it may see them. */
	public Findings.Page find(FindingQuery q, Viewer viewer) {
		Findings.Page page = this.findings.find(q.withScope(this.reports.scope(viewer)));
		if (viewer.seesSources()) {
			return page;
		}
		return new Findings.Page(cut(page.findings(), viewer), page.next());
	}

	/**
	 * How many findings of each outcome there are under the agreement, of those the
	 * reader may see.
	 */
	public Map<Outcome, Long> countByOutcome(String agreementId, Viewer viewer) {
		return this.findings.countByOutcome(agreementId, this.reports.scope(viewer));
	}

	/**
	 * The most serious outcome of every incident the reader may see under the agreement.
	 */
	public Map<String, Outcome> worstOutcomeByIncident(String agreementId, Viewer viewer) {
		return this.findings.worstOutcomeByIncident(agreementId, this.reports.scope(viewer));
	}

	/**
	 * As {@link #worstOutcomeByIncident(String, Viewer)}, the first {@code limit}
	 * incidents by id.
	 */
	public Map<String, Outcome> worstOutcomeByIncident(String agreementId, Viewer viewer, int limit) {
		return this.findings.worstOutcomeByIncident(agreementId, this.reports.scope(viewer), limit);
	}

	private List<StoredFinding> cut(List<StoredFinding> found, Viewer viewer) {
		List<UUID> incidents = new ArrayList<>();
		for (StoredFinding s : found) {
			incidents.add(UUID.fromString(s.finding().key().incidentId()));
		}
		Set<UUID> coarsened = this.reports.coarsenedAmong(incidents, this.reports.redaction(viewer));
		List<StoredFinding> out = new ArrayList<>(found.size());
		for (StoredFinding s : found) {
			boolean placeWithheld = coarsened.contains(UUID.fromString(s.finding().key().incidentId()));
			Finding f = placeWithheld ? withoutPlace(s.finding()) : s.finding();
			out.add(new StoredFinding(f, s.actorId(), placeWithheld ? List.of() : s.zoneIds(), List.of(),
					s.incidentStart(), s.incidentEnd(), s.computedAt()));
		}
		return out;
	}

	/**
	 * The finding with every reason found from the exact place replaced by one saying so.
	 */
	static Finding withoutPlace(Finding f) {
		List<Reason> reasons = new ArrayList<>();
		for (Reason r : f.reasons()) {
			if (!r.code().usesPlace()) {
				reasons.add(r);
			}
			else if (!reasons.contains(WITHHELD)) {
				reasons.add(WITHHELD);
			}
		}
		if (f instanceof Finding.Violation) {
			return new Finding.Violation(f.key(), reasons);
		}
		if (f instanceof Finding.NoViolation) {
			return new Finding.NoViolation(f.key(), reasons);
		}
		return new Finding.Undetermined(f.key(), ((Finding.Undetermined) f).missing(), reasons);
	}

}
