package org.truce.report.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.report.model.Casualties;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Estimate;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.Source;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.shared.TextLanguage;
import org.truce.report.model.WhoActed;
import org.truce.shared.ScenarioZone;
import org.truce.web.Digits;

/**
 * A report as the map's side panel shows it: every value already worded for a reader, so
 * the template only places them.
 */
record ReportPanel(String id, String type, String typeCode, String category, String categoryCode, String when,
		String timePrecision, String place, String admin, String coordinates, String locationPrecision,
		String uncertainty, String coarsened, List<Party> parties, List<CasualtyRow> casualties, String narrative,
		String source, String sourceDetail, String externalId, List<Flag> flags, String recordedAt, String equipment,
		String whoActed, TextLanguage narrativeLanguage) {

	/**
	 * Who acted or was acted against, as reported, and what the registry made of it:
	 * {@code how} says which registered name it matched and how (null when the report
	 * predates resolutions saying so, or the name is unresolved).
	 */
	record Party(String role, String asReported, String status, String statusCode, String resolvedAs, String how) {

	}

	/** One line of the casualty table; a blank cell means the source gave no figure. */
	record CasualtyRow(String label, String low, String best, String high) {

	}

	record Flag(String code, String meaning) {

	}

	/**
	 * @param source the report's source, or null when the reader may not see it
	 * @param grid the grid at-risk locations are coarsened onto, to say so
	 * @param zone the scenario's zone, in which times are written (with UTC beside them)
	 */
	static ReportPanel of(Report r, Source source, ActorRegistry registry, CoarseGrid grid, ScenarioZone zone) {
		return of(r, source, registry, grid, zone, Locale.ENGLISH, new Digits(Locale.ENGLISH, false));
	}

	/**
	 * The same, with the times written in a page's language and digits (names of months,
	 * Eastern Arabic digits).
	 */
	static ReportPanel of(Report r, Source source, ActorRegistry registry, CoarseGrid grid, ScenarioZone zone,
			Locale language, Digits digits) {
		Location where = r.where();
		List<Party> parties = new ArrayList<>();
		WhoActed.Kind kind = r.whoActed().kind();
		if (r.actor() != null) {
			parties.add(party(switch (kind) {
				case ACTOR -> "Actor";
				case EITHER_SIDE -> "One side";
				case ONE_OF -> "Possible actor";
			}, r.actor(), registry));
		}
		if (kind == WhoActed.Kind.ONE_OF) {
			r.whoActed().alsoPossible().forEach(p -> parties.add(party("Possible actor", p, registry)));
		}
		if (r.target() != null) {
			parties.add(party(kind == WhoActed.Kind.EITHER_SIDE ? "Other side" : "Target", r.target(), registry));
		}
		String admin = String.join(", ",
				java.util.stream.Stream.of(where.admin2(), where.admin1())
					.filter(s -> s != null && !s.isBlank())
					.toList());
		return new ReportPanel(r.id().toString(), r.eventType().label(), r.eventType().code(),
				r.eventType().category().label(), EventTypeController.categoryCode(r.eventType()),
				digits.text(when(r.when(), zone, language)), timePrecision(r.when().precision()), where.placeName(),
				admin.isEmpty() ? null : admin,
				String.format(Locale.ROOT, "%.5f° N, %.5f° E", where.latitude(), where.longitude()),
				locationPrecision(where.precision()), distance(where.uncertaintyMetres()),
				r.flags().contains(DataFlag.LOCATION_COARSENED) ? coarsened(grid) : null, parties,
				casualties(r.casualties()), r.narrative(), source == null ? r.sourceId() : source.name(),
				source == null ? null
						: source.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " · reliability "
								+ source.reliability().name() + " (" + source.reliability().meaning() + ")"
								+ (source.atRisk() ? " · at risk: shown to others only coarsened" : ""),
				r.externalId(),
				r.flags().stream().sorted(Comparator.naturalOrder()).map(f -> new Flag(f.name(), f.meaning())).toList(),
				digits.text(both(r.recordedAt(), zone, language)),
				r.equipment() == null ? null : r.equipment().meaning(), whoActed(r), r.narrativeLanguage());
	}

	/**
	 * Who acted, when the names alone would mislead: "one of X or Y (not known which)",
	 * or "X (inferred: basis)"; null when the source says the actor acted.
	 */
	static String whoActed(Report r) {
		WhoActed w = r.whoActed();
		return w.kind() == WhoActed.Kind.ACTOR && w.basis() == null ? null : w.describe(r.actor(), r.target());
	}

	/** What a reader is told of a location coarsened to protect its reporter. */
	static String coarsened(CoarseGrid grid) {
		return "Coarsened to protect the reporter: the point is the centre of its "
				+ BigDecimal.valueOf(grid.degrees()).stripTrailingZeros().toPlainString()
				+ "° grid cell, the radius covers the whole cell, and the exact place is withheld.";
	}

	/**
	 * The interval as local days when the precision is a day or coarser, else to the
	 * minute in the scenario's zone; then the same in UTC ({@link ScenarioZone#span}).
	 */
	static String when(TimeSpan span, ScenarioZone zone) {
		return when(span, zone, Locale.ENGLISH);
	}

	static String when(TimeSpan span, ScenarioZone zone, Locale language) {
		return zone.span(span.start(), span.end(), span.precision() == TimePrecision.EXACT, language).both();
	}

	/** An instant in the zone, then UTC, with the names of months of a language. */
	private static String both(java.time.Instant at, ScenarioZone zone, Locale language) {
		return zone.span(at, at, true, language).both();
	}

	static String timePrecision(TimePrecision precision) {
		return switch (precision) {
			case EXACT -> "time known to the hour";
			case DAY -> "exact day";
			case DAYS -> "within 2–6 days";
			case WEEK -> "within the week";
			case MONTH -> "within 8–30 days or the month";
			case YEAR -> "within a year";
		};
	}

	static String locationPrecision(LocationPrecision precision) {
		return switch (precision) {
			case SURVEYED -> "surveyed on site";
			case EXACT -> "exact place";
			case NEAR -> "near the point";
			case ADMIN2 -> "district only; the point is its centre";
			case ADMIN1 -> "governorate only; the point is its centre";
			case FUZZY -> "a road, border, river or region";
			case COUNTRY -> "country only";
			case INTERNATIONAL -> "international waters or airspace";
		};
	}

	/** Metres as a reader says them: {@code 800 m}, {@code 2 km}, {@code 2.5 km}. */
	static String distance(double metres) {
		if (metres < 1000) {
			return Math.round(metres) + " m";
		}
		double km = metres / 1000;
		return km == Math.rint(km) || km >= 100 ? Math.round(km) + " km" : String.format(Locale.ROOT, "%.1f km", km);
	}

	private static Party party(String role, ActorRef ref, ActorRegistry registry) {
		String resolvedAs = switch (ref.status()) {
			case RESOLVED -> registry.byId(ref.actorId()).map(Actor::name).orElse(ref.actorId());
			case AMBIGUOUS -> "could be " + String.join(", ",
					ref.candidates().stream().map(id -> registry.byId(id).map(Actor::name).orElse(id)).toList());
			case UNRESOLVED -> null;
		};
		String status = switch (ref.status()) {
			case RESOLVED -> "resolved";
			case AMBIGUOUS -> "ambiguous";
			case UNRESOLVED -> "not in the registry";
		};
		return new Party(role, ref.asReported(), status, ref.status().name().toLowerCase(Locale.ROOT), resolvedAs,
				ref.match() == null ? null : ref.explanation());
	}

	private static List<CasualtyRow> casualties(Casualties c) {
		List<CasualtyRow> rows = new ArrayList<>();
		row(rows, "Total", c.total());
		row(rows, "Acting side", c.actorSide());
		row(rows, "Side acted against", c.targetSide());
		row(rows, "Civilians", c.civilians());
		row(rows, "Unknown", c.unknown());
		return rows;
	}

	private static void row(List<CasualtyRow> rows, String label, Estimate e) {
		if (e != null && (e.low() != null || e.best() != null || e.high() != null)) {
			rows.add(new CasualtyRow(label, text(e.low()), text(e.best()), text(e.high())));
		}
	}

	private static String text(Integer n) {
		return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
	}

}
