package org.truce.report.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.truce.shared.LanguageTags;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.ScenarioZone;
import org.truce.shared.TimeText;

/**
 * Checks a {@link ReportDraft} and, when it is sound, turns its parts into model values.
 * Each check reports into the list of problems rather than throwing, so that one pass
 * names every fault.
 */
public final class ReportValidator {

	public static final int MAX_NARRATIVE = 20_000;

	public static final int MAX_TEXT = 500;

	/** How many other possible perpetrators a report may name. */
	public static final int MAX_ALSO_POSSIBLE = 20;

	public static final int MAX_ATTACHMENTS = 50;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

	private ReportValidator() {
	}

	/** The parts of a sound draft, as model values. */
	/**
	 * @param whoActed the kind of who-acted, {@link WhoActed.Kind#ACTOR} when the draft
	 * says none
	 * @param alsoPossible for {@link WhoActed.Kind#ONE_OF}, the other names that may have
	 * acted, as given; empty otherwise
	 * @param equipment the equipment class, or null
	 */
	public record Valid(EventType eventType, TimeSpan when, Location where, List<Attachment> attachments,
			Casualties casualties, WhoActed.Kind whoActed, List<String> alsoPossible, EquipmentClass equipment) {

		public Valid {
			whoActed = whoActed == null ? WhoActed.Kind.ACTOR : whoActed;
			alsoPossible = alsoPossible == null ? List.of() : List.copyOf(alsoPossible);
		}

	}

	/**
	 * Validates the draft; the result holds either the model values or at least one
	 * problem.
	 * @param zone where a date without a time is a calendar day, unless the draft's
	 * {@code when.zone} names another
	 * @param sourceUsable whether a source id names a source the submitter may use (false
	 * alike for one that does not exist)
	 */
	public static Result validate(ReportDraft d, ZoneId zone, Predicate<String> sourceUsable) {
		List<Problem> problems = new ArrayList<>();
		EventType type = null;
		if (blank(d.eventType())) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "eventType"));
		}
		else {
			type = EventType.parse(d.eventType()).orElse(null);
			if (type == null) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_EVENT_TYPE, "eventType", quote(d.eventType())));
			}
		}
		TimeSpan when = when(d.when(), zone, problems);
		Location where = where(d.where(), problems);
		if (blank(d.source())) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "source"));
		}
		else if (d.source().indexOf('\u0000') >= 0) {
			text("source", d.source(), MAX_TEXT, problems);
		}
		else if (!sourceUsable.test(d.source())) {
			// The same answer for a source that does not exist and for one the submitter
			// may not use, without the id: it tells nobody which sources exist.
			problems.add(Problem.of(ErrorCode.UNKNOWN_SOURCE, "source"));
		}
		text("actor", d.actor(), MAX_TEXT, problems);
		text("target", d.target(), MAX_TEXT, problems);
		text("externalId", d.externalId(), MAX_TEXT, problems);
		text("narrative", d.narrative(), MAX_NARRATIVE, problems);
		if (d.narrativeLang() != null && LanguageTags.canonical(d.narrativeLang()).isEmpty()) {
			problems.add(Problem.of(ErrorCode.INVALID_LANGUAGE_TAG, "narrativeLang"));
		}
		Casualties casualties = casualties(d.casualties(), problems);
		List<Attachment> attachments = attachments(d.attachments(), problems);
		WhoActed.Kind kind = whoActed(d, problems);
		EquipmentClass equipment = null;
		if (!blank(d.equipment())) {
			equipment = EquipmentClass.parse(d.equipment()).orElse(null);
			if (equipment == null) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_EQUIPMENT_CLASS, "equipment", quote(d.equipment())));
			}
		}
		if (!problems.isEmpty()) {
			return new Result(null, problems);
		}
		List<String> alsoPossible = kind == WhoActed.Kind.ONE_OF ? d.whoActed().alsoPossible() : List.of();
		return new Result(new Valid(type, when, where, attachments, casualties, kind, alsoPossible, equipment),
				List.of());
	}

	/**
	 * The kind of who-acted: {@code actor} (the default) needs nothing more;
	 * {@code either_side} needs both an actor and a target, the two sides; {@code one_of}
	 * needs the actor and at least one other possible name in {@code alsoPossible}, which
	 * only {@code one_of} may have.
	 */
	private static WhoActed.Kind whoActed(ReportDraft d, List<Problem> problems) {
		ReportDraft.WhoActedDraft w = d.whoActed();
		if (w == null) {
			return WhoActed.Kind.ACTOR;
		}
		WhoActed.Kind kind = WhoActed.Kind.ACTOR;
		if (!blank(w.kind())) {
			kind = parseEnum(WhoActed.Kind.class, w.kind());
			if (kind == null) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_WHO_ACTED_KIND, "whoActed.kind", quote(w.kind())));
				return null;
			}
		}
		List<String> also = w.alsoPossible() == null ? List.of() : w.alsoPossible();
		if (also.size() > MAX_ALSO_POSSIBLE) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "whoActed.alsoPossible"));
			return null;
		}
		for (int i = 0; i < also.size(); i++) {
			String field = "whoActed.alsoPossible[" + i + "]";
			if (blank(also.get(i))) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			}
			else {
				text(field, also.get(i), MAX_TEXT, problems);
			}
		}
		switch (kind) {
			case ACTOR -> {
				if (!also.isEmpty()) {
					problems.add(Problem.keyed(ErrorCode.WHO_ACTED_INCONSISTENT, "whoActed.alsoPossible", "oneOfOnly"));
				}
			}
			case EITHER_SIDE -> {
				if (blank(d.actor()) || blank(d.target())) {
					problems.add(Problem.keyed(ErrorCode.WHO_ACTED_INCONSISTENT, "whoActed.kind", "eitherSide"));
				}
				if (!also.isEmpty()) {
					problems.add(Problem.keyed(ErrorCode.WHO_ACTED_INCONSISTENT, "whoActed.alsoPossible", "oneOfOnly"));
				}
			}
			case ONE_OF -> {
				if (blank(d.actor()) || also.isEmpty()) {
					problems.add(Problem.keyed(ErrorCode.WHO_ACTED_INCONSISTENT, "whoActed.alsoPossible", "oneOf"));
				}
			}
		}
		return kind;
	}

	/** Either the valid parts, or the problems. */
	public record Result(Valid valid, List<Problem> problems) {

		public boolean ok() {
			return this.problems.isEmpty();
		}

	}

	private static TimeSpan when(ReportDraft.When w, ZoneId defaultZone, List<Problem> problems) {
		if (w == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "when"));
			return null;
		}
		if (blank(w.start())) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "when.start"));
			return null;
		}
		ZoneId zone = defaultZone;
		if (w.zone() != null) {
			zone = ScenarioZone.parse(w.zone()).orElse(null);
			if (zone == null) {
				problems.add(ScenarioZone.unknown("when.zone", w.zone()));
				return null;
			}
		}
		Optional<Instant[]> start = instantOrDay(w.start(), zone, "when.start", problems);
		Optional<Instant[]> end = blank(w.end()) ? start : instantOrDay(w.end(), zone, "when.end", problems);
		TimePrecision precision = null;
		if (!blank(w.precision())) {
			precision = parseEnum(TimePrecision.class, w.precision());
			if (precision == null) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_PRECISION, "when.precision", quote(w.precision())));
			}
		}
		if (start.isEmpty() || end.isEmpty()) {
			return null;
		}
		Instant from = start.get()[0];
		Instant to = end.get()[1];
		if (to.isBefore(from)) {
			problems.add(Problem.of(ErrorCode.INTERVAL_END_BEFORE_START, "when.end"));
			return null;
		}
		if (precision == null && !problems.isEmpty()) {
			return null;
		}
		if (precision == null) {
			precision = start.get()[0].equals(start.get()[1]) ? TimePrecision.EXACT : TimePrecision.DAY;
		}
		return new TimeSpan(from, to, precision);
	}

	/**
	 * [first instant, last instant] of the text: an instant is both; a date spans its day
	 * in the zone.
	 */
	private static Optional<Instant[]> instantOrDay(String text, ZoneId zone, String field, List<Problem> problems) {
		TimeText.Span span;
		try {
			span = TimeText.parse(text, zone);
		}
		catch (DateTimeParseException ex) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "dateOrInstant", field));
			return Optional.empty();
		}
		if (!span.recordable()) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "yearsBetween", field));
			return Optional.empty();
		}
		return Optional.of(new Instant[] { span.first(), span.last() });
	}

	private static Location where(ReportDraft.Where w, List<Problem> problems) {
		if (w == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "where"));
			return null;
		}
		int before = problems.size();
		if (w.latitude() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "where.latitude"));
		}
		else if (!(w.latitude() >= -90 && w.latitude() <= 90)) {
			problems.add(Problem.of(ErrorCode.LATITUDE_OUT_OF_RANGE, "where.latitude"));
		}
		if (w.longitude() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "where.longitude"));
		}
		else if (!(w.longitude() >= -180 && w.longitude() <= 180)) {
			problems.add(Problem.of(ErrorCode.LONGITUDE_OUT_OF_RANGE, "where.longitude"));
		}
		LocationPrecision precision = LocationPrecision.EXACT;
		if (!blank(w.precision())) {
			precision = parseEnum(LocationPrecision.class, w.precision());
			if (precision == null) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_PRECISION, "where.precision", quote(w.precision())));
			}
		}
		Double uncertainty = w.uncertaintyMetres();
		if (uncertainty != null && !(uncertainty >= 0 && uncertainty <= 20_000_000)) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "where.uncertaintyMetres", "uncertainty"));
		}
		text("where.placeName", w.placeName(), MAX_TEXT, problems);
		text("where.admin1", w.admin1(), MAX_TEXT, problems);
		text("where.admin2", w.admin2(), MAX_TEXT, problems);
		if (problems.size() > before) {
			return null;
		}
		double radius = Math.max(precision.radiusMetres(), uncertainty == null ? 0 : uncertainty);
		return new Location(w.latitude(), w.longitude(), precision, radius, w.placeName(), w.admin1(), w.admin2());
	}

	private static Casualties casualties(ReportDraft.CasualtiesDraft c, List<Problem> problems) {
		if (c == null) {
			return Casualties.NONE;
		}
		Casualties out = new Casualties(c.total(), c.actorSide(), c.targetSide(), c.civilians(), c.unknown());
		if (out.parts().anyMatch(Estimate::anyNegative)) {
			problems.add(Problem.of(ErrorCode.NEGATIVE_COUNT, "casualties"));
		}
		return out;
	}

	private static List<Attachment> attachments(List<ReportDraft.AttachmentDraft> list, List<Problem> problems) {
		if (list == null) {
			return List.of();
		}
		if (list.size() > MAX_ATTACHMENTS) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "attachments"));
			return List.of();
		}
		List<Attachment> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			ReportDraft.AttachmentDraft a = list.get(i);
			String field = "attachments[" + i + "]";
			if (a == null || blank(a.sha256()) || !SHA256.matcher(a.sha256()).matches()) {
				problems.add(Problem.with(ErrorCode.INVALID_DIGEST, field + ".sha256"));
				continue;
			}
			if (blank(a.mediaType())) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field + ".mediaType"));
				continue;
			}
			int before = problems.size();
			text(field + ".mediaType", a.mediaType(), MAX_TEXT, problems);
			text(field + ".name", a.name(), MAX_TEXT, problems);
			if (problems.size() > before) {
				continue;
			}
			out.add(new Attachment(a.sha256().toLowerCase(Locale.ROOT), a.mediaType(), a.name()));
		}
		return out;
	}

	/**
	 * A free text: at most {@code max} characters, and no NUL character, which PostgreSQL
	 * cannot store in text.
	 */
	private static void text(String field, String value, int max, List<Problem> problems) {
		if (value != null && value.indexOf('\u0000') >= 0) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "nul", field));
		}
		else if (value != null && value.length() > max) {
			problems.add(Problem.keyed(ErrorCode.TOO_LONG, field, "max", field, max));
		}
	}

	private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equalsIgnoreCase(text.trim())) {
				return constant;
			}
		}
		return null;
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String quote(String s) {
		return "'" + (s.length() > 80 ? s.substring(0, 80) + "…" : s) + "'";
	}

}
