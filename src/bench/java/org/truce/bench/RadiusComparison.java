package org.truce.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.truce.shared.Geodesic;
import org.truce.testing.SyriaBox;

/**
 * Runs the same radius queries through several searches: first an untimed pass that also
 * compares what each search found, then timed passes in a rotating order so that no
 * search always runs first or last.
 */
public final class RadiusComparison {

	private RadiusComparison() {
	}

	/** A way to find the reports near a point. */
	@FunctionalInterface
	public interface Search {

		List<Hit> near(SyriaBox.Point centre, double radiusMetres) throws Exception;

	}

	/** A way to count the reports near a point (or find them and say how many). */
	@FunctionalInterface
	public interface Counting {

		long count(SyriaBox.Point centre, double radiusMetres) throws Exception;

	}

	/**
	 * A search under test.
	 *
	 * @param label how the output names it
	 * @param search to compare answers, or null when it only counts
	 * @param counting what is timed
	 */
	public record Contender(String label, Search search, Counting counting) {

		public static Contender of(String label, Search search) {
			return new Contender(label, search, (c, r) -> search.near(c, r).size());
		}

	}

	/**
	 * What a contender did in the timed passes.
	 *
	 * @param resultsPerPass the number of reports found in one pass (the same every pass)
	 */
	public record Timing(Contender contender, Samples.Summary latency, long resultsPerPass) {

	}

	/**
	 * The timed figures of each contender, in the order given.
	 *
	 * @param differences reports found by one search and not another, with their distance
	 * beyond (+) or inside (-) the radius
	 */
	public record Outcome(List<Timing> timings, List<String> differences) {

	}

	public static Outcome run(List<Contender> contenders, List<SyriaBox.Point> points, double radiusMetres, int passes,
			PrintWriter out) throws Exception {
		List<String> differences = compare(contenders, points, radiusMetres, out);
		Map<Contender, Samples> samples = new LinkedHashMap<>();
		Map<Contender, Long> results = new HashMap<>();
		contenders.forEach(c -> samples.put(c, new Samples()));
		for (int pass = 0; pass < passes; pass++) {
			for (int k = 0; k < contenders.size(); k++) {
				Contender c = contenders.get((pass + k) % contenders.size());
				long found = 0;
				long started = System.nanoTime();
				for (SyriaBox.Point p : points) {
					long t0 = System.nanoTime();
					found += c.counting().count(p, radiusMetres);
					samples.get(c).add(System.nanoTime() - t0);
				}
				out.printf("  pass %d %-22s %8.1f ms, %d found%n", pass + 1, c.label(),
						(System.nanoTime() - started) / 1e6, found);
				out.flush();
				Long before = results.put(c, found);
				if (before != null && before != found) {
					differences.add(c.label() + " found " + before + " in one pass and " + found + " in another");
				}
			}
		}
		List<Timing> timings = new ArrayList<>();
		for (Contender c : contenders) {
			timings.add(new Timing(c, samples.get(c).summary(), results.getOrDefault(c, 0L)));
		}
		return new Outcome(timings, differences);
	}

	/**
	 * The warm-up pass: every search over every point, untimed, with the answers compared
	 * to the first search's.
	 */
	private static List<String> compare(List<Contender> contenders, List<SyriaBox.Point> points, double radiusMetres,
			PrintWriter out) throws Exception {
		List<String> differences = new ArrayList<>();
		Contender reference = null;
		List<Map<String, Hit>> expected = null;
		for (Contender c : contenders) {
			long started = System.nanoTime();
			long found = 0;
			List<Map<String, Hit>> answers = new ArrayList<>();
			for (SyriaBox.Point p : points) {
				if (c.search() == null) {
					found += c.counting().count(p, radiusMetres);
					continue;
				}
				Map<String, Hit> byId = new HashMap<>();
				for (Hit hit : c.search().near(p, radiusMetres)) {
					byId.put(hit.id(), hit);
				}
				found += byId.size();
				answers.add(byId);
			}
			out.printf("  warm-up %-22s %8.1f ms, %d found%n", c.label(), (System.nanoTime() - started) / 1e6, found);
			out.flush();
			if (c.search() == null) {
				continue;
			}
			if (reference == null) {
				reference = c;
				expected = answers;
				continue;
			}
			for (int i = 0; i < points.size(); i++) {
				differences.addAll(differ(reference.label(), expected.get(i), c.label(), answers.get(i), points.get(i),
						radiusMetres));
			}
		}
		return differences;
	}

	private static List<String> differ(String labelA, Map<String, Hit> a, String labelB, Map<String, Hit> b,
			SyriaBox.Point centre, double radiusMetres) {
		List<String> out = new ArrayList<>();
		Set<String> ids = new HashSet<>(a.keySet());
		ids.addAll(b.keySet());
		for (String id : ids) {
			boolean inA = a.containsKey(id);
			boolean inB = b.containsKey(id);
			if (inA == inB) {
				continue;
			}
			Hit hit = inA ? a.get(id) : b.get(id);
			double beyond = Geodesic.distanceMetres(centre.latitude(), centre.longitude(), hit.latitude(),
					hit.longitude()) - radiusMetres;
			out.add(String.format(
					"report %s at (%.7f, %.7f), %+.6f m from the edge of the circle around (%.6f, %.6f):"
							+ " found by %s only",
					id, hit.latitude(), hit.longitude(), beyond, centre.latitude(), centre.longitude(),
					inA ? labelA : labelB));
		}
		return out;
	}

}
