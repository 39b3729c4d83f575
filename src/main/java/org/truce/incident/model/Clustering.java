package org.truce.incident.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.truce.shared.Geodesic;

/**
 * Merges reports that describe the same event into clusters (incidents), and proposes to
 * an analyst the pairs it must not merge on its own. Pure and stateless; thread-safe.
 *
 * <h2>The rules</h2>
 * <ol>
 * <li><b>Near in space</b>: the great-circle (haversine, mean Earth radius) distance
 * between the two points is at most {@link ClusteringRules#distanceMetres} plus the
 * uncertainty radius of each report. A vague location therefore reaches further.</li>
 * <li><b>Near in time</b>: the two intervals overlap, or the gap between them is at most
 * {@link ClusteringRules#timeGapSeconds}.</li>
 * <li><b>One source does not repeat itself</b>: two reports from the same source that
 * both carry the source's own id, and the ids differ (two UCDP events, say), are
 * unrelated whatever else holds.</li>
 * <li><b>Too vague to link</b>: a report whose uncertainty radius exceeds
 * {@link ClusteringRules#maxLinkUncertaintyMetres} or whose interval is longer than
 * {@link ClusteringRules#maxLinkSpanSeconds} is unrelated to every other; an analyst
 * attaches it by hand.</li>
 * <li><b>Same event</b> ({@link Comparison.Same}): near in space and time, and all of:
 * both uncertainty radii at most {@link ClusteringRules#maxUncertaintyMetres}; both
 * intervals at most {@link ClusteringRules#maxSpanSeconds} long; compatible event types
 * (equal, or of one {@link TypeGroup}); compatible perpetrators (equal, or at least one
 * not named); compatible targets (likewise).</li>
 * <li><b>Candidate link</b> ({@link Comparison.Candidate}): near in space and time, but
 * one or more of the conditions of rule 5 fails; each failure is a {@link LinkReason}.
 * Such reports are never merged automatically.</li>
 * <li><b>Clusters</b> are what "same event" pairs join, transitively, with one guard: a
 * join that would put two different named perpetrators, or two different named targets,
 * into one cluster is refused, and the pair becomes a candidate link
 * ({@link LinkReason#DIFFERENT_PERPETRATORS} or {@link LinkReason#DIFFERENT_TARGETS})
 * instead. No chain of reports that name nobody can join two incidents that name
 * different perpetrators. Pairs are joined closest first (distance relative to its reach
 * plus gap relative to the allowed gap), so an unnamed report joins the nearer of two
 * conflicting incidents.</li>
 * </ol>
 *
 * <p>
 * The result does not depend on the order of the input list when report ids are unique:
 * reports are processed in order of start time, then id.
 *
 * <p>
 * Cost: O(n log n) for the sort plus a sweep in time order that keeps the reports still
 * within reach in a spatial grid; each report is compared only with those in nearby cells
 * and within the time gap. Memory is linear in the reports and the pairs found.
 */
public final class Clustering {

	private static final int LOCATION_TOO_UNCERTAIN = bit(LinkReason.LOCATION_TOO_UNCERTAIN);

	private static final int TIME_TOO_UNCERTAIN = bit(LinkReason.TIME_TOO_UNCERTAIN);

	private static final int INCOMPATIBLE_TYPES = bit(LinkReason.INCOMPATIBLE_TYPES);

	private static final int DIFFERENT_PERPETRATORS = bit(LinkReason.DIFFERENT_PERPETRATORS);

	private static final int DIFFERENT_TARGETS = bit(LinkReason.DIFFERENT_TARGETS);

	/** The reasons for each bit mask, shared by every link. */
	private static final List<List<LinkReason>> REASONS = reasonLists();

	/** Metres in a degree of latitude, at least (WGS84, at the equator). */
	private static final double METRES_PER_LAT_DEGREE = 110_574.0;

	private Clustering() {
	}

	/** How two reports relate under the rules; see the class comment. */
	public static Comparison compare(ClusterInput a, ClusterInput b, ClusteringRules rules) {
		Objects.requireNonNull(a, "a");
		Objects.requireNonNull(b, "b");
		Prepared p = new Prepared(List.of(a, b), Objects.requireNonNull(rules, "rules"));
		int mask = p.relate(0, 1);
		if (mask < 0) {
			return new Comparison.Unrelated();
		}
		if (mask == 0) {
			return new Comparison.Same(p.distance, p.gap);
		}
		return new Comparison.Candidate(REASONS.get(mask), p.distance, p.gap);
	}

	/** Clusters the reports under the rules; see the class comment. */
	public static ClusteringResult cluster(List<ClusterInput> inputs, ClusteringRules rules) {
		Objects.requireNonNull(rules, "rules");
		int n = inputs.size();
		Prepared p = new Prepared(inputs, rules);
		int[] order = canonicalOrder(inputs, p.start);
		Pairs same = new Pairs();
		Pairs candidates = new Pairs();
		sweep(p, order, same, candidates);
		int[] clusterOf = new int[n];
		int clusterCount = join(p, same, candidates, clusterOf);
		return new ClusteringResult(clusterOf, clusterCount, links(candidates, n));
	}

	// ---- the sweep

	private static void sweep(Prepared p, int[] order, Pairs same, Pairs candidates) {
		ClusteringRules rules = p.rules;
		double[] classMax = { rules.maxUncertaintyMetres(), rules.maxLinkUncertaintyMetres() };
		CellGrid[] grids = { new CellGrid(cellMetres(rules, classMax[0])),
				new CellGrid(cellMetres(rules, classMax[1])) };
		long gapAllowed = rules.timeGapSeconds();
		for (int j : order) {
			if (p.vague[j]) {
				continue;
			}
			long startJ = p.start[j];
			for (int c = 0; c < grids.length; c++) {
				CellGrid grid = grids[c];
				if (grid.isEmpty()) {
					continue;
				}
				double radius = rules.distanceMetres() + p.uncertainty[j] + classMax[c];
				double[] box = Geodesic.boundingBox(p.lat[j], p.lon[j], radius);
				int r0 = grid.rowOf(box[1]);
				int r1 = grid.rowOf(box[3]);
				int c0 = grid.colOf(box[0]);
				int c1 = grid.colOf(box[2]);
				for (int row = r0; row <= r1; row++) {
					for (int col = c0; col <= c1; col++) {
						int cell = grid.find(row, col);
						if (cell < 0) {
							continue;
						}
						int[] entries = grid.entries[cell];
						int size = grid.sizes[cell];
						for (int x = 0; x < size;) {
							int i = entries[x];
							if (startJ - p.end[i] > gapAllowed) {
								// out of reach of this and every later report
								entries[x] = entries[--size];
								continue;
							}
							x++;
							int mask = p.relate(i, j);
							if (mask == 0) {
								same.add(i, j, 0, p.distance, p.gap, p.score());
							}
							else if (mask > 0) {
								candidates.add(i, j, mask, p.distance, p.gap, 0);
							}
						}
						grid.sizes[cell] = size;
					}
				}
			}
			grids[p.uncertainty[j] <= classMax[0] ? 0 : 1].add(p.lat[j], p.lon[j], j);
		}
	}

	private static double cellMetres(ClusteringRules rules, double maxUncertainty) {
		return Math.max(1_000, rules.distanceMetres() + 2 * maxUncertainty);
	}

	// ---- joining

	/** Union-find over the "same" pairs, closest first, with the guard of rule 7. */
	private static int join(Prepared p, Pairs same, Pairs candidates, int[] clusterOf) {
		int n = clusterOf.length;
		long[] keys = new long[same.size];
		for (int q = 0; q < same.size; q++) {
			keys[q] = ((long) Float.floatToIntBits(same.score[q]) << 32) | q;
		}
		Arrays.sort(keys);
		int[] parent = new int[n];
		int[] size = new int[n];
		for (int i = 0; i < n; i++) {
			parent[i] = i;
			size[i] = 1;
		}
		int[] actor = p.actor.clone();
		int[] target = p.target.clone();
		for (long key : keys) {
			int q = (int) key;
			int a = same.a[q];
			int b = same.b[q];
			int ra = find(parent, a);
			int rb = find(parent, b);
			if (ra == rb) {
				continue;
			}
			int mask = 0;
			if (actor[ra] >= 0 && actor[rb] >= 0 && actor[ra] != actor[rb]) {
				mask |= DIFFERENT_PERPETRATORS;
			}
			if (target[ra] >= 0 && target[rb] >= 0 && target[ra] != target[rb]) {
				mask |= DIFFERENT_TARGETS;
			}
			if (mask != 0) {
				candidates.add(a, b, mask, same.distance[q], same.gap[q], 0);
				continue;
			}
			int root = size[ra] > size[rb] || (size[ra] == size[rb] && ra < rb) ? ra : rb;
			int child = root == ra ? rb : ra;
			parent[child] = root;
			size[root] += size[child];
			actor[root] = actor[root] >= 0 ? actor[root] : actor[child];
			target[root] = target[root] >= 0 ? target[root] : target[child];
		}
		int[] label = new int[n];
		Arrays.fill(label, -1);
		int count = 0;
		for (int i = 0; i < n; i++) {
			int root = find(parent, i);
			if (label[root] < 0) {
				label[root] = count++;
			}
			clusterOf[i] = label[root];
		}
		return count;
	}

	private static int find(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** The candidate pairs as links, ordered by a then b (a bucket sort on a). */
	private static List<CandidateLink> links(Pairs candidates, int n) {
		int[] start = new int[n + 1];
		for (int q = 0; q < candidates.size; q++) {
			start[Math.min(candidates.a[q], candidates.b[q]) + 1]++;
		}
		for (int i = 0; i < n; i++) {
			start[i + 1] += start[i];
		}
		int[] placed = new int[candidates.size];
		int[] next = Arrays.copyOf(start, n);
		for (int q = 0; q < candidates.size; q++) {
			placed[next[Math.min(candidates.a[q], candidates.b[q])]++] = q;
		}
		List<CandidateLink> links = new ArrayList<>(candidates.size);
		for (int i = 0; i < n; i++) {
			int from = start[i];
			int to = start[i + 1];
			// insertion sort on b: few links per report
			for (int x = from + 1; x < to; x++) {
				int q = placed[x];
				int b = Math.max(candidates.a[q], candidates.b[q]);
				int y = x - 1;
				while (y >= from && Math.max(candidates.a[placed[y]], candidates.b[placed[y]]) > b) {
					placed[y + 1] = placed[y];
					y--;
				}
				placed[y + 1] = q;
			}
			for (int x = from; x < to; x++) {
				int q = placed[x];
				links.add(new CandidateLink(i, Math.max(candidates.a[q], candidates.b[q]),
						REASONS.get(candidates.mask[q]), candidates.distance[q], candidates.gap[q]));
			}
		}
		return links;
	}

	// ---- order

	/** Input indices by start time, then id, then input index. */
	static int[] canonicalOrder(List<ClusterInput> inputs, long[] start) {
		int n = start.length;
		int[] order = new int[n];
		if (n == 0) {
			return order;
		}
		long min = Long.MAX_VALUE;
		long max = Long.MIN_VALUE;
		for (long s : start) {
			min = Math.min(min, s);
			max = Math.max(max, s);
		}
		if (max - min <= Long.MAX_VALUE / n - 1) {
			long[] keys = new long[n];
			for (int i = 0; i < n; i++) {
				keys[i] = (start[i] - min) * n + i;
			}
			Arrays.sort(keys);
			for (int k = 0; k < n; k++) {
				order[k] = (int) (keys[k] % n);
			}
		}
		else {
			Integer[] boxed = new Integer[n];
			for (int i = 0; i < n; i++) {
				boxed[i] = i;
			}
			Arrays.sort(boxed, Comparator.comparingLong((Integer i) -> start[i]).thenComparingInt(i -> i));
			for (int k = 0; k < n; k++) {
				order[k] = boxed[k];
			}
		}
		Comparator<Integer> byId = Comparator.comparing((Integer i) -> inputs.get(i).id())
			.thenComparingInt(Integer::intValue);
		for (int from = 0; from < n;) {
			int to = from + 1;
			while (to < n && start[order[to]] == start[order[from]]) {
				to++;
			}
			if (to - from > 1) {
				List<Integer> run = new ArrayList<>(to - from);
				for (int k = from; k < to; k++) {
					run.add(order[k]);
				}
				run.sort(byId);
				for (int k = from; k < to; k++) {
					order[k] = run.get(k - from);
				}
			}
			from = to;
		}
		return order;
	}

	// ---- helpers

	private static int bit(LinkReason reason) {
		return 1 << reason.ordinal();
	}

	private static List<List<LinkReason>> reasonLists() {
		LinkReason[] all = LinkReason.values();
		List<List<LinkReason>> lists = new ArrayList<>(1 << all.length);
		for (int mask = 0; mask < 1 << all.length; mask++) {
			EnumSet<LinkReason> set = EnumSet.noneOf(LinkReason.class);
			for (LinkReason r : all) {
				if ((mask & (1 << r.ordinal())) != 0) {
					set.add(r);
				}
			}
			lists.add(List.copyOf(set));
		}
		return Collections.unmodifiableList(lists);
	}

	/**
	 * The inputs as arrays, with ids, types, sources and external ids interned as ints
	 * (-1 for null). {@link #relate} holds the rules for one pair; both
	 * {@link Clustering#compare} and the sweep use it.
	 */
	private static final class Prepared {

		final ClusteringRules rules;

		final double[] lat;

		final double[] lon;

		final double[] cosLat;

		final double[] uncertainty;

		final long[] start;

		final long[] end;

		final int[] group;

		final int[] actor;

		final int[] target;

		final int[] source;

		final int[] external;

		/** LOCATION_TOO_UNCERTAIN and TIME_TOO_UNCERTAIN, per report. */
		final int[] own;

		final boolean[] vague;

		/** Of the last pair that {@link #relate} found near. */
		double distance;

		long gap;

		double reach;

		Prepared(List<ClusterInput> inputs, ClusteringRules rules) {
			this.rules = rules;
			int n = inputs.size();
			this.lat = new double[n];
			this.lon = new double[n];
			this.cosLat = new double[n];
			this.uncertainty = new double[n];
			this.start = new long[n];
			this.end = new long[n];
			this.group = new int[n];
			this.actor = new int[n];
			this.target = new int[n];
			this.source = new int[n];
			this.external = new int[n];
			this.own = new int[n];
			this.vague = new boolean[n];
			Map<String, Integer> groups = new HashMap<>();
			Map<String, Integer> groupOfCode = new HashMap<>();
			Map<String, Integer> actors = new HashMap<>();
			Map<String, Integer> sources = new HashMap<>();
			Map<String, Integer> externals = new HashMap<>();
			int i = 0;
			for (ClusterInput in : inputs) {
				this.lat[i] = in.latitude();
				this.lon[i] = in.longitude();
				this.cosLat[i] = Math.cos(Math.toRadians(in.latitude()));
				this.uncertainty[i] = in.uncertaintyMetres();
				this.start[i] = in.startEpochSecond();
				this.end[i] = in.endEpochSecond();
				this.group[i] = groupOfCode.computeIfAbsent(in.eventType(),
						code -> intern(groups, TypeGroup.ofCode(code).map(g -> "group " + g).orElse("code " + code)));
				this.actor[i] = intern(actors, in.actorId());
				this.target[i] = intern(actors, in.targetId());
				this.source[i] = intern(sources, in.sourceId());
				this.external[i] = intern(externals, in.externalId());
				long span = in.spanSeconds();
				this.own[i] = (in.uncertaintyMetres() > rules.maxUncertaintyMetres() ? LOCATION_TOO_UNCERTAIN : 0)
						| (span > rules.maxSpanSeconds() ? TIME_TOO_UNCERTAIN : 0);
				this.vague[i] = in.uncertaintyMetres() > rules.maxLinkUncertaintyMetres()
						|| span > rules.maxLinkSpanSeconds();
				i++;
			}
		}

		private static int intern(Map<String, Integer> table, String value) {
			if (value == null) {
				return -1;
			}
			Integer known = table.get(value);
			if (known != null) {
				return known;
			}
			int id = table.size();
			table.put(value, id);
			return id;
		}

		/**
		 * -1 when unrelated; 0 when the same event; otherwise the bits of the reasons for
		 * a candidate link. Sets {@link #distance}, {@link #gap} and {@link #reach}
		 * unless unrelated.
		 */
		int relate(int i, int j) {
			if (this.vague[i] || this.vague[j]) {
				return -1;
			}
			if (this.source[i] >= 0 && this.source[i] == this.source[j] && this.external[i] >= 0
					&& this.external[j] >= 0 && this.external[i] != this.external[j]) {
				return -1;
			}
			long g = Math.max(0, Math.max(this.start[i], this.start[j]) - Math.min(this.end[i], this.end[j]));
			if (g > this.rules.timeGapSeconds()) {
				return -1;
			}
			double r = this.rules.distanceMetres() + this.uncertainty[i] + this.uncertainty[j];
			if (Math.abs(this.lat[i] - this.lat[j]) * METRES_PER_LAT_DEGREE > r * 1.01 + 1) {
				return -1;
			}
			double d = haversine(i, j);
			if (!(d <= r)) {
				return -1;
			}
			int mask = this.own[i] | this.own[j];
			if (this.group[i] != this.group[j]) {
				mask |= INCOMPATIBLE_TYPES;
			}
			if (this.actor[i] >= 0 && this.actor[j] >= 0 && this.actor[i] != this.actor[j]) {
				mask |= DIFFERENT_PERPETRATORS;
			}
			if (this.target[i] >= 0 && this.target[j] >= 0 && this.target[i] != this.target[j]) {
				mask |= DIFFERENT_TARGETS;
			}
			this.distance = d;
			this.gap = g;
			this.reach = r;
			return mask;
		}

		/** Smaller is closer: distance over reach plus gap over the allowed gap. */
		float score() {
			return (float) (this.distance / Math.max(1, this.reach)
					+ (double) this.gap / Math.max(1, this.rules.timeGapSeconds()));
		}

		/** Haversine on the mean Earth radius, metres; symmetric in i and j. */
		private double haversine(int i, int j) {
			double dLat = Math.toRadians(this.lat[j] - this.lat[i]);
			double dLon = Math.toRadians(this.lon[j] - this.lon[i]);
			double sLat = Math.sin(dLat / 2);
			double sLon = Math.sin(dLon / 2);
			double h = sLat * sLat + this.cosLat[i] * this.cosLat[j] * sLon * sLon;
			return 2 * Geodesic.MEAN_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
		}

	}

	/** A growable list of pairs with their mask, distance, gap and score. */
	private static final class Pairs {

		int size;

		int[] a = new int[1024];

		int[] b = new int[1024];

		int[] mask = new int[1024];

		double[] distance = new double[1024];

		long[] gap = new long[1024];

		float[] score = new float[1024];

		void add(int i, int j, int m, double d, long g, float s) {
			if (this.size == this.a.length) {
				int grown = this.size * 2;
				this.a = Arrays.copyOf(this.a, grown);
				this.b = Arrays.copyOf(this.b, grown);
				this.mask = Arrays.copyOf(this.mask, grown);
				this.distance = Arrays.copyOf(this.distance, grown);
				this.gap = Arrays.copyOf(this.gap, grown);
				this.score = Arrays.copyOf(this.score, grown);
			}
			this.a[this.size] = i;
			this.b[this.size] = j;
			this.mask[this.size] = m;
			this.distance[this.size] = d;
			this.gap[this.size] = g;
			this.score[this.size] = s;
			this.size++;
		}

	}

	/**
	 * Square cells of a fixed size in degrees of latitude and longitude, keyed by row and
	 * column, each holding report indices. Cells are found by open addressing on a long
	 * key; they are never removed (entries are, by the sweep).
	 */
	private static final class CellGrid {

		final double cellDegrees;

		final int columns;

		int[][] entries = new int[64][];

		int[] sizes = new int[64];

		private int cells;

		private long[] keys = new long[128];

		private int[] slots = new int[128];

		private int count;

		CellGrid(double cellMetres) {
			this.cellDegrees = cellMetres / METRES_PER_LAT_DEGREE;
			this.columns = (int) Math.ceil(360 / this.cellDegrees);
			Arrays.fill(this.slots, -1);
		}

		boolean isEmpty() {
			return this.count == 0;
		}

		int rowOf(double lat) {
			return (int) Math.floor((lat + 90) / this.cellDegrees);
		}

		int colOf(double lon) {
			return Math.min(this.columns - 1, (int) Math.floor((lon + 180) / this.cellDegrees));
		}

		int find(int row, int col) {
			long key = (long) row * this.columns + col;
			int mask = this.keys.length - 1;
			for (int s = hash(key) & mask;; s = (s + 1) & mask) {
				if (this.slots[s] < 0) {
					return -1;
				}
				if (this.keys[s] == key) {
					return this.slots[s];
				}
			}
		}

		void add(double lat, double lon, int index) {
			long key = (long) rowOf(lat) * this.columns + colOf(lon);
			int mask = this.keys.length - 1;
			int s = hash(key) & mask;
			while (this.slots[s] >= 0 && this.keys[s] != key) {
				s = (s + 1) & mask;
			}
			int cell = this.slots[s];
			if (cell < 0) {
				cell = newCell();
				this.keys[s] = key;
				this.slots[s] = cell;
				if (this.cells * 2 > this.keys.length) {
					rehash();
				}
			}
			int size = this.sizes[cell];
			if (size == this.entries[cell].length) {
				this.entries[cell] = Arrays.copyOf(this.entries[cell], size * 2);
			}
			this.entries[cell][size] = index;
			this.sizes[cell] = size + 1;
			this.count++;
		}

		private int newCell() {
			if (this.cells == this.entries.length) {
				this.entries = Arrays.copyOf(this.entries, this.cells * 2);
				this.sizes = Arrays.copyOf(this.sizes, this.cells * 2);
			}
			this.entries[this.cells] = new int[8];
			return this.cells++;
		}

		private void rehash() {
			long[] oldKeys = this.keys;
			int[] oldSlots = this.slots;
			this.keys = new long[oldKeys.length * 2];
			this.slots = new int[oldKeys.length * 2];
			Arrays.fill(this.slots, -1);
			int mask = this.keys.length - 1;
			for (int s = 0; s < oldKeys.length; s++) {
				if (oldSlots[s] >= 0) {
					int t = hash(oldKeys[s]) & mask;
					while (this.slots[t] >= 0) {
						t = (t + 1) & mask;
					}
					this.keys[t] = oldKeys[s];
					this.slots[t] = oldSlots[s];
				}
			}
		}

		private static int hash(long key) {
			long h = key * 0x9E3779B97F4A7C15L;
			return (int) (h ^ (h >>> 32));
		}

	}

}
