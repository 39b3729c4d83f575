package org.truce.deconfliction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProvingNotifications;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.AssertedBody;

/**
 * The notifications pages: the list ({@code /notifications}) of the notifications the
 * reader may read, with an Acknowledge button (a session form with its CSRF token) on
 * those delivered to a liaison's side and not yet acknowledged; and one page per
 * notification ({@code /notifications/{id}}) with its status, acknowledgments and the
 * ledger inclusion proof of its entries.
 */
@Controller
class NotificationPageController {

	private final Notifying notifying;

	private final ProvingNotifications proving;

	private final ScenarioZone zone;

	NotificationPageController(Notifying notifying, ProvingNotifications proving, ScenarioZone zone) {
		this.notifying = notifying;
		this.proving = proving;
		this.zone = zone;
	}

	@GetMapping("/notifications")
	String list(@RequestParam(required = false) String acknowledged, Model model) {
		DeconflictionReader reader = reader();
		var now = this.notifying.now();
		List<NotificationHistory> all = this.notifying.list(reader, true);
		model.addAttribute("items", all.stream().map(h -> NotificationView.of(h, now)).toList());
		model.addAttribute("mayAcknowledge",
				all.stream()
					.filter(h -> h.notification().withdrawnAt() == null)
					.filter(h -> h.notification()
						.parties()
						.stream()
						.anyMatch(p -> reader.side().contains(p) && h.acknowledgment(p).isEmpty()))
					.map(h -> h.notification().id().toString())
					.toList());
		model.addAttribute("side", List.copyOf(reader.side()));
		model.addAttribute("acknowledged", acknowledged);
		model.addAttribute("now", now);
		return "notifications/list";
	}

	@GetMapping("/notifications/{id}")
	String one(@PathVariable String id, Model model) {
		UUID uuid = NotificationController.uuid(id);
		DeconflictionReader reader = reader();
		NotificationHistory h = this.notifying.read(uuid, reader)
			.orElseThrow(() -> new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/notifications/" + id)));
		model.addAttribute("n", NotificationView.of(h, this.notifying.now()));
		// The proofs of its entries: sent, each acknowledgment, withdrawn.
		List<Map<String, Object>> proofs = new ArrayList<>();
		this.proving.entryProof(Notifying.SENT, uuid.toString()).ifPresent(proofs::add);
		for (var a : h.acknowledgments()) {
			this.proving.entryProof(Notifying.ACKNOWLEDGED, Notifying.acknowledgmentSubject(uuid, a.party()))
				.ifPresent(proofs::add);
		}
		this.proving.entryProof(Notifying.WITHDRAWN, uuid.toString()).ifPresent(proofs::add);
		model.addAttribute("proofs", proofs);
		model.addAttribute("mayAcknowledge",
				h.notification().withdrawnAt() == null && h.notification()
					.parties()
					.stream()
					.anyMatch(p -> reader.side().contains(p) && h.acknowledgment(p).isEmpty()));
		return "notifications/one";
	}

	@PostMapping("/notifications/{id}/acknowledgments")
	ModelAndView acknowledge(@PathVariable String id, @RequestParam(required = false) String back,
			@RequestParam(required = false) String assertedAt, @RequestParam(required = false) String assertedBy,
			@RequestParam(required = false) String assertedDocument, @RequestParam(required = false) String assertedUrl,
			Model model) {
		UUID uuid = NotificationController.uuid(id);
		AssertedBody typed = new AssertedBody(assertedAt, assertedBy, assertedDocument, assertedUrl);
		try {
			this.notifying.acknowledge(uuid, null, typed.fromForm(this.zone), reader());
		}
		catch (RejectedException ex) {
			// The notification's page again, with what was typed and each problem beside
			// its field.
			HttpStatus again = typed.refused(ex, model).orElseThrow(() -> ex);
			return new ModelAndView(one(id, model), model.asMap(), again);
		}
		RedirectView view = new RedirectView(
				"page".equals(back) ? "/notifications/" + uuid : "/notifications?acknowledged=" + uuid, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	private DeconflictionReader reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return this.notifying.reader(who.userId(), who.grants());
	}

}
