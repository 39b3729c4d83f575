package org.truce.adjudication.model;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.truce.agreement.model.RouteDistances;
import org.truce.shared.Geodesic;

/**
 * Measures how far a point lies from a route, and on which side of it. Prepared once per
 * route; immutable and thread-safe.
 *
 * <p>
 * The nearest point of the route is found in a local equirectangular projection centred
 * on the route (longitudes scaled by the cosine of its mean latitude), as the route's
 * corridor is drawn; the distance to it is then the geodesic distance on the WGS84
 * ellipsoid. Over the few kilometres of a withdrawal distance the nearest point found
 * this way is off by well under 0.5 %, the margin the adjudicator allows. Beyond the
 * route's ends the distance is to its end point, and the side is that of its end segment.
 *
 * <p>
 * The side is seen along the route's direction, from its first point to its last. Where
 * the nearest point is a bend, a point is on the inner side of the bend only when it is
 * on that side of both segments.
 */
final class RouteGauge {

	private final Coordinate[] projected;

	private final double scale;

	RouteGauge(LineString route) {
		Coordinate[] points = route.getCoordinates();
		double meanLat = 0;
		for (Coordinate c : points) {
			meanLat += c.y / points.length;
		}
		this.scale = Math.cos(Math.toRadians(meanLat));
		this.projected = new Coordinate[points.length];
		for (int i = 0; i < points.length; i++) {
			this.projected[i] = new Coordinate(points[i].x * this.scale, points[i].y);
		}
	}

	/** The distance in metres from the point to the route, and its side. */
	Measure measure(double latitude, double longitude) {
		Coordinate p = new Coordinate(longitude * this.scale, latitude);
		int best = -1;
		double bestDistance = Double.POSITIVE_INFINITY;
		Coordinate nearest = null;
		for (int i = 0; i + 1 < this.projected.length; i++) {
			LineSegment segment = new LineSegment(this.projected[i], this.projected[i + 1]);
			Coordinate closest = segment.closestPoint(p);
			double d = closest.distance(p);
			if (d < bestDistance) {
				bestDistance = d;
				best = i;
				nearest = closest;
			}
		}
		RouteDistances.Side side = side(best, nearest, p);
		double metres = Geodesic.distanceMetres(latitude, longitude, nearest.y, nearest.x / this.scale);
		return new Measure(metres, side);
	}

	private RouteDistances.Side side(int segment, Coordinate nearest, Coordinate p) {
		Coordinate a = this.projected[segment];
		Coordinate b = this.projected[segment + 1];
		int index = Orientation.index(a, b, p);
		boolean atJoint = nearest.equals2D(b) && segment + 2 < this.projected.length;
		boolean atStartJoint = nearest.equals2D(a) && segment > 0;
		if (atJoint || atStartJoint) {
			Coordinate before = atJoint ? a : this.projected[segment - 1];
			Coordinate joint = atJoint ? b : a;
			Coordinate after = atJoint ? this.projected[segment + 2] : b;
			int first = Orientation.index(before, joint, p);
			int second = Orientation.index(joint, after, p);
			int turn = Orientation.index(before, joint, after);
			if (turn == Orientation.LEFT) {
				index = first == Orientation.LEFT && second == Orientation.LEFT ? Orientation.LEFT : Orientation.RIGHT;
			}
			else if (turn == Orientation.RIGHT) {
				index = first == Orientation.RIGHT && second == Orientation.RIGHT ? Orientation.RIGHT
						: Orientation.LEFT;
			}
			else {
				index = first;
			}
		}
		return index == Orientation.RIGHT ? RouteDistances.Side.RIGHT : RouteDistances.Side.LEFT;
	}

	/** A distance in metres from the route, and the side of it the point lies on. */
	record Measure(double metres, RouteDistances.Side side) {

	}

}
