package org.truce.report.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.truce.actor.application.ActorDirectory;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ReadingReports;
import org.truce.report.application.Sources;
import org.truce.report.model.Report;
import org.truce.report.model.Source;
import org.truce.shared.ScenarioZone;
import org.truce.web.Digits;
import org.truce.web.Languages;

/**
 * The HTML fragment the map loads (with htmx) into its side panel for one report, as its
 * reader may see it. A report the reader may not see is "not found", as a missing one.
 * Contexts built on reports add to it through {@link ReportPanelSections} (the link to
 * the report's incident).
 */
@Controller
class ReportPanelController {

	private final ReadingReports reading;

	private final Sources sources;

	private final ActorDirectory actors;

	private final ScenarioZone zone;

	private final List<ReportPanelSections> sections;

	ReportPanelController(ReadingReports reading, Sources sources, ActorDirectory actors, ScenarioZone zone,
			List<ReportPanelSections> sections) {
		this.reading = reading;
		this.sections = sections;
		this.sources = sources;
		this.actors = actors;
		this.zone = zone;
	}

	@GetMapping("/reports/{id}/panel")
	String panel(@PathVariable String id, Viewer viewer, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<Report> report = parse(id).flatMap(uuid -> this.reading.byId(uuid, viewer));
		if (report.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("id", id);
			return "reports/panel :: missing";
		}
		Report r = report.get();
		Source source = r.sourceId() == null ? null : this.sources.byId(r.sourceId()).orElse(null);
		Languages.Choice language = Languages.of(request);
		model.addAttribute("report", ReportPanel.of(r, source, this.actors.registry(), this.reading.grid(), this.zone,
				language.locale(), Digits.of(language)));
		this.sections.forEach(s -> s.addToPanel(r.id(), viewer, model));
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
