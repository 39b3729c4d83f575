package org.truce.agreement.application;

import java.util.List;

import org.truce.agreement.model.ControlArea;

/** The store of control areas (the delineation), grouped in named maps. */
public interface ControlAreas {

	/** Replaces every area of the named map with these, in one transaction. */
	void replace(String mapName, List<ControlArea> areas);

	List<ControlArea> all();

}
