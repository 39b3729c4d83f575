package org.truce.report.model;

import java.util.stream.Stream;

/**
 * Deaths reported for one event, split by who died. Each part may be null when not
 * reported.
 *
 * @param total all deaths
 * @param actorSide deaths on the acting side (UCDP side A)
 * @param targetSide deaths on the side acted against (UCDP side B)
 * @param civilians civilian deaths
 * @param unknown deaths whose status is not known
 */
public record Casualties(Estimate total, Estimate actorSide, Estimate targetSide, Estimate civilians,
		Estimate unknown) {

	public static final Casualties NONE = new Casualties(null, null, null, null, null);

	public Stream<Estimate> parts() {
		return Stream.of(total, actorSide, targetSide, civilians, unknown).filter(e -> e != null);
	}

}
