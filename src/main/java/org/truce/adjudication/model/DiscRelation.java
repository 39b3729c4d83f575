package org.truce.adjudication.model;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.truce.shared.Geodesic;

/**
 * Relates an uncertainty disc (a point and a radius in metres) to a polygonal area in
 * lon/lat degrees: wholly inside, wholly outside, or across its edge. Prepared once per
 * area; thread-safe after construction.
 *
 * <p>
 * Distances are measured in degree space with JTS and converted to metres with a lower
 * bound on the metres per degree at the disc's most poleward latitude (110,574 m per
 * degree of latitude; a·cos φ·π/180 per degree of longitude). A lower bound can only make
 * a distance look shorter, so the error always falls on the side of "across the edge":
 * the relation is never INSIDE or OUTSIDE unless it truly is.
 */
public final class DiscRelation {

	private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final double METRES_PER_DEGREE_LATITUDE_MIN = 110_574.0;

	private static final double METRES_PER_DEGREE_LONGITUDE_EQUATOR = Geodesic.A * Math.PI / 180;

	private final Geometry area;

	private final Envelope envelope;

	private final IndexedPointInAreaLocator locator;

	private final IndexedFacetDistance edge;

	public DiscRelation(Geometry area) {
		this.area = area;
		this.envelope = area.getEnvelopeInternal();
		this.locator = new IndexedPointInAreaLocator(area);
		this.edge = new IndexedFacetDistance(area.getBoundary());
	}

	public Geometry area() {
		return this.area;
	}

	public Envelope envelope() {
		return this.envelope;
	}

	/**
	 * How the disc relates to the area, with the distance from its centre to the edge in
	 * metres.
	 */
	public Result relate(double latitude, double longitude, double radiusMetres) {
		double[] box = Geodesic.boundingBox(latitude, longitude, radiusMetres);
		if (!this.envelope.intersects(new Envelope(box[0], box[2], box[1], box[3]))) {
			return new Result(Relation.OUTSIDE, Double.NaN);
		}
		Point centre = GEOMETRY.createPoint(new Coordinate(longitude, latitude));
		boolean inside = this.locator.locate(centre.getCoordinate()) != Location.EXTERIOR;
		double edgeMetres = this.edge.distance(centre) * metresPerDegreeLowerBound(latitude, radiusMetres);
		// 0.5 % and a metre of margin for the local flat-earth approximation at these
		// scales.
		boolean clear = edgeMetres >= radiusMetres * 1.005 + 1;
		if (inside) {
			return new Result(clear ? Relation.INSIDE : Relation.STRADDLES, edgeMetres);
		}
		return new Result(clear ? Relation.OUTSIDE : Relation.STRADDLES, edgeMetres);
	}

	static double metresPerDegreeLowerBound(double latitude, double radiusMetres) {
		double poleward = Math.min(89.9, Math.abs(latitude) + radiusMetres / METRES_PER_DEGREE_LATITUDE_MIN);
		return Math.min(METRES_PER_DEGREE_LATITUDE_MIN,
				METRES_PER_DEGREE_LONGITUDE_EQUATOR * Math.cos(Math.toRadians(poleward)));
	}

	/**
	 * The relation and the lower bound, in metres, of the distance from the centre to the
	 * edge.
	 */
	public record Result(Relation relation, double edgeMetres) {

	}

	public enum Relation {

		INSIDE, OUTSIDE, STRADDLES

	}

}
