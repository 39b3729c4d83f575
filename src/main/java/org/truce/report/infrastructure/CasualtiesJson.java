package org.truce.report.infrastructure;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.truce.report.model.Casualties;
import org.truce.report.model.Estimate;

/**
 * Reads the {@code casualties} column, the JSON that Jackson writes for
 * {@link Casualties}, token by token. Every row of every query goes through here, and
 * data binding a record costs several times more; the result is the same. Members it does
 * not know (Jackson also writes {@code "ordered"}) are skipped.
 */
final class CasualtiesJson {

	private CasualtiesJson() {
	}

	static Casualties read(JsonMapper json, String text) {
		if (text == null) {
			return Casualties.NONE;
		}
		try (JsonParser p = json.createParser(text)) {
			if (p.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("casualties are not a JSON object: " + text);
			}
			Estimate total = null;
			Estimate actorSide = null;
			Estimate targetSide = null;
			Estimate civilians = null;
			Estimate unknown = null;
			String name;
			while ((name = p.nextName()) != null) {
				if (p.nextToken() != JsonToken.START_OBJECT) {
					p.skipChildren();
					continue;
				}
				Estimate estimate = estimate(p);
				switch (name) {
					case "total" -> total = estimate;
					case "actorSide" -> actorSide = estimate;
					case "targetSide" -> targetSide = estimate;
					case "civilians" -> civilians = estimate;
					case "unknown" -> unknown = estimate;
					default -> {
					}
				}
			}
			return new Casualties(total, actorSide, targetSide, civilians, unknown);
		}
	}

	/** The members of one estimate object, the parser on its START_OBJECT. */
	private static Estimate estimate(JsonParser p) {
		Integer low = null;
		Integer best = null;
		Integer high = null;
		String name;
		while ((name = p.nextName()) != null) {
			JsonToken token = p.nextToken();
			if (token != JsonToken.VALUE_NUMBER_INT) {
				p.skipChildren();
				continue;
			}
			int value = p.getIntValue();
			switch (name) {
				case "low" -> low = value;
				case "best" -> best = value;
				case "high" -> high = value;
				default -> {
				}
			}
		}
		return new Estimate(low, best, high);
	}

}
