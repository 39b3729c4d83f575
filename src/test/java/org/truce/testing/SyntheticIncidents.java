package org.truce.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.truce.incident.model.ClusterInput;
import org.truce.incident.model.TypeGroup;
import org.truce.report.model.EventType;

/**
 * Synthetic reports with a known ground truth, for the clustering benchmark and tests:
 * events over Syria's bounding box ({@link SyriaBox}) from 2016 to 2019, each described
 * by one to four reports from different sources, in shuffled order. Reproducible from the
 * seed.
 *
 * <p>
 * What varies, and how often (per report unless said):
 * <ul>
 * <li>reports per event: 1 (35 %), 2 (30 %), 3 (20 %), 4 (15 %);</li>
 * <li>location precision: surveyed 100 m (5 %), exact place 2 km (70 %), within 25 km (15
 * %, too uncertain to merge), district 50 km (7 %) or governorate 150 km (3 %) (too vague
 * to link); the point lies uniformly within that radius of the event;</li>
 * <li>time: an instant within about ±1.5 hours (sd) of the event (60 %), the UTC day (30
 * %), a span of 3 to 6 days around it (7 %, too long to merge), or 30 days (3 %, too
 * vague to link);</li>
 * <li>type: the event's (88 %), another type of its group (9 %), a type of another group
 * (3 %);</li>
 * <li>perpetrator: the event's (73 %), unnamed (25 %), a different one (2 %, as when a
 * party blames the other); target: the event's, or unnamed (20 % more);</li>
 * <li>near-but-distinct events: 10 % of events have a sibling 3 to 10 km away and up to 4
 * hours apart, of the same type group, a distinct event in the ground truth.</li>
 * </ul>
 * Two sources (UCDP-like and ACLED-like) give their own event ids; the others give none.
 */
public final class SyntheticIncidents {

	static final long FIRST = Instant.parse("2016-01-01T00:00:00Z").getEpochSecond();

	static final long DAYS = 4 * 365 + 1;

	private static final double METRES_PER_DEGREE = 111_195;

	private static final String[] ACTORS = { "syria-government", "russia", "hts", "isis", "sdf", "fsa", "turkey",
			"us-coalition", "hezbollah", "jaysh-al-islam", "ahrar-al-sham", "ypg" };

	private static final String[] TARGETS = { "civilians", "syria-government", "hts", "isis", "sdf", "fsa" };

	private static final String[] SOURCES = { "ucdp", "acled", "sohr", "sana", "monitors", "liaison-north",
			"liaison-south" };

	private static final EventType[] COMMON = { EventType.AIR_DRONE_STRIKE, EventType.AIR_DRONE_STRIKE,
			EventType.AIR_DRONE_STRIKE, EventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
			EventType.SHELLING_ARTILLERY_MISSILE_ATTACK, EventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
			EventType.ARMED_CLASH, EventType.ARMED_CLASH, EventType.REMOTE_EXPLOSIVE_LANDMINE_IED, EventType.ATTACK,
			EventType.ABDUCTION_FORCED_DISAPPEARANCE, EventType.PEACEFUL_PROTEST, EventType.AID_OBSTRUCTION,
			EventType.GOVERNMENT_REGAINS_TERRITORY };

	private static final EventType[] ALL = EventType.values();

	private SyntheticIncidents() {
	}

	/**
	 * Synthetic reports and their ground truth.
	 *
	 * @param reports the reports, shuffled
	 * @param eventOf for each report, its event, 0 to {@code events - 1}
	 * @param events how many events
	 */
	public record Generated(List<ClusterInput> reports, int[] eventOf, int events) {

	}

	public static Generated generate(int n, long seed) {
		Random random = new Random(seed);
		List<ClusterInput> reports = new ArrayList<>(n);
		int[] eventOf = new int[n];
		int events = 0;
		long[] externalIds = new long[SOURCES.length];
		Event sibling = null;
		while (reports.size() < n) {
			Event event;
			if (sibling != null) {
				event = sibling;
				sibling = null;
			}
			else {
				event = newEvent(random);
				if (random.nextDouble() < 0.10) {
					sibling = siblingOf(event, random);
				}
			}
			int k = pick(random, 0.35, 0.30, 0.20) + 1;
			int[] sources = distinctSources(random, k);
			for (int s = 0; s < k && reports.size() < n; s++) {
				int source = sources[s];
				String externalId = source < 2 ? SOURCES[source] + "-" + (++externalIds[source]) : null;
				eventOf[reports.size()] = events;
				reports.add(report(event, "r" + reports.size(), SOURCES[source], externalId, random));
			}
			events++;
		}
		for (int i = n - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			ClusterInput r = reports.get(i);
			reports.set(i, reports.get(j));
			reports.set(j, r);
			int e = eventOf[i];
			eventOf[i] = eventOf[j];
			eventOf[j] = e;
		}
		return new Generated(reports, eventOf, events);
	}

	private record Event(double lat, double lon, long start, long duration, EventType type, String actor,
			String target) {

	}

	private static Event newEvent(Random random) {
		SyriaBox.Point p = SyriaBox.point(random);
		long start = FIRST + (long) (random.nextDouble() * DAYS * 86_400);
		EventType type = COMMON[random.nextInt(COMMON.length)];
		String target = random.nextDouble() < 0.4 ? null : TARGETS[random.nextInt(TARGETS.length)];
		return new Event(p.latitude(), p.longitude(), start, random.nextInt(7_200), type,
				ACTORS[random.nextInt(ACTORS.length)], target);
	}

	private static Event siblingOf(Event e, Random random) {
		double metres = 3_000 + random.nextDouble() * 7_000;
		double[] p = displaced(e.lat(), e.lon(), metres, random.nextDouble() * 2 * Math.PI);
		long start = e.start() + (long) ((random.nextDouble() * 2 - 1) * 4 * 3_600);
		String actor = random.nextBoolean() ? e.actor() : ACTORS[random.nextInt(ACTORS.length)];
		return new Event(p[0], p[1], start, random.nextInt(7_200), variant(e.type(), random), actor, e.target());
	}

	private static ClusterInput report(Event e, String id, String source, String externalId, Random random) {
		double radius = switch (pick(random, 0.05, 0.70, 0.15, 0.07)) {
			case 0 -> 100;
			case 1 -> 2_000;
			case 2 -> 25_000;
			case 3 -> 50_000;
			default -> 150_000;
		};
		double[] p = displaced(e.lat(), e.lon(), radius * Math.sqrt(random.nextDouble()),
				random.nextDouble() * 2 * Math.PI);
		long start;
		long end;
		switch (pick(random, 0.60, 0.30, 0.07)) {
			case 0 -> {
				long jitter = (long) Math.max(-6 * 3_600, Math.min(6 * 3_600, random.nextGaussian() * 5_400));
				start = e.start() + jitter;
				end = start + e.duration();
			}
			case 1 -> {
				start = Math.floorDiv(e.start(), 86_400) * 86_400;
				end = start + 86_399;
			}
			case 2 -> {
				int days = 3 + random.nextInt(4);
				start = Math.floorDiv(e.start(), 86_400) * 86_400 - random.nextInt(days) * 86_400L;
				end = start + days * 86_400L - 1;
			}
			default -> {
				start = Math.floorDiv(e.start(), 86_400) * 86_400 - random.nextInt(30) * 86_400L;
				end = start + 30 * 86_400L - 1;
			}
		}
		double t = random.nextDouble();
		EventType type = t < 0.88 ? e.type() : t < 0.97 ? variant(e.type(), random) : ALL[random.nextInt(ALL.length)];
		double a = random.nextDouble();
		String actor = a < 0.25 ? null : a < 0.27 ? otherActor(e.actor(), random) : e.actor();
		String target = random.nextDouble() < 0.2 ? null : e.target();
		return new ClusterInput(id, p[0], p[1], radius, start, end, type.code(), actor, target, source, externalId);
	}

	/** Another type of the same group, or the type itself when it is alone. */
	private static EventType variant(EventType type, Random random) {
		List<EventType> group = new ArrayList<>(TypeGroup.of(type).types());
		group.sort(null);
		return group.get(random.nextInt(group.size()));
	}

	private static String otherActor(String actor, Random random) {
		String other;
		do {
			other = ACTORS[random.nextInt(ACTORS.length)];
		}
		while (other.equals(actor));
		return other;
	}

	private static int[] distinctSources(Random random, int k) {
		int[] all = new int[SOURCES.length];
		for (int i = 0; i < all.length; i++) {
			all[i] = i;
		}
		for (int i = 0; i < k; i++) {
			int j = i + random.nextInt(all.length - i);
			int x = all[i];
			all[i] = all[j];
			all[j] = x;
		}
		return java.util.Arrays.copyOf(all, k);
	}

	/**
	 * The index of the first cumulative probability the draw falls under, or the last.
	 */
	private static int pick(Random random, double... probabilities) {
		double x = random.nextDouble();
		for (int i = 0; i < probabilities.length; i++) {
			x -= probabilities[i];
			if (x < 0) {
				return i;
			}
		}
		return probabilities.length;
	}

	/** A point {@code metres} away in direction {@code bearing} (radians), clamped. */
	private static double[] displaced(double lat, double lon, double metres, double bearing) {
		double dLat = metres * Math.cos(bearing) / METRES_PER_DEGREE;
		double dLon = metres * Math.sin(bearing) / (METRES_PER_DEGREE * Math.cos(Math.toRadians(lat)));
		return new double[] { Math.max(-90, Math.min(90, lat + dLat)), Math.max(-180, Math.min(180, lon + dLon)) };
	}

}
