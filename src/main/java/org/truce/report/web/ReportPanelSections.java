package org.truce.report.web;

import java.util.UUID;

import org.springframework.ui.Model;
import org.truce.identity.model.Viewer;

/**
 * What a context built on reports adds to the map's panel of one report, such as a link
 * to the incident the report belongs to. The report context knows these sections only
 * through this interface, so that it does not depend on the contexts that depend on it.
 */
public interface ReportPanelSections {

	/** Adds the section's attributes to the panel of a report the viewer may see. */
	void addToPanel(UUID report, Viewer viewer, Model model);

}
