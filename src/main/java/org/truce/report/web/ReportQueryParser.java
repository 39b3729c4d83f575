package org.truce.report.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.EventType;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.TimeText;
import org.truce.web.QueryParameters;

/** Reads the query parameters of {@code GET /api/reports} into a {@link ReportQuery}. */
public final class ReportQueryParser {

	static final double MAX_RADIUS_METRES = 1_000_000;

	private ReportQueryParser() {
	}

	/**
	 * @param inter ACLED inter codes, matched in {@code inter1} or {@code inter2}
	 * @param interaction ACLED interaction codes ({@code interaction})
	 * @param dyad UCDP dyads, by {@code dyad_new_id} or {@code dyad_name}
	 * @param conflict UCDP conflicts, by {@code conflict_new_id} or {@code conflict_name}
	 */
	record Params(String bbox, Double lat, Double lon, Double radius, String from, String to, List<String> type,
			List<String> actor, List<String> source, Boolean excludeAggregates, String cursor, Integer limit,
			List<String> inter, List<String> interaction, List<String> dyad, List<String> conflict) {

		/** Without filters by the datasets' own columns. */
		Params(String bbox, Double lat, Double lon, Double radius, String from, String to, List<String> type,
				List<String> actor, List<String> source, Boolean excludeAggregates, String cursor, Integer limit) {
			this(bbox, lat, lon, radius, from, to, type, actor, source, excludeAggregates, cursor, limit, null, null,
					null, null);
		}

	}

	/**
	 * The filters by a dataset's own columns, each query parameter with the layout and
	 * the columns it reads: one value matches a row when one of the columns holds it
	 * exactly.
	 */
	private record ColumnFilter(String parameter, String format, List<String> columns) {

	}

	static final String ACLED = "acled", UCDP = "ucdp";

	private static final ColumnFilter INTER = new ColumnFilter("inter", ACLED, List.of("inter1", "inter2"));

	private static final ColumnFilter INTERACTION = new ColumnFilter("interaction", ACLED, List.of("interaction"));

	private static final ColumnFilter DYAD = new ColumnFilter("dyad", UCDP, List.of("dyad_new_id", "dyad_name"));

	private static final ColumnFilter CONFLICT = new ColumnFilter("conflict", UCDP,
			List.of("conflict_new_id", "conflict_name"));

	static ReportQuery parse(Params p, ActorDirectory actors, int defaultLimit, int maxLimit, ZoneId zone) {
		ReportQuery.BoundingBox bbox = p.bbox() == null ? null : bbox(p.bbox());
		ReportQuery.Circle near = null;
		if (p.lat() != null || p.lon() != null || p.radius() != null) {
			if (p.lat() == null || p.lon() == null || p.radius() == null) {
				throw QueryParameters.invalid("radius", "near");
			}
			if (!(p.lat() >= -90 && p.lat() <= 90)) {
				throw new RejectedException(Problem.of(ErrorCode.LATITUDE_OUT_OF_RANGE, "lat"));
			}
			if (!(p.lon() >= -180 && p.lon() <= 180)) {
				throw new RejectedException(Problem.of(ErrorCode.LONGITUDE_OUT_OF_RANGE, "lon"));
			}
			if (!(p.radius() > 0 && p.radius() <= MAX_RADIUS_METRES)) {
				throw QueryParameters.invalid("radius", "radius");
			}
			near = new ReportQuery.Circle(p.lat(), p.lon(), p.radius());
		}
		Instant from = p.from() == null ? null : QueryParameters.instant("from", p.from(), false, zone);
		Instant to = p.to() == null ? null : QueryParameters.instant("to", p.to(), true, zone);
		if (from != null && to != null && to.isBefore(from)) {
			throw new RejectedException(Problem.of(ErrorCode.INTERVAL_END_BEFORE_START, "to"));
		}
		Set<EventType> types = new LinkedHashSet<>();
		for (String t : split(p.type())) {
			types.add(EventType.parse(t)
				.orElseThrow(() -> new RejectedException(
						Problem.with(ErrorCode.UNKNOWN_EVENT_TYPE, "type", "'" + t + "'"))));
		}
		Set<String> actorIds = new LinkedHashSet<>();
		for (String a : split(p.actor())) {
			ActorRef ref = actors.registry().byId(a).isPresent() ? ActorRef.resolved(a, a) : actors.resolve(a);
			if (ref == null || !ref.matchesOneActor()) {
				throw QueryParameters.invalid("actor", "actor", a);
			}
			actorIds.add(ref.actorId());
		}
		int limit = p.limit() == null ? defaultLimit : p.limit();
		if (limit < 1 || limit > maxLimit) {
			throw QueryParameters.invalid("limit", "limit", maxLimit);
		}
		List<String> sources = split(p.source());
		if (sources.stream().anyMatch(s -> s.indexOf('\u0000') >= 0)) {
			throw QueryParameters.invalid("source", "nul", "source");
		}
		ReportQuery.Cursor cursor = p.cursor() == null ? null : decodeCursor(p.cursor());
		return new ReportQuery(bbox, near, from, to, types, actorIds, new LinkedHashSet<>(sources),
				Boolean.TRUE.equals(p.excludeAggregates()), cursor, limit)
			.withSourceFields(sourceFields(Map.of(INTER, p.inter() == null ? List.of() : p.inter(), INTERACTION,
					p.interaction() == null ? List.of() : p.interaction(), DYAD,
					p.dyad() == null ? List.of() : p.dyad(), CONFLICT,
					p.conflict() == null ? List.of() : p.conflict())));
	}

	/**
	 * The filter by the datasets' own columns, or null when none is asked; filters of two
	 * layouts (ACLED's inter, UCDP's dyad) would match nothing, and are refused.
	 */
	private static ReportQuery.SourceFieldFilter sourceFields(Map<ColumnFilter, List<String>> asked) {
		String format = null;
		String first = null;
		List<ReportQuery.FieldMatch> matches = new ArrayList<>();
		for (ColumnFilter filter : List.of(INTER, INTERACTION, DYAD, CONFLICT)) {
			List<String> values = split(asked.get(filter));
			if (values.isEmpty()) {
				continue;
			}
			if (values.stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
				throw QueryParameters.invalid(filter.parameter(),
						filter.parameter() + " must not contain the NUL character (U+0000).");
			}
			if (format != null && !format.equals(filter.format())) {
				throw QueryParameters.invalid(filter.parameter(), "datasetsMixed", first, filter.parameter());
			}
			format = filter.format();
			first = first == null ? filter.parameter() : first;
			matches.add(new ReportQuery.FieldMatch(filter.parameter(), filter.columns(), new LinkedHashSet<>(values)));
		}
		return format == null ? null : new ReportQuery.SourceFieldFilter(format, matches);
	}

	private static ReportQuery.BoundingBox bbox(String text) {
		String[] parts = text.split(",");
		if (parts.length != 4) {
			throw QueryParameters.invalid("bbox", "bbox");
		}
		try {
			double minLon = Double.parseDouble(parts[0].trim());
			double minLat = Double.parseDouble(parts[1].trim());
			double maxLon = Double.parseDouble(parts[2].trim());
			double maxLat = Double.parseDouble(parts[3].trim());
			if (!(minLon >= -180 && maxLon <= 180 && minLon <= maxLon && minLat >= -90 && maxLat <= 90
					&& minLat <= maxLat)) {
				throw QueryParameters.invalid("bbox", "bboxRange");
			}
			return new ReportQuery.BoundingBox(minLon, minLat, maxLon, maxLat);
		}
		catch (NumberFormatException ex) {
			throw QueryParameters.invalid("bbox", "bbox");
		}
	}

	private static List<String> split(List<String> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream()
			.flatMap(v -> List.of(v.split(",")).stream())
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.toList();
	}

	public static String encodeCursor(ReportQuery.Cursor cursor) {
		String raw = cursor.start().toEpochMilli() + ":" + cursor.seq();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	public static ReportQuery.Cursor decodeCursor(String text) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
			String[] parts = raw.split(":");
			if (parts.length != 2) {
				throw new IllegalArgumentException();
			}
			Instant start = Instant.ofEpochMilli(Long.parseLong(parts[0]));
			if (!TimeText.recordable(start)) {
				throw new IllegalArgumentException();
			}
			return new ReportQuery.Cursor(start, Long.parseLong(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.of(ErrorCode.INVALID_CURSOR, "cursor"));
		}
	}

}
