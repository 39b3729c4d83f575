package org.truce.incident.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.StoredLink;
import org.truce.shared.RejectedException;
import org.truce.web.Problems;

/**
 * The incident page ({@code /incidents/{id}}) and the analysts' review queue
 * ({@code /review}). The page shows what the reader may see of an incident: its reports,
 * each side's claims, attribution, grade, evidence, findings with their reasons; for
 * monitors, forms to merge and split. The queue lists new incidents and candidate links
 * to decide. Contexts built on incidents add their sections to both through
 * {@link IncidentPageSections} (the requests for information, a form to send one, the
 * overdue ones). Forms are session forms (Spring Security adds their CSRF token); each
 * answers with a redirect to the page, saying what happened or what was wrong
 * ({@link IncidentPageForms}).
 */
@Controller
class IncidentPageController {

	private final ReadingIncidents reading;

	private final ManagingIncidents managing;

	private final Incidents incidents;

	private final IncidentPageForms forms;

	private final List<IncidentPageSections> sections;

	IncidentPageController(ReadingIncidents reading, ManagingIncidents managing, Incidents incidents,
			IncidentPageForms forms, List<IncidentPageSections> sections) {
		this.reading = reading;
		this.managing = managing;
		this.incidents = incidents;
		this.forms = forms;
		this.sections = sections;
	}

	@GetMapping("/incidents/{id}")
	String page(@PathVariable String id, @RequestParam(required = false) String done,
			@RequestParam(required = false) String error, Viewer viewer, Model model) {
		ReadingIncidents.IncidentView view = this.reading.byId(IncidentController.uuid(id), viewer)
			.orElseThrow(() -> IncidentController.notFound(id));
		model.addAttribute("view", view);
		model.addAttribute("json", IncidentJson.of(view));
		boolean staff = viewer.staff();
		model.addAttribute("staff", staff);
		model.addAttribute("analyst", hasRole("ROLE_MONITOR"));
		this.sections.forEach(s -> s.addToPage(view.record().id(), viewer, model));
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		return "incidents/page";
	}

	@PostMapping("/incidents/{id}/merge")
	RedirectView merge(@PathVariable String id, @RequestParam(required = false) String other,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			Viewer viewer) {
		UUID into = IncidentController.uuid(id);
		return this.forms.act(id, "merged", () -> {
			UUID from;
			try {
				from = UUID.fromString(other == null ? "" : other.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("Give the id of the incident to merge into this one.");
			}
			UUID current = this.reading.byId(from, viewer).map(v -> v.record().id()).orElse(from);
			this.managing.merge(into, version == null ? -1 : version, List.of(current), reason, viewer.userId());
		});
	}

	@PostMapping("/incidents/{id}/split")
	RedirectView split(@PathVariable String id, @RequestParam(name = "report", required = false) List<String> reports,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			Viewer viewer) {
		return this.forms.act(id, "split", () -> {
			List<UUID> off = new ArrayList<>();
			for (String r : reports == null ? List.<String>of() : reports) {
				off.add(UUID.fromString(r));
			}
			this.managing.split(IncidentController.uuid(id), version == null ? -1 : version, off, reason,
					viewer.userId());
		});
	}

	@GetMapping("/review")
	String review(@RequestParam(required = false) String done, @RequestParam(required = false) String error,
			Viewer viewer, Model model) {
		List<ReadingIncidents.IncidentView> recent = this.incidents.recent(50)
			.stream()
			.flatMap(r -> this.reading.incident(r.id(), viewer).stream())
			.toList();
		model.addAttribute("recent", recent);
		model.addAttribute("links", this.incidents.openLinks(100));
		this.sections.forEach(s -> s.addToReview(viewer, model));
		model.addAttribute("analyst", hasRole("ROLE_MONITOR"));
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		return "incidents/review";
	}

	@PostMapping("/review/links/{id}")
	RedirectView decide(@PathVariable String id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, Viewer viewer) {
		String outcome;
		try {
			StoredLink decided = this.managing.decide(id, "confirm".equals(decision), reason, viewer.userId());
			outcome = "done=" + decided.status().name().toLowerCase(java.util.Locale.ROOT);
		}
		catch (RejectedException ex) {
			outcome = "error=" + IncidentPageForms.encode(ex.problems().get(0).detail(Problems.language()));
		}
		return IncidentPageForms.redirect("/review?" + outcome);
	}

	private static boolean hasRole(String authority) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
	}

}
