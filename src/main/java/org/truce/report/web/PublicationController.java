package org.truce.report.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.truce.identity.model.Viewer;
import org.truce.report.application.Publications;
import org.truce.report.application.PublishingReports;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

@RestController
class PublicationController {

	private final PublishingReports publishing;

	private final Publications publications;

	PublicationController(PublishingReports publishing, Publications publications) {
		this.publishing = publishing;
		this.publications = publications;
	}

	@Operation(summary = "Publish a report (co-chairs)",
			description = "From then on the public may read it, without its source and with the place of an at-risk"
					+ " source coarsened. 201 when published now, with a ledger entry of kind 'publication'; 200"
					+ " when it was published before (nothing changes); 404 when no report has the id.")
	@PostMapping("/api/reports/{id}/publication")
	ResponseEntity<Publications.Publication> publish(@PathVariable String id, Viewer viewer) {
		UUID uuid;
		try {
			uuid = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(id);
		}
		List<Publications.Publication> made = this.publishing.publish(List.of(uuid), viewer.userId());
		if (!made.isEmpty()) {
			return ResponseEntity.created(URI.create("/api/reports/" + uuid)).body(made.get(0));
		}
		return this.publications.of(uuid).map(ResponseEntity::ok).orElseThrow(() -> notFound(id));
	}

	private static RejectedException notFound(String id) {
		return new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/reports/" + id));
	}

}
