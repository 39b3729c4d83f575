package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.truce.report.model.CoarseGrid;
import org.truce.shared.Geodesic;

/**
 * Finds the protected places within the alert distance of an incident. Built once from
 * every place (an STR-tree over their envelopes); immutable and thread-safe after
 * construction.
 *
 * <p>
 * Space: with d the geodesic distance from the incident's point to the place, r the
 * incident's uncertainty radius and T the alert distance for the place's kind, the place
 * is surely within when d + r ≤ T (the whole disc is within T), possibly within when d −
 * r ≤ T < d + r, and not within otherwise.
 *
 * <p>
 * Time: the incident's interval [start, end] must share an instant with the place's
 * window; when it also lies wholly inside the window the timing is sure, otherwise it
 * straddles the window's start or end and the match is at most possible. A place without
 * a start or end is open on that side.
 */
public final class ProximityIndex {

	private static final ProximityIndex EMPTY = new ProximityIndex(List.of(), AlertDistances.of(0));

	private final STRtree tree = new STRtree();

	private final AlertDistances distances;

	private final int size;

	public ProximityIndex(List<ProtectedPlace> places, AlertDistances distances) {
		this.distances = distances;
		for (ProtectedPlace place : places) {
			this.tree.insert(place.geometry().getEnvelopeInternal(),
					new Entry(place, new PlaceDistance(place.geometry())));
		}
		this.tree.build();
		this.size = places.size();
	}

	public static ProximityIndex empty() {
		return EMPTY;
	}

	public int size() {
		return this.size;
	}

	public AlertDistances distances() {
		return this.distances;
	}

	/**
	 * The alerts a report or incident raises: the places it is surely or possibly within
	 * the distance of, when its type is violent ({@link ViolentEvents}); none otherwise.
	 * Nearest first.
	 */
	public List<ProximityMatch> alerts(IncidentProbe probe) {
		return ViolentEvents.isViolent(probe.eventType()) ? near(probe) : List.of();
	}

	/**
	 * The alerts a report raises, each with the match of its exact point and that of its
	 * grid cell ({@link Alert.Cell}), found from the cell alone: the cell's centre, with
	 * the report's uncertainty plus the cell's half-diagonal (a disc that holds the
	 * report's disc wherever its point lies in the cell).
	 *
	 * <p>
	 * The places are always those the cell's disc reaches (which holds every place the
	 * point's disc reaches), so that which places match tells nothing finer than the
	 * cell, and in the order of the cell's match (nearest to it first), so that neither
	 * does their order. The point's match gives the exact distance, and its proximity
	 * when the point itself is within, else the cell's.
	 * <ul>
	 * <li>With {@code byCell} (a report whose place is secret to all but the staff, from
	 * an at-risk source) every reader gets every match.</li>
	 * <li>Otherwise a match that the point's disc does not reach is
	 * {@link Matched#cellOnly}: for the readers who may not read the report exactly only,
	 * while those who may keep the matches of the exact point.</li>
	 * </ul>
	 */
	public List<Matched> alerts(IncidentProbe exact, CoarseGrid grid, boolean byCell) {
		if (!ViolentEvents.isViolent(exact.eventType())) {
			return List.of();
		}
		double lat = grid.centreLatitude(exact.latitude());
		double lon = grid.centreLongitude(exact.longitude());
		double halfDiagonal = grid.halfDiagonalMetres(lat, lon);
		IncidentProbe cell = new IncidentProbe(lat, lon, Math.ceil(exact.uncertaintyMetres() + halfDiagonal),
				exact.start(), exact.end(), exact.eventType());
		List<ProximityMatch> matches = near(cell);
		List<Matched> out = new ArrayList<>(matches.size());
		for (ProximityMatch byCellMatch : matches) {
			PlaceDistance distance = new PlaceDistance(byCellMatch.place().geometry());
			ProximityMatch byPoint = match(byCellMatch.place(), distance, exact, this.distances);
			boolean cellOnly = byPoint == null && !byCell;
			if (byPoint == null) {
				byPoint = new ProximityMatch(byCellMatch.place(), byCellMatch.proximity(),
						distance.metresFrom(exact.latitude(), exact.longitude()), byCellMatch.thresholdMetres(),
						exact.uncertaintyMetres(), byCellMatch.timeStraddles());
			}
			out.add(new Matched(byPoint, Alert.Cell.of(lat, lon, grid.degrees(), byCellMatch.proximity(),
					byCellMatch.distanceMetres(), halfDiagonal), cellOnly));
		}
		return out;
	}

	/**
	 * A place a report raises an alert for.
	 *
	 * @param point the match of the report's exact point
	 * @param cell the match of its grid cell
	 * @param cellOnly whether only the cell reaches the place, not the point's disc: the
	 * alert is for the readers who may not read the report exactly
	 */
	public record Matched(ProximityMatch point, Alert.Cell cell, boolean cellOnly) {

	}

	/**
	 * The places the incident is surely or possibly within the distance of, whatever its
	 * type. Nearest first.
	 */
	public List<ProximityMatch> near(IncidentProbe probe) {
		double reach = this.distances.largest() + probe.uncertaintyMetres();
		double[] box = Geodesic.boundingBox(probe.latitude(), probe.longitude(), reach);
		@SuppressWarnings("unchecked")
		List<Entry> candidates = this.tree.query(new Envelope(box[0], box[2], box[1], box[3]));
		List<ProximityMatch> out = new ArrayList<>();
		for (Entry e : candidates) {
			ProximityMatch m = match(e.place(), e.distance(), probe, this.distances);
			if (m != null) {
				out.add(m);
			}
		}
		out.sort(Comparator.comparingDouble(ProximityMatch::distanceMetres)
			.thenComparing(m -> m.place().id().toString()));
		return out;
	}

	/**
	 * How one place relates to the incident, or null when it is not within the distance
	 * or not in its window: the rule, without the index (so also the reference for
	 * tests).
	 */
	public static ProximityMatch match(ProtectedPlace place, PlaceDistance distance, IncidentProbe probe,
			AlertDistances distances) {
		Timing timing = timing(place.from(), place.to(), probe.start(), probe.end());
		if (timing == Timing.OUTSIDE) {
			return null;
		}
		double threshold = distances.of(place.kind());
		double r = probe.uncertaintyMetres();
		double d = distance.metresFrom(probe.latitude(), probe.longitude());
		if (d - r > threshold) {
			return null;
		}
		boolean surely = d + r <= threshold && timing == Timing.INSIDE;
		return new ProximityMatch(place, surely ? Proximity.WITHIN : Proximity.POSSIBLY_WITHIN, d, threshold, r,
				timing == Timing.STRADDLES);
	}

	/** How an interval [start, end] relates to a window [from, to] (null: open). */
	static Timing timing(Instant from, Instant to, Instant start, Instant end) {
		if (from != null && end.isBefore(from) || to != null && start.isAfter(to)) {
			return Timing.OUTSIDE;
		}
		boolean inside = (from == null || !start.isBefore(from)) && (to == null || !end.isAfter(to));
		return inside ? Timing.INSIDE : Timing.STRADDLES;
	}

	enum Timing {

		INSIDE, STRADDLES, OUTSIDE

	}

	private record Entry(ProtectedPlace place, PlaceDistance distance) {

	}

}
