package org.truce.deconfliction.web;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.truce.testing.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alerts a reader gets, and strikes that raise them, for the tests of what an alert
 * shows.
 */
final class AlertsAsRead {

	private AlertsAsRead() {
	}

	/**
	 * The alert without what differs whatever the report: its id and when it was raised.
	 */
	static JsonNode withoutIdAndTime(JsonNode alert) {
		ObjectNode copy = (ObjectNode) alert.deepCopy();
		copy.remove("id");
		copy.remove("raisedAt");
		return copy;
	}

	/**
	 * The alerts {@code http}'s reader gets about places of this kind ({@code site},
	 * {@code declared-position}).
	 */
	static List<JsonNode> about(Http http, String placeKind) {
		Http.Response r = http.get("/api/alerts");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		List<JsonNode> out = new ArrayList<>();
		for (JsonNode a : r.json().get("items")) {
			if (placeKind.equals(a.get("place").get("kind").asString())) {
				out.add(a);
			}
		}
		return out;
	}

	/** An air strike at this point on 19 September 2016, noon; its report's id. */
	static String strike(Http monitor, String source, String actor, double latitude, double longitude) {
		Http.Response r = monitor.postJson("/api/reports", """
				{"eventType": "air_drone_strike", "when": {"start": "2016-09-19T12:00:00Z"},
				 "where": {"latitude": %s, "longitude": %s, "precision": "surveyed"},
				 "actor": "%s", "target": "Civilians",
				 "narrative": "A strike.", "source": "%s"}""".formatted(latitude, longitude, actor, source));
		assertThat(r.status()).as(r.toString()).isEqualTo(201);
		return r.json().get("id").asString();
	}

}
