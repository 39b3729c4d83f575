package org.truce.incident.web;

import java.util.UUID;

import org.springframework.ui.Model;
import org.truce.identity.model.Viewer;

/**
 * What a context built on incidents adds to the incident page and the analysts' review
 * queue, such as the requests for information about the incident and the overdue ones.
 * The incident context knows these sections only through this interface, so that it does
 * not depend on the contexts that depend on it.
 */
public interface IncidentPageSections {

	/** Adds the section's attributes to the page of an incident the viewer may see. */
	void addToPage(UUID incident, Viewer viewer, Model model);

	/** Adds the section's attributes to the review queue. */
	void addToReview(Viewer viewer, Model model);

}
