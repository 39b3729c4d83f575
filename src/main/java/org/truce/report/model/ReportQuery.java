package org.truce.report.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A filter over reports. Every part is optional (null or empty means no constraint);
 * parts combine with AND.
 *
 * @param bbox reports whose point lies in this box
 * @param near reports whose point lies within a geodesic distance of a point
 * @param from reports whose interval ends at or after this instant
 * @param to reports whose interval starts at or before this instant
 * @param types reports of one of these types
 * @param actorIds reports in which one of these actors acted or was acted against
 * @param sourceIds reports from one of these sources
 * @param excludeCountryAggregates leave out country-level aggregates (UCDP where_prec 6)
 * @param after the keyset cursor to continue from, or null for the first page
 * @param limit how many reports at most
 * @param scope the part of the record the reader may see, which every other part is ANDed
 * with
 * @param sourceFields reports imported from a dataset's row of this layout whose columns
 * hold these values, or null for no constraint
 */
public record ReportQuery(BoundingBox bbox, Circle near, Instant from, Instant to, Set<EventType> types,
		Set<String> actorIds, Set<String> sourceIds, boolean excludeCountryAggregates, Cursor after, int limit,
		Scope scope, SourceFieldFilter sourceFields) {

	public static final int MAX_LIMIT = 10_000;

	public ReportQuery {
		types = types == null ? Set.of() : Set.copyOf(types);
		actorIds = actorIds == null ? Set.of() : Set.copyOf(actorIds);
		sourceIds = sourceIds == null ? Set.of() : Set.copyOf(sourceIds);
		scope = scope == null ? Scope.WHOLE_RECORD : scope;
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit out of range");
		}
	}

	/** A query that does not look at the datasets' own rows. */
	public ReportQuery(BoundingBox bbox, Circle near, Instant from, Instant to, Set<EventType> types,
			Set<String> actorIds, Set<String> sourceIds, boolean excludeCountryAggregates, Cursor after, int limit,
			Scope scope) {
		this(bbox, near, from, to, types, actorIds, sourceIds, excludeCountryAggregates, after, limit, scope, null);
	}

	/** A query over the whole record. */
	public ReportQuery(BoundingBox bbox, Circle near, Instant from, Instant to, Set<EventType> types,
			Set<String> actorIds, Set<String> sourceIds, boolean excludeCountryAggregates, Cursor after, int limit) {
		this(bbox, near, from, to, types, actorIds, sourceIds, excludeCountryAggregates, after, limit,
				Scope.WHOLE_RECORD);
	}

	public static ReportQuery all(int limit) {
		return new ReportQuery(null, null, null, null, null, null, null, false, null, limit);
	}

	public ReportQuery withCursor(Cursor cursor) {
		return new ReportQuery(bbox, near, from, to, types, actorIds, sourceIds, excludeCountryAggregates, cursor,
				limit, scope, sourceFields);
	}

	public ReportQuery withNear(Circle circle) {
		return new ReportQuery(bbox, circle, from, to, types, actorIds, sourceIds, excludeCountryAggregates, after,
				limit, scope, sourceFields);
	}

	public ReportQuery withScope(Scope scope) {
		return new ReportQuery(bbox, near, from, to, types, actorIds, sourceIds, excludeCountryAggregates, after, limit,
				scope, sourceFields);
	}

	public ReportQuery withSourceFields(SourceFieldFilter filter) {
		return new ReportQuery(bbox, near, from, to, types, actorIds, sourceIds, excludeCountryAggregates, after, limit,
				scope, filter);
	}

	/**
	 * Reports imported from a row of one dataset layout ({@link SourceFields#format})
	 * that meets every match.
	 */
	public record SourceFieldFilter(String format, List<FieldMatch> matches) {

		public SourceFieldFilter {
			Objects.requireNonNull(format, "format");
			matches = matches == null ? List.of() : List.copyOf(matches);
		}

	}

	/**
	 * A row matches when one of {@code columns} holds exactly one of {@code values}.
	 *
	 * @param name what the reader asked by (a query parameter such as {@code dyad})
	 */
	public record FieldMatch(String name, List<String> columns, Set<String> values) {

		public FieldMatch {
			columns = List.copyOf(columns);
			values = Set.copyOf(values);
		}

	}

	/**
	 * The part of the record a reader may see, as a filter the store applies in its query
	 * (so that pages and counts never include what the reader may not see).
	 *
	 * @param concerning null for every report; otherwise only the reports whose resolved
	 * actor or target is one of these actor ids (none when empty)
	 * @param publishedOnly only the reports that have been published
	 * @param atRiskGrid null to match spatial filters against every report's exact point;
	 * otherwise a report from an at-risk source is matched by the centre of its cell on
	 * this grid, the point the reader is shown, so that repeated small queries cannot
	 * locate it more closely than the cell
	 */
	public record Scope(Set<String> concerning, boolean publishedOnly, CoarseGrid atRiskGrid) {

		/** Everything, exactly placed: the reach of a monitor or co-chair. */
		public static final Scope WHOLE_RECORD = new Scope(null, false, null);

		public Scope {
			concerning = concerning == null ? null : Set.copyOf(concerning);
		}

	}

	/** A longitude/latitude box in degrees, WGS84. */
	public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

	}

	/** A circle on the ellipsoid: its centre in degrees and its radius in metres. */
	public record Circle(double latitude, double longitude, double radiusMetres) {

	}

	/**
	 * Where a page ended: reports are listed newest event first, ties broken by Truce's
	 * sequence.
	 */
	public record Cursor(Instant start, long seq) {

	}

}
