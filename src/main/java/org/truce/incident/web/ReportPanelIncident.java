package org.truce.incident.web;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ReadingIncidents;
import org.truce.report.web.ReportPanelSections;

/**
 * The map's report panel's link to the report's incident ({@code incident}: the id the
 * reader knows it by), when the report belongs to one the reader may see, as the incident
 * page would show it.
 */
@Component
class ReportPanelIncident implements ReportPanelSections {

	private final ReadingIncidents reading;

	ReportPanelIncident(ReadingIncidents reading) {
		this.reading = reading;
	}

	@Override
	public void addToPanel(UUID report, Viewer viewer, Model model) {
		this.reading.byId(report, viewer).ifPresent(view -> model.addAttribute("incident", view.shownId()));
	}

}
