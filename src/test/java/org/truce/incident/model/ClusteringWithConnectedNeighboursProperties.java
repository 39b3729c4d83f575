package org.truce.incident.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.truce.shared.Geodesic;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * New reports clustered with only the stored reports connected to them
 * ({@link ClusterNeighbours#connected}, as the background clustering does when their time
 * window holds many reports) get the same clusters and links as clustered with every
 * stored report of the window (as it does when the window holds few). Small random inputs
 * crowded into 30 km and a day, with conflicting actors, so that chains, guards and links
 * are common.
 */
class ClusteringWithConnectedNeighboursProperties {

	private static final ClusteringRules RULES = ClusteringRules.defaults();

	@Property(tries = 300)
	void theNewReportsGetTheSameClustersAndLinksAsWithTheWholeWindow(@ForAll long seed,
			@ForAll @IntRange(min = 1, max = 15) int fresh, @ForAll @IntRange(min = 0, max = 40) int stored,
			@ForAll boolean spread) {
		Random random = new Random(seed);
		List<ClusterInput> all = ClusteringProperties.reports(random, fresh + stored, true);
		if (spread) {
			// some far apart, so that the spatial reach matters
			all.replaceAll(r -> random.nextBoolean() ? r : moved(r, random.nextDouble() * 0.5));
		}
		List<ClusterInput> newOnes = all.subList(0, fresh);
		List<ClusterInput> window = all.subList(fresh, all.size());
		Function<ClusterInput, List<ClusterInput>> near = r -> withinReach(r, window);

		List<ClusterInput> connected = ClusterNeighbours.connected(newOnes, Function.identity(), near, RULES);

		assertThat(window).containsAll(connected);
		List<ClusterInput> some = new ArrayList<>(newOnes);
		some.addAll(connected);
		assertThat(clustersAndLinksOfTheNew(some, fresh)).isEqualTo(clustersAndLinksOfTheNew(all, fresh));
	}

	/** The reports of the window that the spatial index would return for r. */
	private static List<ClusterInput> withinReach(ClusterInput r, List<ClusterInput> window) {
		double reach = ClusterNeighbours.reachMetres(r, RULES);
		List<ClusterInput> out = new ArrayList<>();
		for (ClusterInput n : window) {
			if (reach >= 0 && Geodesic.distanceMetres(r.latitude(), r.longitude(), n.latitude(), n.longitude()) <= reach
					&& n.endEpochSecond() >= r.startEpochSecond() - RULES.timeGapSeconds()
					&& n.startEpochSecond() <= r.endEpochSecond() + RULES.timeGapSeconds()) {
				out.add(n);
			}
		}
		return out;
	}

	/**
	 * For each of the first {@code fresh} inputs, the ids of its cluster; and every link
	 * that names one of them, with its reasons.
	 */
	private static List<Object> clustersAndLinksOfTheNew(List<ClusterInput> inputs, int fresh) {
		ClusteringResult result = Clustering.cluster(inputs, RULES);
		Map<Integer, Set<String>> members = new HashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			members.computeIfAbsent(result.clusterOf()[i], k -> new TreeSet<>()).add(inputs.get(i).id());
		}
		List<Set<String>> clusters = new ArrayList<>();
		for (int i = 0; i < fresh; i++) {
			clusters.add(members.get(result.clusterOf()[i]));
		}
		Set<String> links = new TreeSet<>();
		for (CandidateLink link : result.candidateLinks()) {
			if (link.a() < fresh || link.b() < fresh) {
				String a = inputs.get(link.a()).id();
				String b = inputs.get(link.b()).id();
				links.add((a.compareTo(b) < 0 ? a + "-" + b : b + "-" + a) + link.reasons());
			}
		}
		return List.of(clusters, links);
	}

	private static ClusterInput moved(ClusterInput r, double degrees) {
		return new ClusterInput(r.id(), r.latitude() + degrees, r.longitude() + degrees, r.uncertaintyMetres(),
				r.startEpochSecond(), r.endEpochSecond(), r.eventType(), r.actorId(), r.targetId(), r.sourceId(),
				r.externalId());
	}

}
