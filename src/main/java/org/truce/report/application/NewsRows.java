package org.truce.report.application;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.truce.report.model.DataFlag;
import org.truce.report.model.EventType;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.TimePrecision;

/**
 * Rows of dated news items, such as Wikipedia's "Portal:Current events" summaries in
 * {@code scenarios/syria-2016/news/wikipedia_current_events_syria_2016.csv}: columns
 * {@code id}, {@code date} (ISO) and {@code text}; other columns are ignored. Each row is
 * an open-source report of its source, keyed {@code <source id>:<id>}. What the item says
 * is kept as its narrative; everything else is inferred by the stated rules below, or
 * left unknown.
 *
 * <ul>
 * <li><b>Time.</b> The portal files an item under the day it was reported, and an item
 * often tells of the day before ("yesterday", an overnight strike): the report spans that
 * day and the day before, with precision {@code DAYS}.</li>
 * <li><b>Event type</b> ({@link #EVENT_RULES}, first match wins): an item naming a weapon
 * and a casualty ("killed", "dead", "fatalities"...) is typed by the weapon, with the
 * rule and the words as its basis and the flag {@code EVENT_TYPE_INFERRED}; any other
 * item (diplomacy, advances, statements) is {@code OTHER}, and its basis says no rule
 * matched.</li>
 * <li><b>Place</b> ({@link #PLACE}): an item that says "the town of X", "the city of X"
 * or "the village of X" (one optional lower-case word between, as in "the northern town
 * of X") is placed at X when {@link NewsPlaces#town} finds exactly one place of that
 * name, with precision {@code NEAR} (25 km: the words do not say where in or near the
 * town) and the flag {@code LOCATION_FROM_TEXT}; any other item is placed at
 * {@link NewsPlaces#country()} with precision {@code COUNTRY} and the flag
 * {@code LOCATION_COUNTRY_ONLY}.</li>
 * <li><b>Actor and target</b> are never inferred: a news summary's grammar ("Syrian or
 * Russian warplanes", "rebels shelled") is not a rule that can say who acted, so both
 * stay empty.</li>
 * </ul>
 */
final class NewsRows implements RowFormat {

	/** How an item's words give its event type: a weapon, with someone hurt. */
	record EventRule(String name, EventType type, Pattern weapon) {

	}

	private static final Pattern CASUALTY = Pattern
		.compile("\\b(kill\\w*|dead|deaths?|died|fatalit\\w*|injur\\w*|wound\\w*)\\b");

	static final List<EventRule> EVENT_RULES = List.of(
			new EventRule("chemical", EventType.CHEMICAL_WEAPON,
					Pattern.compile("\\b(chlorine|toxic gas|gas attack|sarin)\\b")),
			new EventRule("car-bomb", EventType.REMOTE_EXPLOSIVE_LANDMINE_IED, Pattern.compile("\\bcar bombs?\\b")),
			new EventRule("air-strike", EventType.AIR_DRONE_STRIKE,
					Pattern.compile("\\b(air ?strikes?|warplanes?|war planes?|barrel bombs?)\\b")),
			new EventRule("shelling", EventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
					Pattern.compile("\\b(shell(ed|ing|s)?|rockets?|mortars?|artillery)\\b")));

	/**
	 * "the town of X", "the northern town of X" (not "the Turkish city of X": a
	 * capitalised word may name another country), X running to the next comma, full stop,
	 * "in" or "near".
	 */
	static final Pattern PLACE = Pattern.compile(
			"\\bthe (?:[a-z][a-z\\-]* )?(town|city|village) of ([A-Z][\\p{L}'\\-]*(?: [\\p{L}'\\-]+){0,3}?)(?=[,.;]|$| in | near )");

	private static final List<String> REQUIRED = List.of("id", "date", "text");

	private static final Map<String, String> COLUMNS = Map.of("when", "date", "when.start", "date", "when.end", "date",
			"narrative", "text", "externalId", "id", "source", "id");

	private final Source source;

	private final NewsPlaces places;

	NewsRows(Source source, NewsPlaces places) {
		this.source = source;
		this.places = places;
	}

	@Override
	public String kind() {
		return "news:" + this.source.id();
	}

	@Override
	public Source source() {
		return this.source;
	}

	@Override
	public List<String> requiredColumns() {
		return REQUIRED;
	}

	@Override
	public String columnOf(String draftField) {
		return COLUMNS.getOrDefault(draftField, draftField.startsWith("where") ? "text" : draftField);
	}

	@Override
	public RowReading read(CsvRow row) {
		String id = row.required("id");
		java.time.LocalDate date = row.isoDate("date");
		String text = row.required("text");
		if (!row.problems().isEmpty()) {
			return new Unreadable(row.problems());
		}
		id = id.strip();
		text = text.strip();
		EnumSet<DataFlag> flags = EnumSet.noneOf(DataFlag.class);
		Typed typed = type(text);
		if (typed.rule() != null) {
			flags.add(DataFlag.EVENT_TYPE_INFERRED);
		}
		ReportDraft.Where where;
		Optional<Placed> placed = place(text);
		if (placed.isPresent()) {
			NewsPlaces.Known town = placed.get().town();
			where = new ReportDraft.Where(town.latitude(), town.longitude(), LocationPrecision.NEAR.name(), null,
					town.name(), town.admin1(), null);
			flags.add(DataFlag.LOCATION_FROM_TEXT);
		}
		else {
			NewsPlaces.Known country = this.places.country();
			where = new ReportDraft.Where(country.latitude(), country.longitude(), LocationPrecision.COUNTRY.name(),
					country.radiusMetres(), country.name(), null, null);
			flags.add(DataFlag.LOCATION_COUNTRY_ONLY);
		}
		ReportDraft draft = new ReportDraft(typed.type().code(),
				new ReportDraft.When(date.minusDays(1).toString(), date.toString(), TimePrecision.DAYS.name()), where,
				null, null, null, text, this.source.id(), id, null);
		String basis = typed.basis() + placed.map(p -> " " + p.basis()).orElse("");
		return new Draft(draft, this.source.id() + ":" + id, basis, flags);
	}

	/** An event type, the rule that gave it (null for none) and why. */
	record Typed(EventType type, String rule, String basis) {

	}

	static Typed type(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		Matcher casualty = CASUALTY.matcher(lower);
		if (casualty.find()) {
			for (EventRule rule : EVENT_RULES) {
				Matcher weapon = rule.weapon().matcher(lower);
				if (weapon.find()) {
					return new Typed(rule.type(), rule.name(), "Event type by the news rule '" + rule.name()
							+ "': the words \"" + weapon.group() + "\" and \"" + casualty.group() + "\".");
				}
			}
		}
		return new Typed(EventType.OTHER, null,
				"No news rule names a weapon with casualties in the words: the event type is OTHER (not known).");
	}

	/** A town the text names, found in the gazetteer, and why. */
	record Placed(NewsPlaces.Known town, String basis) {

	}

	Optional<Placed> place(String text) {
		Matcher m = PLACE.matcher(text);
		while (m.find()) {
			String name = m.group(2).strip();
			Optional<NewsPlaces.Known> town = this.places.town(name);
			if (town.isPresent()) {
				return Optional.of(new Placed(town.get(), "Place by the news rule 'named-town': the words \""
						+ m.group().strip() + "\", found in the gazetteer as " + town.get().name() + "."));
			}
		}
		return Optional.empty();
	}

}
