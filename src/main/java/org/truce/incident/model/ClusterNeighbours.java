package org.truce.incident.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which stored reports clustering new ones must see. {@link Clustering} joins reports
 * only along "same event" pairs, and proposes links only between related pairs, so the
 * clusters of the new reports and their links are the same whether they are clustered
 * with every stored report or only with those that a chain of "same event" pairs joins to
 * a new one, plus the reports related to a new one: the rest are in clusters of their
 * own.
 */
public final class ClusterNeighbours {

	private ClusterNeighbours() {
	}

	/**
	 * The radius around a report within which every report that the rules may relate to
	 * it lies (the distance, its uncertainty, and the largest uncertainty of a report not
	 * too vague to relate), with a margin of 1% and 100 m for a store that measures on
	 * the spheroid rather than on the sphere as clustering does; negative for a report
	 * too vague to be related to any.
	 */
	public static double reachMetres(ClusterInput r, ClusteringRules rules) {
		if (r.uncertaintyMetres() > rules.maxLinkUncertaintyMetres()
				|| r.endEpochSecond() - r.startEpochSecond() > rules.maxLinkSpanSeconds()) {
			return -1;
		}
		return (rules.distanceMetres() + r.uncertaintyMetres() + rules.maxLinkUncertaintyMetres()) * 1.01 + 100;
	}

	/**
	 * The reports, other than the new ones, that clustering the new ones must see: those
	 * related to a new one, and, transitively, those joined by a "same event" pair to a
	 * report seen.
	 * @param fresh the new reports
	 * @param input a report as clustering compares it
	 * @param near for a report, stored reports among which are all that the rules relate
	 * to it (more is fine: each is compared)
	 * @param rules the rules of clustering
	 * @param <T> a report
	 */
	public static <T> List<T> connected(List<T> fresh, Function<T, ClusterInput> input, Function<T, List<T>> near,
			ClusteringRules rules) {
		// in the result (or new); and those whose own neighbours are sought
		Set<String> seen = new HashSet<>();
		Set<String> followed = new HashSet<>();
		Set<String> freshIds = new HashSet<>();
		for (T r : fresh) {
			String id = input.apply(r).id();
			seen.add(id);
			followed.add(id);
			freshIds.add(id);
		}
		ArrayDeque<T> pending = new ArrayDeque<>(fresh);
		List<T> out = new ArrayList<>();
		while (!pending.isEmpty()) {
			T r = pending.poll();
			ClusterInput ri = input.apply(r);
			for (T n : near.apply(r)) {
				ClusterInput ni = input.apply(n);
				if (followed.contains(ni.id())) {
					continue;
				}
				Comparison c = Clustering.compare(ri, ni, rules);
				if (c instanceof Comparison.Same) {
					// it may share r's cluster, and so may what is joined to it
					followed.add(ni.id());
					pending.add(n);
				}
				else if (!(c instanceof Comparison.Candidate && freshIds.contains(ri.id()))) {
					continue;
				}
				// a link of a new report, at least
				if (seen.add(ni.id())) {
					out.add(n);
				}
			}
		}
		return out;
	}

}
