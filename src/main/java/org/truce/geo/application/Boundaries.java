package org.truce.geo.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;

/** The store of administrative boundaries. */
public interface Boundaries {

	/**
	 * Replaces every boundary of the layer with the given ones, in one transaction.
	 * @throws IllegalArgumentException when a boundary belongs to another layer
	 */
	void replaceLayer(BoundaryLayer layer, List<Boundary> boundaries);

	Optional<Boundary> byPcode(String pcode);

	/** The units of one layer whose area covers the WGS84 point, smallest area first. */
	List<Boundary> covering(BoundaryLayer layer, double latitude, double longitude);

	/** How many boundaries each layer holds; layers without any are absent. */
	Map<BoundaryLayer, Integer> countByLayer();

}
