package org.truce.rfi.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.incident.web.IncidentPageForms;
import org.truce.incident.web.IncidentPageSections;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.rfi.model.RequestForInformation;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * The requests for information on the incident pages: on an incident's page, the requests
 * about it the reader may read ({@code rfis}) and the monitors' form to send one
 * ({@code POST /incidents/{id}/rfis}); on the review queue, the overdue requests
 * ({@code overdue}).
 */
@Controller
class IncidentPageRfis implements IncidentPageSections {

	private final RequestingInformation rfis;

	private final IncidentPageForms forms;

	private final ScenarioZone zone;

	IncidentPageRfis(RequestingInformation rfis, IncidentPageForms forms, ScenarioZone zone) {
		this.rfis = rfis;
		this.forms = forms;
		this.zone = zone;
	}

	@Override
	public void addToPage(UUID incident, Viewer viewer, Model model) {
		model.addAttribute("rfis",
				reader().flatMap(r -> this.rfis.aboutIncident(incident, r, viewer)).orElse(List.of()));
	}

	@Override
	public void addToReview(Viewer viewer, Model model) {
		model.addAttribute("overdue", reader().map(r -> this.rfis.list(null, RequestsForInformation.Status.OVERDUE, r))
			.orElse(List.<RequestForInformation>of()));
	}

	@PostMapping("/incidents/{id}/rfis")
	RedirectView send(@PathVariable String id, @RequestParam(required = false) String party,
			@RequestParam(required = false) String question, @RequestParam(required = false) String deadline) {
		return this.forms.act(id, "rfi-sent", () -> {
			// A local date and time in the scenario's zone, as the form says.
			List<Problem> problems = new ArrayList<>();
			Instant due = this.zone.fromForm("deadline", deadline, problems);
			if (!problems.isEmpty()) {
				throw new RejectedException(problems);
			}
			SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
			this.rfis.send(this.forms.incidentId(id), new RequestingInformation.NewRequest(party, question, due),
					who.userId(), who.grants(), null);
		});
	}

	private Optional<RfiReader> reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		return who == null ? Optional.empty() : Optional.of(this.rfis.reader(who.userId(), who.grants()));
	}

}
