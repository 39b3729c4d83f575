package org.truce.incident.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optimised sweep checked against a plain reference: every pair compared with
 * {@link Clustering#compare}, "same" pairs joined transitively. Small random inputs
 * crowded into 30 km and a day, so that most pairs are near and every rule is met.
 */
class ClusteringProperties {

	private static final ClusteringRules RULES = ClusteringRules.defaults();

	private static final String[] TYPES = { "air_drone_strike", "shelling_artillery_missile_attack", "armed_clash",
			"secret_code" };

	private static final double[] UNCERTAINTY = { 100, 2_000, 2_000, 8_000, 20_000, 60_000 };

	private static final long[] SPAN = { 0, 0, 3_600, 86_399, 3 * 86_400, 10 * 86_400 };

	@Property(tries = 300)
	void withoutConflictsClustersAreTheTransitiveClosureOfSamePairs(@ForAll long seed,
			@ForAll @IntRange(min = 0, max = 40) int n) {
		List<ClusterInput> inputs = reports(new Random(seed), n, false);

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		int[] parent = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
		}
		Set<List<Object>> candidates = new HashSet<>();
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				Comparison c = Clustering.compare(inputs.get(i), inputs.get(j), RULES);
				if (c instanceof Comparison.Same) {
					parent[find(parent, i)] = find(parent, j);
				}
				else if (c instanceof Comparison.Candidate candidate) {
					candidates.add(List.of(i, j, candidate.reasons()));
				}
			}
		}
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				assertThat(result.clusterOf()[i] == result.clusterOf()[j]).as("reports %d and %d", i, j)
					.isEqualTo(find(parent, i) == find(parent, j));
			}
		}
		Set<List<Object>> links = new HashSet<>();
		for (CandidateLink link : result.candidateLinks()) {
			links.add(List.of(link.a(), link.b(), link.reasons()));
		}
		assertThat(links).isEqualTo(candidates);
	}

	@SlowTest
	@Property(tries = 300)
	void withConflictsNoIncidentNamesTwoPerpetratorsAndEverySamePairIsJoinedOrLinked(@ForAll long seed,
			@ForAll @IntRange(min = 0, max = 40) int n) {
		List<ClusterInput> inputs = reports(new Random(seed), n, true);

		ClusteringResult result = Clustering.cluster(inputs, RULES);
		int[] clusterOf = result.clusterOf();

		String[] actor = new String[result.clusterCount()];
		String[] target = new String[result.clusterCount()];
		for (int i = 0; i < n; i++) {
			ClusterInput in = inputs.get(i);
			assertThat(actor[clusterOf[i]] == null || in.actorId() == null || actor[clusterOf[i]].equals(in.actorId()))
				.isTrue();
			assertThat(
					target[clusterOf[i]] == null || in.targetId() == null || target[clusterOf[i]].equals(in.targetId()))
				.isTrue();
			actor[clusterOf[i]] = in.actorId() != null ? in.actorId() : actor[clusterOf[i]];
			target[clusterOf[i]] = in.targetId() != null ? in.targetId() : target[clusterOf[i]];
		}
		Set<List<Integer>> linked = new HashSet<>();
		for (CandidateLink link : result.candidateLinks()) {
			linked.add(List.of(link.a(), link.b()));
			assertThat(clusterOf[link.a()]).isNotEqualTo(clusterOf[link.b()]);
		}
		for (int i = 0; i < n; i++) {
			for (int j = i + 1; j < n; j++) {
				Comparison c = Clustering.compare(inputs.get(i), inputs.get(j), RULES);
				if (c instanceof Comparison.Same) {
					assertThat(clusterOf[i] == clusterOf[j] || linked.contains(List.of(i, j))).isTrue();
				}
				else if (c instanceof Comparison.Candidate) {
					assertThat(linked).contains(List.of(i, j));
				}
				else {
					assertThat(linked).doesNotContain(List.of(i, j));
				}
			}
		}
	}

	@Property(tries = 200)
	void theOrderOfTheInputDoesNotChangeTheIncidents(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int n) {
		Random random = new Random(seed);
		List<ClusterInput> inputs = reports(random, n, true);
		List<ClusterInput> shuffled = new ArrayList<>(inputs);
		Collections.shuffle(shuffled, random);

		assertThat(ClusteringReportsIntoIncidentsTest.incidents(shuffled, Clustering.cluster(shuffled, RULES)))
			.isEqualTo(ClusteringReportsIntoIncidentsTest.incidents(inputs, Clustering.cluster(inputs, RULES)));
	}

	static List<ClusterInput> reports(Random random, int n, boolean conflicts) {
		List<ClusterInput> inputs = new ArrayList<>(n);
		String[] actors = conflicts ? new String[] { null, "government", "russia" } : new String[] { null, "hts" };
		String[] targets = conflicts ? new String[] { null, "civilians", "fsa" } : new String[] { null, "civilians" };
		for (int i = 0; i < n; i++) {
			long start = ReportFixture.TEN_AM + random.nextInt(86_400);
			String source = random.nextInt(4) == 0 ? "ucdp" : "sohr";
			String external = source.equals("ucdp") ? "ucdp-" + random.nextInt(3) : null;
			inputs.add(new ClusterInput("r" + i, ReportFixture.ALEPPO_LAT + random.nextDouble() * 0.27,
					ReportFixture.ALEPPO_LON + random.nextDouble() * 0.33,
					UNCERTAINTY[random.nextInt(UNCERTAINTY.length)], start, start + SPAN[random.nextInt(SPAN.length)],
					TYPES[random.nextInt(TYPES.length)], actors[random.nextInt(actors.length)],
					targets[random.nextInt(targets.length)], source, external));
		}
		return inputs;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			i = parent[i];
		}
		return i;
	}

}
