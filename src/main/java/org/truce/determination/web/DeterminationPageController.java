package org.truce.determination.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.Term;
import org.truce.agreement.web.TermTextView;
import org.truce.determination.application.Determining;
import org.truce.determination.model.Determination;
import org.truce.determination.model.Verdict;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.incident.model.IncidentRecord;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.AssertedBody;
import org.truce.web.IfMatch;
import org.truce.web.PathIds;
import org.truce.web.Problems;

/**
 * The pages of joint determinations: a co-chair's queue of drafts awaiting its side, a
 * determination with its sign-offs, dissents and comments and the forms to sign and
 * comment, and the form staff draft one from. Forms are posted with their CSRF token and
 * answered with a redirect to the determination's page (post/redirect/get); a refusal is
 * shown there.
 */
@Controller
class DeterminationPageController {

	private final Determining determining;

	private final AgreementCatalogue agreements;

	private final ActorDirectory actors;

	private final ScenarioZone zone;

	DeterminationPageController(Determining determining, AgreementCatalogue agreements, ActorDirectory actors,
			ScenarioZone zone) {
		this.determining = determining;
		this.agreements = agreements;
		this.actors = actors;
		this.zone = zone;
	}

	@GetMapping("/determinations/queue")
	String queue(Viewer viewer, Model model) {
		List<String> sides = coChairSides(SignedIn.current().grants());
		List<Determination> drafts = new ArrayList<>();
		if (sides.isEmpty()) {
			drafts.addAll(this.determining.list(Determination.Status.DRAFT, null, viewer, 200));
		}
		Set<UUID> seen = new LinkedHashSet<>();
		for (String side : sides) {
			this.determining.list(Determination.Status.DRAFT, side, viewer, 200)
				.stream()
				.filter(d -> seen.add(d.id()))
				.forEach(drafts::add);
		}
		model.addAttribute("sides", sides);
		model.addAttribute("drafts", drafts);
		return "determinations/queue";
	}

	@GetMapping("/determinations/{id}")
	String page(@PathVariable String id, Viewer viewer, Locale locale, Model model) {
		Determination d = this.determining.find(PathIds.uuid(id, "/determinations/" + id), viewer)
			.orElseThrow(() -> PathIds.notFound("/determinations/" + id));
		SignedIn who = SignedIn
			.of(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
		List<Grant> grants = who == null ? List.of() : who.grants();
		List<String> mySides = coChairSides(grants).stream().filter(d.quorum()::names).toList();
		List<String> mayStillSign = mySides.stream().filter(s -> d.signOffOf(s).isEmpty()).toList();
		model.addAttribute("d", d);
		model.addAttribute("incident", this.determining.incidentOf(d).map(IncidentRecord::id).orElse(null));
		model.addAttribute("term", termText(d.subject().agreementId(), d.subject().termId(), locale));
		model.addAttribute("actor",
				this.actors.registry().byId(d.subject().actorId()).map(Actor::name).orElse(d.subject().actorId()));
		model.addAttribute("comments", this.determining.comments(d, viewer));
		model.addAttribute("staff", viewer.seesSources());
		model.addAttribute("signAs", mayStillSign);
		model.addAttribute("mayDissent", !mySides.isEmpty());
		return "determinations/determination";
	}

	@PostMapping("/determinations/{id}/sign-offs")
	String sign(@PathVariable String id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String side, @RequestParam(required = false) String assertedAt,
			@RequestParam(required = false) String assertedBy, @RequestParam(required = false) String assertedDocument,
			@RequestParam(required = false) String assertedUrl, Viewer viewer, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID uuid = PathIds.uuid(id, "/determinations/" + id);
		SignedIn who = SignedIn.current();
		AssertedBody typed = new AssertedBody(assertedAt, assertedBy, assertedDocument, assertedUrl);
		try {
			this.determining.signOff(uuid, IfMatch.version(null, version), blank(side), typed.fromForm(this.zone),
					who.userId(), who.grants());
			redirect.addFlashAttribute("notice", "determination.notice.signed");
		}
		catch (RejectedException ex) {
			Optional<HttpStatus> again = typed.refused(ex, model);
			if (again.isPresent()) {
				// The form again, with what was typed and each problem beside its field.
				response.setStatus(again.get().value());
				return page(id, viewer, org.springframework.context.i18n.LocaleContextHolder.getLocale(), model);
			}
			refused(redirect, ex);
		}
		return "redirect:/determinations/" + uuid;
	}

	@PostMapping("/determinations/{id}/comments")
	String comment(@PathVariable String id, @RequestParam(required = false) String text,
			@RequestParam(required = false) Boolean dissent, RedirectAttributes redirect) {
		UUID uuid = PathIds.uuid(id, "/determinations/" + id);
		SignedIn who = SignedIn.current();
		try {
			boolean dissenting = Boolean.TRUE.equals(dissent);
			this.determining.comment(uuid, text, dissenting, null, who.userId(), who.grants());
			redirect.addFlashAttribute("notice",
					dissenting ? "determination.notice.dissent" : "determination.notice.comment");
		}
		catch (RejectedException ex) {
			refused(redirect, ex);
		}
		return "redirect:/determinations/" + uuid;
	}

	@GetMapping("/incidents/{id}/determinations/new")
	String form(@PathVariable String id, Locale locale, Model model) {
		UUID incident = PathIds.uuid(id, "/incidents/" + id + "/determinations/new");
		model.addAttribute("incident", incident);
		model.addAttribute("terms", terms(locale));
		model.addAttribute("actors",
				this.actors.registry().all().stream().sorted(java.util.Comparator.comparing(Actor::name)).toList());
		model.addAttribute("verdicts", Verdict.values());
		model.addAttribute("defaultSides", this.determining.defaultSides());
		return "determinations/new";
	}

	@PostMapping("/incidents/{id}/determinations")
	String draft(@PathVariable String id, @RequestParam(required = false) String term,
			@RequestParam(required = false) String actor, @RequestParam(required = false) Verdict verdict,
			@RequestParam(required = false) String rationale, @RequestParam(required = false) List<String> sides,
			RedirectAttributes redirect) {
		UUID incident = PathIds.uuid(id, "/incidents/" + id);
		SignedIn who = SignedIn.current();
		String agreementId = null;
		String termId = null;
		if (term != null && term.contains(" ")) {
			agreementId = term.substring(0, term.indexOf(' '));
			termId = term.substring(term.indexOf(' ') + 1);
		}
		try {
			Determination d = this.determining.draft(incident,
					new Determining.Draft(agreementId, termId, blank(actor), verdict, rationale, sides), who.userId(),
					who.grants());
			return "redirect:/determinations/" + d.id();
		}
		catch (RejectedException ex) {
			refused(redirect, ex);
			return "redirect:/incidents/" + incident + "/determinations/new";
		}
	}

	/**
	 * Each agreement's terms, as options: value "agreement term", the term's text in the
	 * reader's language (or an authentic one).
	 */
	private List<Map<String, String>> terms(Locale locale) {
		List<Map<String, String>> out = new ArrayList<>();
		for (String agreementId : new java.util.TreeSet<>(this.agreements.all().keySet())) {
			this.agreements.latest(agreementId).ifPresent(a -> {
				for (Term t : a.terms()) {
					out.add(Map.of("value", a.id() + " " + t.id(), "label",
							a.title() + ": " + TermTextView.of(t, locale).shown().text(), "id", t.id()));
				}
			});
		}
		return out;
	}

	/**
	 * The term's text in the reader's language, from the first version that has the term;
	 * null when no loaded version has it.
	 */
	private TermTextView termText(String agreementId, String termId, Locale locale) {
		for (Agreement a : this.agreements.versions(agreementId)) {
			for (Term t : a.terms()) {
				if (t.id().equals(termId)) {
					return TermTextView.of(t, locale);
				}
			}
		}
		return null;
	}

	private static void refused(RedirectAttributes redirect, RejectedException ex) {
		List<String> problems = ex.problems()
			.stream()
			.map(p -> p.code().name() + ": " + p.detail(Problems.language())
					+ (p.field() == null ? "" : " (" + p.field() + ")"))
			.toList();
		redirect.addFlashAttribute("problems", problems);
		redirect.addFlashAttribute("problemCode", ex.problems().stream().map(Problem::code).findFirst().orElse(null));
	}

	private static List<String> coChairSides(List<Grant> grants) {
		return grants.stream().filter(g -> g.role() == Role.CO_CHAIR).map(Grant::actorId).distinct().toList();
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
