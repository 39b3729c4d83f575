package org.truce.geo.application;

import java.util.List;
import java.util.Map;

import org.truce.geo.model.Place;

/** The store of the gazetteer: named points. */
public interface Places {

	/**
	 * Replaces every entry from the source with the given ones, in one transaction.
	 * @throws IllegalArgumentException when a place comes from another source
	 */
	void replaceSource(String source, List<Place> places);

	/**
	 * Places whose {@link org.truce.actor.model.NameKey name key}, or the key of whose
	 * Arabic name, equals or starts with the key of {@code name} (a Cyrillic name is
	 * transliterated to Latin first): equal keys first, then by kind (administrative
	 * units and their seats before towns and conflict locations), then by name.
	 */
	List<Place> search(String name, int limit);

	/** How many entries each source holds; sources without any are absent. */
	Map<String, Integer> countBySource();

}
