package org.truce.ogc.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.TimeText;
import org.truce.web.QueryParameters;

/**
 * The query of {@code /ogc/collections/{id}/items} (OGC API – Features – Part 1: Core,
 * 7.15): {@code bbox} (four numbers, CRS84; a box whose west edge lies east of its east
 * edge crosses the antimeridian), {@code datetime} (an instant, or an interval closed or
 * open at one end with {@code ..}), {@code limit} (1 to 10,000, default 10), the opaque
 * {@code cursor} of a {@code next} link, and {@code f}. Any other parameter, a parameter
 * given twice, or a value out of its schema is refused: 400 {@code INVALID_QUERY} naming
 * the parameter.
 *
 * @param bbox the box, or null
 * @param from features whose time ends at or after this instant, or null
 * @param to features whose time starts at or before this instant, or null
 * @param limit how many features at most
 * @param cursor where the page starts, as the {@code next} link gave it, or null
 */
record OgcQuery(Box bbox, Instant from, Instant to, int limit, String cursor) {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 10_000;

	/** The parameters of the items; every other path takes {@link #PAGE} only. */
	static final Set<String> ITEMS = Set.of("f", "bbox", "datetime", "limit", "cursor");

	/** The one parameter of the landing page, conformance, collections and a feature. */
	static final Set<String> PAGE = Set.of("f");

	private static final GeometryFactory GEOMETRIES = new GeometryFactory(new PrecisionModel(), 4326);

	/**
	 * Refuses a parameter the path does not take, and one given more than once.
	 * @throws RejectedException INVALID_QUERY naming the parameter
	 */
	static void onlyKnown(Map<String, String[]> parameters, Set<String> known) {
		for (Map.Entry<String, String[]> p : parameters.entrySet()) {
			if (!known.contains(p.getKey())) {
				throw QueryParameters.invalid(p.getKey(), "ogcUnknown", p.getKey(),
						String.join(", ", known.stream().sorted().toList()));
			}
			if (p.getValue().length != 1) {
				throw QueryParameters.invalid(p.getKey(), "ogcOnce", p.getKey());
			}
		}
	}

	static OgcQuery parse(Map<String, String[]> parameters) {
		onlyKnown(parameters, ITEMS);
		Box bbox = parameters.containsKey("bbox") ? Box.parse(parameters.get("bbox")[0]) : null;
		Instant from = null;
		Instant to = null;
		if (parameters.containsKey("datetime")) {
			String text = parameters.get("datetime")[0].strip();
			int slash = text.indexOf('/');
			if (slash < 0) {
				from = instant(text);
				to = from;
			}
			else {
				String start = text.substring(0, slash);
				String end = text.substring(slash + 1);
				boolean openStart = start.isEmpty() || start.equals("..");
				boolean openEnd = end.isEmpty() || end.equals("..");
				if (openStart && openEnd) {
					throw QueryParameters.invalid("datetime", "ogcIntervalOpen");
				}
				from = openStart ? null : instant(start);
				to = openEnd ? null : instant(end);
				if (from != null && to != null && to.isBefore(from)) {
					throw QueryParameters.invalid("datetime", "ogcIntervalEnd");
				}
			}
		}
		int limit = DEFAULT_LIMIT;
		if (parameters.containsKey("limit")) {
			try {
				limit = Integer.parseInt(parameters.get("limit")[0].strip());
			}
			catch (NumberFormatException ex) {
				limit = -1;
			}
			if (limit < 1 || limit > MAX_LIMIT) {
				throw QueryParameters.invalid("limit", "ogcLimit", MAX_LIMIT);
			}
		}
		String cursor = parameters.containsKey("cursor") ? parameters.get("cursor")[0] : null;
		return new OgcQuery(bbox, from, to, limit, cursor);
	}

	private static Instant instant(String text) {
		Instant instant;
		try {
			instant = OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw QueryParameters.invalid("datetime", "ogcDatetime");
		}
		if (!TimeText.recordable(instant)) {
			throw QueryParameters.invalid("datetime", "years", "datetime");
		}
		return instant;
	}

	/**
	 * Whether a feature's time, from {@code start} to {@code end}, meets the interval.
	 */
	boolean meets(Instant start, Instant end) {
		if (start == null && end == null) {
			return true;
		}
		boolean endsAfterFrom = this.from == null || end == null || !end.isBefore(this.from);
		boolean startsBeforeTo = this.to == null || start == null || !start.isAfter(this.to);
		return endsAfterFrom && startsBeforeTo;
	}

	/** Whether a feature's geometry meets the box. */
	boolean meets(Geometry geometry) {
		return this.bbox == null || (geometry != null && this.bbox.intersects(geometry));
	}

	/** Whether a point meets the box. */
	boolean meets(double longitude, double latitude) {
		return meets(point(longitude, latitude));
	}

	static Point point(double longitude, double latitude) {
		return GEOMETRIES.createPoint(new Coordinate(longitude, latitude));
	}

	/**
	 * A bounding box in CRS84 degrees. {@code west > east} crosses the antimeridian: it
	 * is the two boxes either side of it.
	 */
	record Box(double west, double south, double east, double north) {

		static Box parse(String text) {
			String[] parts = text.split(",", -1);
			if (parts.length != 4) {
				throw invalid();
			}
			double[] v = new double[4];
			for (int i = 0; i < 4; i++) {
				try {
					v[i] = Double.parseDouble(parts[i].strip());
				}
				catch (NumberFormatException ex) {
					throw invalid();
				}
				if (!Double.isFinite(v[i])) {
					throw invalid();
				}
			}
			if (!(v[0] >= -180 && v[0] <= 180 && v[2] >= -180 && v[2] <= 180 && v[1] >= -90 && v[3] <= 90
					&& v[1] <= v[3])) {
				throw QueryParameters.invalid("bbox", "ogcBboxRange");
			}
			return new Box(v[0], v[1], v[2], v[3]);
		}

		private static RejectedException invalid() {
			return QueryParameters.invalid("bbox", "ogcBbox");
		}

		boolean crossesAntimeridian() {
			return this.west > this.east;
		}

		boolean intersects(Geometry geometry) {
			if (!crossesAntimeridian()) {
				return box(this.west, this.east).intersects(geometry);
			}
			return box(this.west, 180).intersects(geometry) || box(-180, this.east).intersects(geometry);
		}

		private Geometry box(double w, double e) {
			return GEOMETRIES.toGeometry(new Envelope(w, e, this.south, this.north));
		}

	}

	/** An offset into a list read whole, as an opaque cursor. */
	static String offsetCursor(int offset) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
	}

	/** The offset of {@link #cursor}, 0 without one. */
	int offset() {
		if (this.cursor == null) {
			return 0;
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(this.cursor), StandardCharsets.UTF_8);
			if (!raw.startsWith("offset:")) {
				throw new IllegalArgumentException();
			}
			int offset = Integer.parseInt(raw.substring("offset:".length()));
			if (offset < 0) {
				throw new IllegalArgumentException();
			}
			return offset;
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.of(ErrorCode.INVALID_CURSOR, "cursor"));
		}
	}

}
