package org.truce.deconfliction.application;

import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.truce.deconfliction.model.Alert;

/**
 * The JSON body a webhook receives for an alert: what the public may read of it when it
 * is raised ({@link AlertViews}), since webhooks go to systems outside Truce's access
 * control: never the report's point, and only its grid cell while the report is
 * unpublished or its source at risk.
 */
@Component
public class AlertBodies {

	private final JsonMapper json = JsonMapper.builder().build();

	private final AlertViews views;

	AlertBodies(AlertViews views) {
		this.views = views;
	}

	/**
	 * The body, or nothing when the public does not get the alert
	 * ({@link AlertViews#shows}: only the cell of a report the public reads exactly
	 * raises it).
	 */
	public Optional<String> body(Alert alert) {
		return this.views.shown(alert, DeconflictionReader.PUBLIC).map(this.json::writeValueAsString);
	}

}
