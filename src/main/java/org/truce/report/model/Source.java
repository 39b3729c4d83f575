package org.truce.report.model;

import java.util.Objects;

/**
 * Who reported: a monitor, a party's liaison, an NGO, the media, open sources or a
 * dataset.
 *
 * @param id stable identifier
 * @param name who the source is
 * @param kind what kind of source
 * @param reliability how far it can be trusted (Admiralty scale)
 * @param atRisk whether exposing the source could put someone in danger: readers who may
 * not see sources then see its reports' locations only coarsened
 * @param contact how to reach the source (a phone number, a channel), or null; only
 * monitors and co-chairs ever see it
 */
public record Source(String id, String name, SourceKind kind, Reliability reliability, boolean atRisk, String contact) {

	public Source {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		reliability = reliability == null ? Reliability.F : reliability;
	}

	/** A source not at risk, without contact details. */
	public Source(String id, String name, SourceKind kind, Reliability reliability) {
		this(id, name, kind, reliability, false, null);
	}

}
