package org.truce.bulletin.web;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.bulletin.application.SigningBulletins;
import org.truce.bulletin.model.BulletinDraft;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.shared.Problem;
import org.truce.ledger.application.LogIdentity;
import org.truce.shared.RejectedException;
import org.truce.web.PathIds;
import org.truce.web.Problems;

/**
 * The pages of bulletins signed jointly: the list (published bulletins for everyone;
 * drafts too, and the form to draft one, for staff) and one bulletin with its signatures,
 * dissent annexes, bulletin.json and ledger proofs, and for a co-chair of a named side
 * the forms to sign or dissent. Forms are answered with a redirect to the bulletin's page
 * (post/redirect/get); a refusal is shown there.
 */
@Controller
class BulletinPageController {

	private final SigningBulletins signing;

	private final BulletinProofs proofs;

	private final AgreementCatalogue agreements;

	private final LogIdentity log;

	BulletinPageController(SigningBulletins signing, BulletinProofs proofs, AgreementCatalogue agreements,
			LogIdentity log) {
		this.signing = signing;
		this.proofs = proofs;
		this.agreements = agreements;
		this.log = log;
	}

	@GetMapping("/bulletins")
	String list(Viewer viewer, Model model) {
		List<BulletinDraft> all = this.signing.list(null, viewer, 200);
		model.addAttribute("published", all.stream().filter(d -> d.state() == BulletinDraft.State.PUBLISHED).toList());
		model.addAttribute("drafts", all.stream().filter(d -> d.state() != BulletinDraft.State.PUBLISHED).toList());
		model.addAttribute("staff", viewer.staff());
		model.addAttribute("agreements", new TreeSet<>(this.agreements.all().keySet()));
		return "bulletins/list";
	}

	@GetMapping("/bulletins/{id}")
	String page(@PathVariable String id, Viewer viewer, Model model) {
		BulletinDraft d = this.signing.find(PathIds.uuid(id, "/bulletins/" + id), viewer)
			.orElseThrow(() -> PathIds.notFound("/bulletins/" + id));
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		List<Grant> grants = who == null ? List.of() : who.grants();
		List<String> mySides = grants.stream()
			.filter(g -> g.role() == Role.CO_CHAIR)
			.map(Grant::actorId)
			.filter(d.quorum()::names)
			.distinct()
			.toList();
		boolean open = d.state() != BulletinDraft.State.STALE;
		model.addAttribute("d", d);
		model.addAttribute("dissents", this.signing.dissents(d, viewer));
		model.addAttribute("proofs", this.proofs.of(d.id(), d.state() == BulletinDraft.State.PUBLISHED));
		// For /js/bulletin-proofs.js, which checks the proofs against the signed
		// checkpoint
		// in the reader's browser.
		model.addAttribute("logKey", this.log.verifierKey().encoded());
		model.addAttribute("signAs",
				open ? mySides.stream().filter(s -> d.signatures().of(s).isEmpty()).toList() : List.of());
		model.addAttribute("dissentAs", open ? mySides : List.of());
		return "bulletins/page";
	}

	@PostMapping("/bulletins/drafts")
	String draft(@RequestParam(required = false) String agreement, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, RedirectAttributes redirect) {
		SignedIn who = SignedIn.current();
		try {
			BulletinDraft d = this.signing.draft(agreement, BulletinSigningController.day("from", from),
					BulletinSigningController.day("to", to), null, who.userId(), who.grants());
			redirect.addFlashAttribute("notice", "bulletin.notice.drafted");
			return "redirect:/bulletins/" + d.id();
		}
		catch (RejectedException ex) {
			refused(redirect, ex);
			return "redirect:/bulletins";
		}
	}

	@PostMapping("/bulletins/{id}/sign")
	String sign(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String side, RedirectAttributes redirect) {
		UUID uuid = PathIds.uuid(id, "/bulletins/" + id);
		SignedIn who = SignedIn.current();
		try {
			BulletinDraft d = this.signing.sign(uuid, version, side, who.userId(), who.grants());
			redirect.addFlashAttribute("notice", d.state() == BulletinDraft.State.PUBLISHED
					? "bulletin.notice.published" : "bulletin.notice.signed");
		}
		catch (RejectedException ex) {
			refused(redirect, ex);
		}
		return "redirect:/bulletins/" + uuid;
	}

	@PostMapping("/bulletins/{id}/dissent")
	String dissent(@PathVariable String id, @RequestParam(required = false) String version,
			@RequestParam(required = false) String side, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		UUID uuid = PathIds.uuid(id, "/bulletins/" + id);
		SignedIn who = SignedIn.current();
		try {
			this.signing.dissent(uuid, version, text, side, who.userId(), who.grants());
			redirect.addFlashAttribute("notice", "bulletin.notice.dissent");
		}
		catch (RejectedException ex) {
			refused(redirect, ex);
		}
		return "redirect:/bulletins/" + uuid;
	}

	private static void refused(RedirectAttributes redirect, RejectedException ex) {
		redirect.addFlashAttribute("problems",
				ex.problems()
					.stream()
					.map(p -> p.code().name() + ": " + p.detail(Problems.language())
							+ (p.field() == null ? "" : " (" + p.field() + ")"))
					.toList());
		redirect.addFlashAttribute("problemCode", ex.problems().stream().map(Problem::code).findFirst().orElse(null));
	}

}
