package org.truce.report.application;

import java.util.List;
import java.util.Optional;

import org.truce.report.model.Source;

/** The store of sources. */
public interface Sources {

	/** Stores the source, or updates the one with the same id. */
	void save(Source source);

	Optional<Source> byId(String id);

	List<Source> all();

}
