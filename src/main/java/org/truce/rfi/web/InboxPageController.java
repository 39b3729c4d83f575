package org.truce.rfi.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
import org.truce.incident.application.ReadingIncidents;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RequestsForInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.rfi.model.RequestForInformation;
import org.truce.shared.ErrorCode;
import org.truce.shared.RejectedException;
import org.truce.web.PathIds;

/**
 * The inbox page ({@code /inbox}): a liaison's requests for information, unanswered first
 * by deadline, each with an answer form (a session form: Spring Security adds its CSRF
 * token); for monitors and co-chairs, the overdue requests of every party and the counts
 * by requesting side and party. A place is kept for the incidents concerning the
 * liaison's side.
 */
@Controller
class InboxPageController {

	/** How many recently changed incidents are looked through for the liaison's side. */
	private static final int RECENT = 200;

	private final RequestingInformation rfis;

	private final Incidents incidents;

	private final ReadingIncidents readingIncidents;

	InboxPageController(RequestingInformation rfis, Incidents incidents, ReadingIncidents readingIncidents) {
		this.rfis = rfis;
		this.incidents = incidents;
		this.readingIncidents = readingIncidents;
	}

	@GetMapping("/inbox")
	String inbox(@RequestParam(required = false) String answered, @RequestParam(required = false) String conflict,
			@RequestParam(required = false) String invalid, Viewer viewer, Model model) {
		// The incidents a liaison may see are those concerning its side
		// (ReadingIncidents).
		model.addAttribute("sideIncidents",
				viewer.reach() != Viewer.Reach.SIDE ? List.of()
						: this.incidents.recent(RECENT)
							.stream()
							.flatMap(r -> this.readingIncidents.incident(r.id(), viewer).stream())
							.toList());
		RfiReader reader = reader();
		Instant now = this.rfis.now();
		List<RfiView> mine = reader.side().isEmpty() ? List.of()
				: this.rfis.list(null, null, new RfiReader(reader.userId(), false, reader.side()))
					.stream()
					.sorted(Comparator.comparing(RequestForInformation::answered)
						.thenComparing(RequestForInformation::deadline))
					.map(r -> RfiView.of(r, now))
					.toList();
		model.addAttribute("now", now);
		model.addAttribute("liaison", !reader.side().isEmpty());
		model.addAttribute("side", List.copyOf(reader.side()));
		model.addAttribute("mine", mine);
		model.addAttribute("staff", reader.staff());
		model.addAttribute("overdue",
				reader.staff() ? this.rfis.list(null, RequestsForInformation.Status.OVERDUE, reader)
					.stream()
					.map(r -> RfiView.of(r, now))
					.toList() : List.of());
		model.addAttribute("summary", reader.staff() ? this.rfis.summary(reader) : null);
		model.addAttribute("answered", answered);
		model.addAttribute("conflict", conflict);
		model.addAttribute("invalid", invalid);
		return "inbox";
	}

	@PostMapping("/inbox/rfis/{id}/answer")
	RedirectView answer(@PathVariable String id, @RequestParam(required = false) String answer,
			@RequestParam(required = false) Integer version) {
		UUID uuid = PathIds.uuid(id, "/inbox/rfis/" + id + "/answer");
		String outcome;
		try {
			this.rfis.answer(uuid, answer, version, reader());
			outcome = "answered";
		}
		catch (RejectedException ex) {
			ErrorCode code = ex.problems().get(0).code();
			if (code == ErrorCode.NOT_FOUND) {
				throw ex;
			}
			outcome = code.status() == 409 ? "conflict" : "invalid";
		}
		RedirectView view = new RedirectView("/inbox?" + outcome + "=" + uuid, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return view;
	}

	private RfiReader reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		return this.rfis.reader(who.userId(), who.grants());
	}

}
