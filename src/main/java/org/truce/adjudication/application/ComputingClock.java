package org.truce.adjudication.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.StoredFinding;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.Dispute;
import org.truce.incident.model.Incident;
import org.truce.report.application.Reports;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * The compliance clock of an agreement at an instant, from its stored violations and
 * undetermined findings.
 */
@Service
public class ComputingClock {

	private final AgreementCatalogue agreements;

	private final Findings findings;

	private final Reports reports;

	public ComputingClock(AgreementCatalogue agreements, Findings findings, Reports reports) {
		this.agreements = agreements;
		this.findings = findings;
		this.reports = reports;
	}

	public ComplianceClock.State stateAt(String agreementId, Instant at) {
		return stateAt(agreementId, at, null);
	}

	/**
	 * The clock under views of the agreement's disputed facts.
	 * @param viewId the views, one of each fact at most, their ids joined with {@code +};
	 * for each fact not named, its first view in the document (all of them when null)
	 */
	public ComplianceClock.State stateAt(String agreementId, Instant at, String viewId) {
		Agreement agreement = this.agreements.inForceAt(agreementId, at)
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "id", "/api/agreements/" + agreementId)));
		if (agreement.clock() == null) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "id", "noClock", agreementId));
		}
		List<ComplianceClock.Judged> judged = new ArrayList<>();
		for (Outcome outcome : List.of(Outcome.VIOLATION, Outcome.UNDETERMINED)) {
			FindingQuery.Cursor cursor = null;
			do {
				Findings.Page page = this.findings
					.find(new FindingQuery(agreementId, null, null, null, outcome, null, null, at, cursor, 1000));
				for (StoredFinding f : page.findings()) {
					this.reports.byId(UUID.fromString(f.finding().key().incidentId()))
						.ifPresent(r -> judged.add(new ComplianceClock.Judged(f.finding(), Incident.ofReport(r))));
				}
				cursor = page.next();
			}
			while (cursor != null);
		}
		List<Dispute.View> views = new ArrayList<>();
		agreement.disputes().forEach(d -> views.add(d.views().get(0)));
		for (String id : viewId == null ? List.<String>of() : List.of(viewId.split("\\+"))) {
			Dispute.View view = agreement.view(id)
				.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "view", "view",
						agreementId, id, agreement.views().stream().map(Dispute.View::id).toList())));
			for (int i = 0; i < agreement.disputes().size(); i++) {
				if (agreement.disputes().get(i).views().contains(view)) {
					views.set(i, view);
				}
			}
		}
		return ComplianceClock.stateAt(agreement, judged, at, views);
	}

}
