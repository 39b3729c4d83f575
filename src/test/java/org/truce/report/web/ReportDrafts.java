package org.truce.report.web;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Report bodies as a client sends them to {@code POST /api/reports}. */
final class ReportDrafts {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private ReportDrafts() {
	}

	/**
	 * The strike on the Urum al-Kubra aid convoy as a monitor reports it: every field
	 * set, the time with its offset.
	 */
	static ObjectNode convoyStrike() {
		return (ObjectNode) JSON.readTree("""
				{
				  "eventType": "Air/drone strike",
				  "when": {"start": "2016-09-19T19:30:00+03:00", "end": "2016-09-19T20:15:00.250+03:00"},
				  "where": {"latitude": 36.1456, "longitude": 36.9283, "precision": "near",
				            "placeName": "Urum al-Kubra", "admin1": "Aleppo", "admin2": "Jebel Saman"},
				  "actor": "the Russian Federation",
				  "target": "Syrian Arab Red Crescent",
				  "casualties": {"total": {"low": 18, "best": 20, "high": 21}, "civilians": {"best": 20}},
				  "narrative": "Convoy of 31 trucks struck near a warehouse.",
				  "source": "monitor-aleppo",
				  "externalId": "m-0001",
				  "attachments": [{"sha256": "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08",
				                   "mediaType": "image/jpeg", "name": "convoy.jpg"}]
				}
				""");
	}

	/** The least a report needs: a type, a day, a point and a source. */
	static ObjectNode minimal(String type, String day, double lat, double lon) {
		ObjectNode draft = JSON.createObjectNode();
		draft.put("eventType", type);
		draft.putObject("when").put("start", day);
		draft.putObject("where").put("latitude", lat).put("longitude", lon);
		draft.put("source", "ucdp-ged");
		return draft;
	}

	/** Sets {@code path} (dot-separated) to the JSON value given as text. */
	static ObjectNode with(ObjectNode draft, String path, String jsonValue) {
		ObjectNode copy = draft.deepCopy();
		String[] parts = path.split("\\.");
		ObjectNode node = copy;
		for (int i = 0; i < parts.length - 1; i++) {
			JsonNode child = node.get(parts[i]);
			node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
		}
		node.set(parts[parts.length - 1], JSON.readTree(jsonValue));
		return copy;
	}

}
