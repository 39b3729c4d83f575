package org.truce.incident.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.rfi.model.RequestForInformation;
import org.truce.shared.RejectedException;

/**
 * The incident page ({@code /incidents/{id}}) and the analysts' review queue
 * ({@code /review}). The page shows what the reader may see of an incident: its reports,
 * each side's claims, attribution, grade, evidence, findings with their reasons and
 * requests for information; for monitors, forms to merge, split and send a request for
 * information. The queue lists new incidents, candidate links to decide and overdue
 * requests. Forms are session forms (Spring Security adds their CSRF token); each answers
 * with a redirect to the page, saying what happened or what was wrong.
 */
@Controller
class IncidentPageController {

	private final ReadingIncidents reading;

	private final ManagingIncidents managing;

	private final Incidents incidents;

	private final RequestingInformation rfis;

	IncidentPageController(ReadingIncidents reading, ManagingIncidents managing, Incidents incidents,
			RequestingInformation rfis) {
		this.reading = reading;
		this.managing = managing;
		this.incidents = incidents;
		this.rfis = rfis;
	}

	@GetMapping("/incidents/{id}")
	String page(@PathVariable String id, @RequestParam(required = false) String done,
			@RequestParam(required = false) String error, Viewer viewer, Model model) {
		ReadingIncidents.IncidentView view = this.reading.byId(IncidentController.uuid(id), viewer)
			.orElseThrow(() -> IncidentController.notFound(id));
		model.addAttribute("view", view);
		model.addAttribute("json", IncidentJson.of(view));
		boolean staff = viewer.reach() == Viewer.Reach.FULL;
		model.addAttribute("staff", staff);
		model.addAttribute("analyst", hasRole("ROLE_MONITOR"));
		Optional<RfiReader> reader = rfiReader();
		model.addAttribute("rfis",
				reader.flatMap(r -> this.rfis.aboutIncident(view.record().id(), r, viewer)).orElse(List.of()));
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		return "incidents/page";
	}

	@PostMapping("/incidents/{id}/merge")
	RedirectView merge(@PathVariable String id, @RequestParam(required = false) String other,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer version,
			Viewer viewer) {
		UUID into = IncidentController.uuid(id);
		return act(id, "merged", () -> {
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
		return act(id, "split", () -> {
			List<UUID> off = new ArrayList<>();
			for (String r : reports == null ? List.<String>of() : reports) {
				off.add(UUID.fromString(r));
			}
			this.managing.split(IncidentController.uuid(id), version == null ? -1 : version, off, reason,
					viewer.userId());
		});
	}

	@PostMapping("/incidents/{id}/rfis")
	RedirectView sendRfi(@PathVariable String id, @RequestParam(required = false) String party,
			@RequestParam(required = false) String question, @RequestParam(required = false) String deadline) {
		return act(id, "rfi-sent", () -> {
			Instant due;
			try {
				due = deadline == null || deadline.isBlank() ? null
						: LocalDateTime.parse(deadline).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("Give the deadline as a date and time (UTC).");
			}
			SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
			this.rfis.send(IncidentController.uuid(id), new RequestingInformation.NewRequest(party, question, due),
					who.userId(), who.grants(), null);
		});
	}

	@GetMapping("/review")
	String review(@RequestParam(required = false) String done, @RequestParam(required = false) String error,
			Viewer viewer, Model model) {
		List<ReadingIncidents.IncidentView> recent = this.incidents.recent(50)
			.stream()
			.flatMap(r -> this.reading.byId(r.id(), viewer).stream())
			.toList();
		model.addAttribute("recent", recent);
		model.addAttribute("links", this.incidents.openLinks(100));
		model.addAttribute("overdue",
				rfiReader().map(r -> this.rfis.list(null, RequestsForInformation.Status.OVERDUE, r))
					.orElse(List.<RequestForInformation>of()));
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
			outcome = "error=" + encode(ex.problems().get(0).detail());
		}
		return redirect("/review?" + outcome);
	}

	/** Does the work and goes back to the incident's page, saying how it went. */
	private RedirectView act(String id, String done, Runnable work) {
		String outcome;
		try {
			work.run();
			outcome = "done=" + done;
		}
		catch (RejectedException ex) {
			outcome = "error=" + encode(ex.problems().get(0).detail());
		}
		catch (IllegalArgumentException ex) {
			outcome = "error=" + encode(ex.getMessage());
		}
		UUID incident = this.incidents.find(IncidentController.uuid(id))
			.map(r -> r.status() == IncidentRecord.Status.MERGED ? r.mergedInto() : r.id())
			.orElse(IncidentController.uuid(id));
		return redirect("/incidents/" + incident + "?" + outcome);
	}

	private Optional<RfiReader> rfiReader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		return who == null ? Optional.empty() : Optional.of(this.rfis.reader(who.userId(), who.grants()));
	}

	private static boolean hasRole(String authority) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(authority));
	}

	private static RedirectView redirect(String url) {
		RedirectView view = new RedirectView(url, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return view;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
	}

}
