package org.truce.ledger.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.LogIdentity;

/**
 * The record's integrity page: the newest checkpoint and its cosignatures, and a report's
 * inclusion proof, which {@code /js/ledger.js} checks in the reader's browser with
 * WebCrypto rather than taking the server's word for it.
 */
@Controller
class LedgerPageController {

	private final Checkpointing checkpointing;

	private final LogIdentity identity;

	LedgerPageController(Checkpointing checkpointing, LogIdentity identity) {
		this.checkpointing = checkpointing;
		this.identity = identity;
	}

	@GetMapping("/ledger")
	String page(@RequestParam(required = false) String report, Model model) {
		model.addAttribute("ledger", LedgerPage.of(this.identity.origin(), this.identity.verifierKey(),
				List.copyOf(this.identity.witnesses()), this.checkpointing.latest()));
		model.addAttribute("report", report == null ? "" : report.strip());
		return "ledger";
	}

}
