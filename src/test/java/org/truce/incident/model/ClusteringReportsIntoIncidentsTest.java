package org.truce.incident.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.truce.testing.SyntheticIncidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.incident.model.ReportFixture.airstrikeInAleppo;

/**
 * {@link Clustering#cluster}: transitive merging, the guard against chaining two
 * perpetrators (or targets) into one incident, candidate links, and determinism.
 */
class ClusteringReportsIntoIncidentsTest {

	private static final ClusteringRules RULES = ClusteringRules.defaults();

	@Test
	void nothingToClusterGivesNoClusters() {
		ClusteringResult result = Clustering.cluster(List.of(), RULES);

		assertThat(result.clusterCount()).isZero();
		assertThat(result.clusterOf()).isEmpty();
		assertThat(result.candidateLinks()).isEmpty();
	}

	@Test
	void reportsInALineMergeTransitivelyAndClustersAreNumberedByFirstReport() {
		// 5 km steps: each is near the next (6 km reach), the ends are 15 km apart
		List<ClusterInput> inputs = List.of(airstrikeInAleppo("far").north(40_000).input(),
				airstrikeInAleppo("a").input(), airstrikeInAleppo("b").north(5_000).input(),
				airstrikeInAleppo("c").north(10_000).input(), airstrikeInAleppo("d").north(15_000).input());

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		assertThat(result.clusterOf()).containsExactly(0, 1, 1, 1, 1);
		assertThat(result.clusterCount()).isEqualTo(2);
		assertThat(result.clusterSizes()).containsExactly(1, 4);
		assertThat(result.candidateLinks()).isEmpty();
	}

	@Test
	void anUnnamedReportJoinsTheNearerOfTwoIncidentsWithDifferentPerpetrators() {
		List<ClusterInput> inputs = List.of(airstrikeInAleppo("government").input(),
				airstrikeInAleppo("unnamed").by(null).north(1_000).input(),
				airstrikeInAleppo("russia").by("russia").north(3_000).input());

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		assertThat(result.clusterOf()).containsExactly(0, 0, 1);
		assertThat(result.candidateLinks()).extracting(CandidateLink::a, CandidateLink::b, CandidateLink::reasons)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, 2, List.of(LinkReason.DIFFERENT_PERPETRATORS)),
					org.assertj.core.groups.Tuple.tuple(1, 2, List.of(LinkReason.DIFFERENT_PERPETRATORS)));
	}

	@Test
	void aChainOfUnnamedReportsCannotJoinTwoPerpetrators() {
		// government ... russia are 15 km apart, never compared directly
		List<ClusterInput> inputs = List.of(airstrikeInAleppo("government").input(),
				airstrikeInAleppo("u1").by(null).north(5_000).input(),
				airstrikeInAleppo("u2").by(null).north(10_000).input(),
				airstrikeInAleppo("russia").by("russia").north(15_000).input());

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		assertThat(result.clusterOf()[0]).isNotEqualTo(result.clusterOf()[3]);
		assertThat(result.clusterCount()).isEqualTo(2);
		assertThat(result.candidateLinks()).hasSize(1)
			.allSatisfy(link -> assertThat(link.reasons()).containsExactly(LinkReason.DIFFERENT_PERPETRATORS))
			.allSatisfy(link -> assertThat(result.clusterOf()[link.a()]).isNotEqualTo(result.clusterOf()[link.b()]));
	}

	@Test
	void aChainOfReportsWithoutTargetCannotJoinTwoTargets() {
		List<ClusterInput> inputs = List.of(airstrikeInAleppo("civilians").against("civilians").input(),
				airstrikeInAleppo("u1").north(5_000).input(), airstrikeInAleppo("u2").north(10_000).input(),
				airstrikeInAleppo("fsa").against("fsa").north(15_000).input());

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		assertThat(result.clusterOf()[0]).isNotEqualTo(result.clusterOf()[3]);
		assertThat(result.candidateLinks()).singleElement()
			.satisfies(link -> assertThat(link.reasons()).containsExactly(LinkReason.DIFFERENT_TARGETS));
	}

	@Test
	void reportsThatAreOnlyCandidatesStayApartAndAreLinkedWithTheirReasons() {
		List<ClusterInput> inputs = List.of(airstrikeInAleppo("strike").input(),
				airstrikeInAleppo("protest").type("peaceful_protest").north(500).input(),
				airstrikeInAleppo("vague").uncertainty(20_000).north(10_000).input());

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		assertThat(result.clusterCount()).isEqualTo(3);
		assertThat(result.candidateLinks()).extracting(CandidateLink::a, CandidateLink::b, CandidateLink::reasons)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(0, 1, List.of(LinkReason.INCOMPATIBLE_TYPES)),
					org.assertj.core.groups.Tuple.tuple(0, 2, List.of(LinkReason.LOCATION_TOO_UNCERTAIN)),
					org.assertj.core.groups.Tuple.tuple(1, 2,
							List.of(LinkReason.INCOMPATIBLE_TYPES, LinkReason.LOCATION_TOO_UNCERTAIN)));
		assertThat(result.candidateLinks().get(0).distanceMetres()).isCloseTo(500,
				org.assertj.core.data.Offset.offset(1.0));
	}

	@Test
	void twoEventsOfOneSourceStayApartWithoutALink() {
		List<ClusterInput> inputs = List.of(airstrikeInAleppo("a").from("ucdp", "ucdp-1").input(),
				airstrikeInAleppo("b").from("ucdp", "ucdp-2").input(),
				airstrikeInAleppo("c").from("sohr", null).north(9_000).input());

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		assertThat(result.clusterOf()).containsExactly(0, 1, 2);
		assertThat(result.candidateLinks()).isEmpty();
	}

	@Test
	void theSameSyntheticReportsInAnotherOrderGiveTheSameIncidentsAndLinks() {
		List<ClusterInput> inputs = SyntheticIncidents.generate(5_000, 7).reports();
		List<ClusterInput> shuffled = new ArrayList<>(inputs);
		Collections.shuffle(shuffled, new Random(11));

		ClusteringResult first = Clustering.cluster(inputs, RULES);
		ClusteringResult second = Clustering.cluster(shuffled, RULES);

		assertThat(first.clusterCount()).isLessThan(inputs.size());
		assertThat(first.candidateLinks()).isNotEmpty();
		assertThat(incidents(shuffled, second)).isEqualTo(incidents(inputs, first));
		assertThat(links(shuffled, second)).isEqualTo(links(inputs, first));
		assertThat(Clustering.cluster(inputs, RULES).clusterOf()).containsExactly(first.clusterOf());
	}

	@Test
	void noIncidentOfSyntheticReportsNamesTwoPerpetratorsOrTwoTargets() {
		List<ClusterInput> inputs = SyntheticIncidents.generate(20_000, 3).reports();

		ClusteringResult result = Clustering.cluster(inputs, RULES);

		Map<Integer, String> actor = new HashMap<>();
		Map<Integer, String> target = new HashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			ClusterInput in = inputs.get(i);
			int c = result.clusterOf()[i];
			if (in.actorId() != null) {
				assertThat(actor.putIfAbsent(c, in.actorId())).isIn(null, in.actorId());
			}
			if (in.targetId() != null) {
				assertThat(target.putIfAbsent(c, in.targetId())).isIn(null, in.targetId());
			}
		}
		assertThat(result.candidateLinks()).allSatisfy(link -> {
			assertThat(link.a()).isLessThan(link.b());
			assertThat(result.clusterOf()[link.a()]).isNotEqualTo(result.clusterOf()[link.b()]);
		});
	}

	/** The incidents as sets of report ids. */
	static Set<Set<String>> incidents(List<ClusterInput> inputs, ClusteringResult result) {
		Map<Integer, Set<String>> byCluster = new HashMap<>();
		for (int i = 0; i < inputs.size(); i++) {
			byCluster.computeIfAbsent(result.clusterOf()[i], c -> new HashSet<>()).add(inputs.get(i).id());
		}
		assertThat(byCluster).hasSize(result.clusterCount());
		return new HashSet<>(byCluster.values());
	}

	/** The links as unordered id pairs with their reasons. */
	static Set<List<Object>> links(List<ClusterInput> inputs, ClusteringResult result) {
		Set<List<Object>> links = new HashSet<>();
		for (CandidateLink link : result.candidateLinks()) {
			links.add(List.of(Set.of(inputs.get(link.a()).id(), inputs.get(link.b()).id()), link.reasons()));
		}
		assertThat(links).hasSize(result.candidateLinks().size());
		return links;
	}

}
