package org.truce.adjudication.model;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One step of a finding's reasoning: a stable code, a sentence and the data it used (zone
 * ids, distances in metres, actor resolutions, control-area ids), in the order of its
 * keys, so that it reads the same however it was built.
 */
public record Reason(ReasonCode code, String detail, Map<String, String> data) {

	public Reason {
		Objects.requireNonNull(code, "code");
		data = data == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(data));
	}

	public static Reason of(ReasonCode code, String detail) {
		return new Reason(code, detail, Map.of());
	}

}
