package org.truce.bulletin.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.Bulletin.Counts;

/**
 * The charts of a bulletin, as SVG ({@link SvgCharts}): the map of the period's incidents
 * by outcome, their daily counts by outcome and by party, and bars by zone. Drawn from
 * the bulletin alone, so they show exactly what its reader may see: an incident whose
 * place is withheld has no point, and the map says how many have none.
 *
 * @param map the map of incidents by outcome
 * @param dailyByOutcome daily counts by outcome
 * @param dailyByParty daily counts by party
 * @param byZone bars by zone
 */
public record BulletinCharts(String map, String dailyByOutcome, String dailyByParty, String byZone) {

	/** The outcomes in the order of the legends, the most serious first. */
	static final List<String> OUTCOMES = List.of("VIOLATION", "UNDETERMINED", "NO_VIOLATION", "NOT_ASSESSED");

	/** The most parties the daily chart draws apart; the rest are one line. */
	static final int MOST_PARTIES = 6;

	private static final SvgCharts.Series NOT_ASSESSED = new SvgCharts.Series("Not assessed",
			new SvgCharts.Style("#8C8C8C", SvgCharts.Shape.SQUARE, "1 3"));

	/** The charts of {@code bulletin}, their ids prefixed with {@code idPrefix}. */
	public static BulletinCharts of(Bulletin bulletin, SvgCharts.Backdrop backdrop, String idPrefix) {
		return new BulletinCharts(map(bulletin, backdrop, idPrefix + "map"),
				dailyByOutcome(bulletin, idPrefix + "daily-outcome"), dailyByParty(bulletin, idPrefix + "daily-party"),
				byZone(bulletin, idPrefix + "by-zone"));
	}

	static SvgCharts.Series series(String outcome) {
		return "NOT_ASSESSED".equals(outcome) ? NOT_ASSESSED : SvgCharts.outcome(outcome);
	}

	static List<SvgCharts.Series> outcomeSeries() {
		return OUTCOMES.stream().map(BulletinCharts::series).toList();
	}

	static int[] values(Counts c) {
		return new int[] { (int) c.violation(), (int) c.undetermined(), (int) c.noViolation(), (int) c.notAssessed() };
	}

	static String map(Bulletin bulletin, SvgCharts.Backdrop backdrop, String id) {
		List<SvgCharts.MapPoint> points = new ArrayList<>();
		int unplaced = 0;
		for (Bulletin.IncidentRow i : bulletin.incidents()) {
			if (i.latitude() == null || i.longitude() == null) {
				unplaced++;
				continue;
			}
			points.add(new SvgCharts.MapPoint(i.longitude(), i.latitude(), series(i.outcome())));
		}
		String title = "Map of the period's incidents by most serious outcome";
		if (unplaced > 0) {
			title += " (" + unplaced + (unplaced == 1 ? " incident" : " incidents") + " without a place shown)";
		}
		return SvgCharts.map(id, title, backdrop, points, outcomeSeries());
	}

	static List<LocalDate> days(Bulletin bulletin) {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate d = bulletin.header().from(); !d.isAfter(bulletin.header().to()); d = d.plusDays(1)) {
			days.add(d);
		}
		return days;
	}

	static String dailyByOutcome(Bulletin bulletin, String id) {
		List<LocalDate> days = days(bulletin);
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < days.size(); i++) {
			index.put(days.get(i), i);
		}
		LinkedHashMap<SvgCharts.Series, int[]> counts = new LinkedHashMap<>();
		for (String outcome : OUTCOMES) {
			counts.put(series(outcome), new int[days.size()]);
		}
		List<int[]> columns = new ArrayList<>(counts.values());
		for (Bulletin.DailyRow row : bulletin.daily()) {
			Integer i = index.get(row.day());
			if (i != null) {
				int[] v = values(row.counts());
				for (int s = 0; s < v.length; s++) {
					columns.get(s)[i] += v[s];
				}
			}
		}
		return SvgCharts.daily(id, "Incidents per day by most serious outcome", days, counts);
	}

	/** The label of a party's line: the actor and how it is charged. */
	static String partyLabel(String actorId, String attribution) {
		return switch (attribution) {
			case "ATTRIBUTED" -> actorId;
			case "ONE_OF" -> actorId + " (one of)";
			case "UNKNOWN" -> "unknown";
			default -> actorId + " (" + attribution.toLowerCase(java.util.Locale.ROOT) + ")";
		};
	}

	static String dailyByParty(Bulletin bulletin, String id) {
		List<LocalDate> days = days(bulletin);
		Map<LocalDate, Integer> index = new HashMap<>();
		for (int i = 0; i < days.size(); i++) {
			index.put(days.get(i), i);
		}
		Map<String, Long> totals = new HashMap<>();
		for (Bulletin.PartyRow row : bulletin.byParty()) {
			totals.merge(partyLabel(row.actorId(), row.attribution()), row.counts().total(), Long::sum);
		}
		List<String> labels = totals.keySet()
			.stream()
			.sorted(Comparator.comparing((String l) -> -totals.get(l)).thenComparing(Comparator.naturalOrder()))
			.toList();
		List<String> shown = labels.size() <= MOST_PARTIES ? labels : labels.subList(0, MOST_PARTIES - 1);
		String others = labels.size() - shown.size() + " other parties";
		LinkedHashMap<SvgCharts.Series, int[]> counts = new LinkedHashMap<>();
		Map<String, int[]> byLabel = new HashMap<>();
		for (int i = 0; i < shown.size(); i++) {
			int[] c = new int[days.size()];
			counts.put(SvgCharts.nth(i, shown.get(i)), c);
			byLabel.put(shown.get(i), c);
		}
		int[] rest = new int[days.size()];
		if (shown.size() < labels.size()) {
			counts.put(SvgCharts.nth(shown.size(), others), rest);
		}
		for (Bulletin.DailyPartyRow row : bulletin.dailyByParty()) {
			Integer i = index.get(row.day());
			if (i != null) {
				byLabel.getOrDefault(partyLabel(row.actorId(), row.attribution()), rest)[i] += (int) row.counts()
					.total();
			}
		}
		return SvgCharts.daily(id, "Incidents per day by party (an incident of \"one of\" several counts for each)",
				days, counts);
	}

	static String byZone(Bulletin bulletin, String id) {
		List<String> categories = new ArrayList<>();
		int[][] values = new int[bulletin.byZone().size()][];
		int c = 0;
		for (Bulletin.ZoneRow row : bulletin.byZone()) {
			categories.add(row.zoneName() == null ? row.zoneId() : row.zoneName());
			values[c++] = values(row.counts());
		}
		return SvgCharts.bars(id, "Incidents by zone and most serious outcome", categories, outcomeSeries(), values);
	}

}
