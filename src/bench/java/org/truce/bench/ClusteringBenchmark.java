package org.truce.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.truce.incident.model.CandidateLink;
import org.truce.incident.model.ClusterInput;
import org.truce.incident.model.Clustering;
import org.truce.incident.model.ClusteringResult;
import org.truce.incident.model.ClusteringRules;
import org.truce.incident.model.LinkReason;
import org.truce.testing.SyntheticIncidents;

/**
 * Time and quality of {@link Clustering#cluster} on synthetic reports with a known ground
 * truth ({@link SyntheticIncidents}), at several sizes, on one thread. Quality is
 * pairwise: precision is the share of pairs put in one cluster that belong to one event,
 * recall the share of pairs of one event that were put in one cluster. Pairs are counted
 * from cluster sizes, never enumerated.
 */
public final class ClusteringBenchmark {

	private final List<Integer> sizes;

	private final long seed;

	private final ClusteringRules rules;

	public ClusteringBenchmark(List<Integer> sizes, long seed, ClusteringRules rules) {
		this.sizes = List.copyOf(sizes);
		this.seed = seed;
		this.rules = rules;
	}

	/** One measured size. */
	public record Run(int reports, int events, double seconds, int clusters, int candidateLinks, Quality merged) {

		public double nanosPerReport() {
			return this.seconds * 1e9 / this.reports;
		}

		/** Seconds over n log2 n. */
		public double perNLogN() {
			return this.seconds / (this.reports * (Math.log(Math.max(2, this.reports)) / Math.log(2)));
		}

	}

	/** Pairwise precision and recall against the ground truth. */
	public record Quality(long predictedPairs, long truePairs, long correctPairs) {

		public double precision() {
			return this.predictedPairs == 0 ? 1 : (double) this.correctPairs / this.predictedPairs;
		}

		public double recall() {
			return this.truePairs == 0 ? 1 : (double) this.correctPairs / this.truePairs;
		}

	}

	public List<Run> run(PrintWriter out) {
		ClusteringRules r = this.rules;
		out.printf(
				"  rules: %.0f m + both uncertainties, gap %d s, merge up to %.0f m uncertainty and %d s span;"
						+ " link up to %.0f m and %d s%n",
				r.distanceMetres(), r.timeGapSeconds(), r.maxUncertaintyMetres(), r.maxSpanSeconds(),
				r.maxLinkUncertaintyMetres(), r.maxLinkSpanSeconds());
		out.println("  data: events uniform over Syria's box, 2016-2019; 1-4 reports each from different sources,"
				+ " jittered within their precision; 10 % near-but-distinct sibling events (SyntheticIncidents)");
		out.println("  one thread; each size generated, then timed once after a warm-up run on 20,000 reports");
		out.flush();
		SyntheticIncidents.Generated warm = SyntheticIncidents.generate(20_000, this.seed - 1);
		for (int i = 0; i < 3; i++) {
			Clustering.cluster(warm.reports(), this.rules);
		}
		List<Run> runs = new ArrayList<>();
		for (int n : this.sizes) {
			long g0 = System.nanoTime();
			SyntheticIncidents.Generated data = SyntheticIncidents.generate(n, this.seed + n);
			double generating = (System.nanoTime() - g0) / 1e9;
			System.gc();
			long t0 = System.nanoTime();
			ClusteringResult result = Clustering.cluster(data.reports(), this.rules);
			double seconds = (System.nanoTime() - t0) / 1e9;
			Quality merged = quality(result.clusterOf(), data.eventOf(), data.events());
			Run run = new Run(n, data.events(), seconds, result.clusterCount(), result.candidateLinks().size(), merged);
			runs.add(run);
			double baseline = runs.get(0).perNLogN();
			out.printf(
					"  %,9d reports (%,d events, generated in %.1f s): %6.2f s, %,6.0f ns/report,"
							+ " time/(n log n) %.2f x the smallest; %,d clusters, %,d candidate links%n",
					n, data.events(), generating, seconds, run.nanosPerReport(), run.perNLogN() / baseline,
					run.clusters(), run.candidateLinks());
			out.printf("            merged: precision %.4f, recall %.4f (pairs: %,d merged, %,d true, %,d both)%n",
					merged.precision(), merged.recall(), merged.predictedPairs(), merged.truePairs(),
					merged.correctPairs());
			Quality mergeable = quality(mergeableOnly(data.reports(), result.clusterOf()),
					mergeableOnly(data.reports(), data.eventOf()), data.events());
			out.printf(
					"            recall among pairs of reports both precise enough to merge (%.1f %% of true pairs):"
							+ " %.4f%n",
					100.0 * mergeable.truePairs() / Math.max(1, merged.truePairs()), mergeable.recall());
			long sameEvent = result.candidateLinks()
				.stream()
				.filter(l -> data.eventOf()[l.a()] == data.eventOf()[l.b()])
				.count();
			long missed = merged.truePairs() - merged.correctPairs();
			out.printf(
					"            candidate links: %.4f join two reports of one event; they cover %.4f of the %,d true"
							+ " pairs the merge missed%n",
					result.candidateLinks().isEmpty() ? 1.0 : (double) sameEvent / result.candidateLinks().size(),
					missed == 0 ? 1.0 : (double) sameEvent / missed, missed);
			out.printf("            candidate link reasons: %s%n", reasons(result.candidateLinks()));
			out.flush();
		}
		if (!runs.isEmpty()) {
			Run last = runs.get(runs.size() - 1);
			Run first = runs.get(0);
			if (last.reports() >= 1_000_000) {
				out.printf("  goal: 1,000,000 reports in at most 60 s: %s (%.2f s for %,d)%n",
						last.seconds() <= 60 ? "met" : "missed", last.seconds(), last.reports());
			}
			out.printf(
					"  growth: %,d -> %,d reports (x%.1f) took x%.2f the time; n log n predicts x%.2f, n x%.1f,"
							+ " n^2 x%.0f%n",
					first.reports(), last.reports(), (double) last.reports() / first.reports(),
					last.seconds() / first.seconds(),
					last.reports() * log2(last.reports()) / (first.reports() * log2(first.reports())),
					(double) last.reports() / first.reports(), Math.pow((double) last.reports() / first.reports(), 2));
		}
		out.flush();
		return runs;
	}

	private static double log2(double x) {
		return Math.log(Math.max(2, x)) / Math.log(2);
	}

	private static String reasons(List<CandidateLink> links) {
		Map<LinkReason, Integer> counts = new EnumMap<>(LinkReason.class);
		for (CandidateLink link : links) {
			for (LinkReason r : link.reasons()) {
				counts.merge(r, 1, Integer::sum);
			}
		}
		return counts.isEmpty() ? "none" : counts.toString();
	}

	/**
	 * The labels of the reports precise enough to merge under the rules; the others get
	 * labels of their own (negative), so that they make no pairs.
	 */
	private int[] mergeableOnly(List<ClusterInput> reports, int[] labels) {
		int[] out = new int[labels.length];
		for (int i = 0; i < out.length; i++) {
			ClusterInput r = reports.get(i);
			boolean mergeable = r.uncertaintyMetres() <= this.rules.maxUncertaintyMetres()
					&& r.spanSeconds() <= this.rules.maxSpanSeconds();
			out[i] = mergeable ? labels[i] : -1 - i;
		}
		return out;
	}

	/**
	 * Pairwise quality of a clustering against the ground truth, by counting: the pairs
	 * in each cluster, in each event, and in each (cluster, event) cell.
	 */
	public static Quality quality(int[] clusterOf, int[] eventOf, int events) {
		int n = clusterOf.length;
		long[] keys = new long[n];
		for (int i = 0; i < n; i++) {
			keys[i] = (long) clusterOf[i] * events + eventOf[i];
		}
		Arrays.sort(keys);
		long correct = pairsInRuns(keys, k -> k);
		long predicted = pairsInRuns(keys, k -> k / events);
		long[] truth = new long[n];
		for (int i = 0; i < n; i++) {
			truth[i] = eventOf[i];
		}
		Arrays.sort(truth);
		return new Quality(predicted, pairsInRuns(truth, k -> k), correct);
	}

	private interface Key {

		long of(long value);

	}

	/** Pairs within runs of equal keys in a sorted array, keys taken by {@code key}. */
	private static long pairsInRuns(long[] sorted, Key key) {
		long pairs = 0;
		for (int from = 0; from < sorted.length;) {
			int to = from + 1;
			while (to < sorted.length && key.of(sorted[to]) == key.of(sorted[from])) {
				to++;
			}
			long run = to - from;
			pairs += run * (run - 1) / 2;
			from = to;
		}
		return pairs;
	}

}
