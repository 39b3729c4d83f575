package org.truce.adjudication.web;

import java.io.IOException;
import java.io.OutputStream;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.application.ActorDirectory;
import org.truce.adjudication.application.ExportingFindings;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.identity.model.Viewer;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

@RestController
class FindingExportController {

	private final ExportingFindings exporting;

	private final AgreementCatalogue agreements;

	private final RowCaps caps;

	private final ActorDirectory actors;

	FindingExportController(ExportingFindings exporting, AgreementCatalogue agreements, RowCaps caps,
			ActorDirectory actors) {
		this.actors = actors;
		this.caps = caps;
		this.exporting = exporting;
		this.agreements = agreements;
	}

	@Operation(summary = "Export an agreement's findings the reader may see, as CSV",
			description = "One row per incident and term, newest incident first, cut to the reader as GET"
					+ " /api/findings is: for readers other than monitors and co-chairs there is no external_ids"
					+ " column, and where the reporter is at risk the reasons and zones found from the exact place"
					+ " are withheld. possiblePerpetrator (an actor's id or any known name): only the rows where it"
					+ " is the actor (actor_id) or one of the possible perpetrators (possible_perpetrators, when the"
					+ " sources do not say which of several acted). At most truce.limits.rows.finding-exports (10,000) rows: the header"
					+ " Truce-Truncated: true says there were more. hxl=true: a second row of HXL hashtags under the"
					+ " header (#status+outcome, #org+perpetrator+id, #date+start, ...).")
	@GetMapping("/api/exports/findings")
	void export(@RequestParam String agreement, @RequestParam(required = false) String possiblePerpetrator,
			@RequestParam(required = false, defaultValue = "false") boolean hxl, Viewer viewer,
			HttpServletResponse response) throws IOException {
		if (this.agreements.versions(agreement).isEmpty()) {
			throw new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "agreement", "/api/agreements/" + agreement));
		}
		String possibleId = possiblePerpetrator == null ? null
				: FindingController.actorId(this.actors, "possiblePerpetrator", possiblePerpetrator);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"findings-" + agreement + ".csv\"");
		OutputStream out = response.getOutputStream();
		int cap = this.caps.of("finding-exports", 10_000);
		this.exporting.exportCsv(agreement, possibleId, hxl, out, viewer, cap,
				truncated -> RowCaps.mark(cap, truncated));
		out.flush();
	}

}
