package org.truce.report.web;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.truce.actor.application.ActorDirectory;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.model.Report;

/** The HTML fragment the map loads (with htmx) into its side panel for one report. */
@Controller
class ReportPanelController {

	private final Reports reports;

	private final Sources sources;

	private final ActorDirectory actors;

	ReportPanelController(Reports reports, Sources sources, ActorDirectory actors) {
		this.reports = reports;
		this.sources = sources;
		this.actors = actors;
	}

	@GetMapping("/reports/{id}/panel")
	String panel(@PathVariable String id, Model model, HttpServletResponse response) {
		Optional<Report> report = parse(id).flatMap(this.reports::byId);
		if (report.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("id", id);
			return "reports/panel :: missing";
		}
		Report r = report.get();
		model.addAttribute("report",
				ReportPanel.of(r, this.sources.byId(r.sourceId()).orElse(null), this.actors.registry()));
		return "reports/panel :: panel";
	}

	private static Optional<UUID> parse(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
