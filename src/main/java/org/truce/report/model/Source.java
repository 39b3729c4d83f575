package org.truce.report.model;

import java.util.Objects;

/**
 * Who reported: a monitor, a party's liaison, an NGO, the media, open sources or a
 * dataset.
 */
public record Source(String id, String name, SourceKind kind, Reliability reliability) {

	public Source {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		reliability = reliability == null ? Reliability.F : reliability;
	}

}
