package org.truce.adjudication.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.truce.adjudication.application.ReadingFindings;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.StoredFinding;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.web.TermTextView;
import org.truce.identity.model.Viewer;

/**
 * The HTML fragment that lists an incident's findings, grouped by agreement: the outcome
 * of every term in force, the missing facts of undetermined ones, and every reason; cut
 * to the reader as {@link ReadingFindings} cuts them (nothing for an incident it may not
 * see, as for one that does not exist).
 */
@Controller
class FindingPanelController {

	private final ReadingFindings findings;

	private final AgreementCatalogue agreements;

	FindingPanelController(ReadingFindings findings, AgreementCatalogue agreements) {
		this.findings = findings;
		this.agreements = agreements;
	}

	/**
	 * One term's finding as the panel shows it, with the term's text in the reader's
	 * language (null when the agreement version is no longer loaded).
	 */
	record Row(String term, String outcome, String outcomeCode, List<String> missing, List<String> reasons,
			TermTextView text) {

	}

	@GetMapping("/incidents/{id}/findings/panel")
	String panel(@PathVariable String id, Viewer viewer, Locale locale, Model model) {
		Map<String, List<Row>> byAgreement = new LinkedHashMap<>();
		FindingQuery q = new FindingQuery(null, null, null, null, null, id, null, null, null, 1000);
		for (StoredFinding s : this.findings.find(q, viewer).findings()) {
			Finding f = s.finding();
			List<String> missing = new ArrayList<>();
			if (f instanceof Finding.Undetermined u) {
				u.missing().forEach(m -> missing.add(m.meaning()));
			}
			byAgreement
				.computeIfAbsent(
						f.key().agreementId() + " v" + f.key().agreementVersion()
								+ (f.key().viewId() == null ? ""
										: ", under the view: " + FindingController.viewLabel(f)),
						k -> new ArrayList<>())
				.add(new Row(f.key().termId(), f.outcome().name().replace('_', ' ').toLowerCase(),
						f.outcome().name().toLowerCase().replace('_', '-'), missing,
						f.reasons().stream().map(r -> r.detail()).toList(), text(f.key(), locale)));
		}
		model.addAttribute("agreements", byAgreement);
		return "findings/panel :: findings";
	}

	private TermTextView text(Finding.Key key, Locale locale) {
		return this.agreements.versions(key.agreementId())
			.stream()
			.filter(a -> a.version() == key.agreementVersion())
			.flatMap(a -> a.terms().stream())
			.filter(t -> t.id().equals(key.termId()))
			.findFirst()
			.map(t -> TermTextView.of(t, locale))
			.orElse(null);
	}

}
