package org.truce.deconfliction.application;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.truce.deconfliction.model.Alert;

/**
 * The JSON body a webhook receives for an alert: {@link AlertJson} without the report's
 * point (webhooks go to systems outside Truce's access control).
 */
@Component
public class AlertBodies {

	private final JsonMapper json = JsonMapper.builder().build();

	public String body(Alert alert) {
		return this.json.writeValueAsString(AlertJson.of(alert, false));
	}

}
