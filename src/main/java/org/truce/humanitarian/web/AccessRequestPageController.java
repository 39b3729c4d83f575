package org.truce.humanitarian.web;

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
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.truce.humanitarian.application.AccessReader;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.identity.web.SignedIn;
import org.truce.incident.application.Incidents;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.AssertedBody;

/**
 * The access request pages: the list ({@code /access-requests}) and one request
 * ({@code /access-requests/{id}}) with its route on a map (drawn by
 * {@code /js/access-request.js} from a data attribute: the policy forbids inline
 * scripts), each party's decision and reasons, the outcome, and the aid-obstruction
 * incident when it was blocked. A liaison of a party that has not decided gets a decision
 * form (a session form: Spring Security adds its CSRF token).
 */
@Controller
class AccessRequestPageController {

	private final RequestingAccess access;

	private final Incidents incidents;

	private final ScenarioZone zone;

	AccessRequestPageController(RequestingAccess access, Incidents incidents, ScenarioZone zone) {
		this.access = access;
		this.incidents = incidents;
		this.zone = zone;
	}

	@GetMapping("/access-requests")
	String list(Model model) {
		model.addAttribute("requests", this.access.list(reader()));
		return "access-requests/list";
	}

	@GetMapping("/access-requests/{id}")
	String one(@PathVariable String id, @RequestParam(required = false) String decided,
			@RequestParam(required = false) String conflict, @RequestParam(required = false) String invalid,
			Model model) {
		AccessReader reader = reader();
		AccessRequest r = this.access.read(AccessRequestController.uuid(id), reader)
			.orElseThrow(() -> new RejectedException(
					org.truce.shared.Problem.with(ErrorCode.NOT_FOUND, "id", "/access-requests/" + id)));
		List<String> undecided = r.parties()
			.stream()
			.filter(p -> !p.decided() && reader.side().contains(p.party()))
			.map(AccessDecision::party)
			.toList();
		UUID incident = r.obstructionReportId() == null ? null
				: this.incidents.incidentOf(List.of(r.obstructionReportId())).get(r.obstructionReportId());
		model.addAttribute("r", r);
		model.addAttribute("routeJson", AccessViews.geometry(r.route()).toString());
		model.addAttribute("undecided", undecided);
		model.addAttribute("incident", incident);
		model.addAttribute("decided", decided != null);
		model.addAttribute("conflict", conflict != null);
		model.addAttribute("invalid", invalid != null);
		return "access-requests/page";
	}

	/**
	 * What a party's decision form held when it was refused for what it asserts, shown
	 * again.
	 */
	record DecisionInput(String party, String verdict, String reasons, String conditions) {

	}

	@PostMapping("/access-requests/{id}/decisions")
	ModelAndView decide(@PathVariable String id, @RequestParam(required = false) String party,
			@RequestParam(required = false) String verdict, @RequestParam(required = false) String reasons,
			@RequestParam(required = false) String conditions, @RequestParam(required = false) String assertedAt,
			@RequestParam(required = false) String assertedBy, @RequestParam(required = false) String assertedDocument,
			@RequestParam(required = false) String assertedUrl, Model model) {
		UUID uuid = AccessRequestController.uuid(id);
		AssertedBody typed = new AssertedBody(assertedAt, assertedBy, assertedDocument, assertedUrl);
		String outcome;
		try {
			this.access.decide(uuid,
					new RequestingAccess.NewDecision(party, verdict, reasons,
							conditions == null || conditions.isBlank() ? null : conditions, typed.fromForm(this.zone)),
					reader());
			outcome = "decided";
		}
		catch (RejectedException ex) {
			ErrorCode code = ex.problems().get(0).code();
			if (code == ErrorCode.NOT_FOUND || code == ErrorCode.FORBIDDEN) {
				throw ex;
			}
			Optional<HttpStatus> again = typed.refused(ex, model);
			if (again.isPresent()) {
				// The form again, with what was typed and each problem beside its field.
				model.addAttribute("decisionInput", new DecisionInput(party, verdict, reasons, conditions));
				return new ModelAndView(one(id, null, null, null, model), model.asMap(), again.get());
			}
			outcome = code.status() == 409 ? "conflict" : "invalid";
		}
		RedirectView view = new RedirectView("/access-requests/" + uuid + "?" + outcome, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	private AccessReader reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(org.truce.shared.Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return this.access.reader(who.userId(), who.grants());
	}

}
