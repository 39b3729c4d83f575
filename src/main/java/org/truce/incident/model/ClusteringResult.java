package org.truce.incident.model;

import java.util.List;

/**
 * What {@link Clustering#cluster} found. The array is not copied: do not change it.
 *
 * @param clusterOf for each input index, its cluster number, from 0 to
 * {@code clusterCount - 1}; clusters are numbered in the order of their first report in
 * the input
 * @param clusterCount how many clusters (incidents)
 * @param candidateLinks pairs of reports in different clusters that an analyst should
 * look at, ordered by {@code a} then {@code b}
 */
public record ClusteringResult(int[] clusterOf, int clusterCount, List<CandidateLink> candidateLinks) {

	public ClusteringResult {
		candidateLinks = List.copyOf(candidateLinks);
	}

	/** How many reports each cluster holds, indexed by cluster number. */
	public int[] clusterSizes() {
		int[] sizes = new int[this.clusterCount];
		for (int c : this.clusterOf) {
			sizes[c]++;
		}
		return sizes;
	}

}
