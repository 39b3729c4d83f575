package org.truce.adjudication.model;

import java.util.Map;
import java.util.Objects;

/**
 * One step of a finding's reasoning: a stable code, a sentence and the data it used (zone
 * ids, distances in metres, actor resolutions, control-area ids).
 */
public record Reason(ReasonCode code, String detail, Map<String, String> data) {

	public Reason {
		Objects.requireNonNull(code, "code");
		data = data == null ? Map.of() : Map.copyOf(data);
	}

	public static Reason of(ReasonCode code, String detail) {
		return new Reason(code, detail, Map.of());
	}

}
