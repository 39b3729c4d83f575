package org.truce.incident.web;

import java.util.List;
import java.util.UUID;

import org.springframework.ui.Model;
import org.truce.identity.model.Viewer;

/**
 * What a context built on incidents adds to the incident page, the list of incidents and
 * the analysts' review queue, such as the requests for information about the incident,
 * the overdue ones, or each listed incident's most serious finding. The incident context
 * knows these sections only through this interface, so that it does not depend on the
 * contexts that depend on it.
 */
public interface IncidentPageSections {

	/** Adds the section's attributes to the page of an incident the viewer may see. */
	default void addToPage(UUID incident, Viewer viewer, Model model) {
	}

	/** Adds the section's attributes to the review queue. */
	default void addToReview(Viewer viewer, Model model) {
	}

	/**
	 * Adds the section's attributes to the list of incidents ({@code /incidents}), which
	 * shows these incidents, each by the id the viewer knows it by.
	 */
	default void addToList(List<UUID> shownIds, Viewer viewer, Model model) {
	}

}
