package org.truce.adjudication.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.truce.adjudication.application.ReadingFindings;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.StoredFinding;
import org.truce.identity.model.Viewer;
import org.truce.incident.web.IncidentPageSections;

/**
 * The list of incidents' column of findings: each incident's most serious finding of
 * those its reader is given, read as the incident page's panel reads them
 * ({@link ReadingFindings}, by the id the reader knows the incident by), so that the
 * column shows nothing the panel would not.
 */
@Component
class IncidentListFindings implements IncidentPageSections {

	/** As the panel reads an incident's findings. */
	private static final int LIMIT = 1000;

	private final ReadingFindings findings;

	IncidentListFindings(ReadingFindings findings) {
		this.findings = findings;
	}

	/**
	 * The most serious finding of an incident, as the list shows it.
	 *
	 * @param outcomeCode {@code violation}, {@code undetermined} or {@code no-violation}
	 * (the page shows it in its language, {@code outcome.*})
	 * @param term the term it is under
	 * @param agreement the agreement of the term
	 * @param version the agreement's version
	 */
	record MostSerious(String outcomeCode, String term, String agreement, int version) {

	}

	@Override
	public void addToList(List<UUID> shownIds, Viewer viewer, Model model) {
		Map<String, MostSerious> worst = new LinkedHashMap<>();
		for (UUID id : shownIds) {
			FindingQuery q = new FindingQuery(null, null, null, null, null, id.toString(), null, null, null, LIMIT);
			this.findings.find(q, viewer)
				.findings()
				.stream()
				.map(StoredFinding::finding)
				.max(Comparator.comparingInt((Finding f) -> f.outcome().severity()))
				.ifPresent(f -> worst.put(id.toString(), of(f)));
		}
		model.addAttribute("findings", worst);
	}

	private static MostSerious of(Finding f) {
		return new MostSerious(f.outcome().name().replace('_', '-').toLowerCase(java.util.Locale.ROOT),
				f.key().termId(), f.key().agreementId(), f.key().agreementVersion());
	}

}
