package org.truce.adjudication.infrastructure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.truce.adjudication.application.Findings;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.StoredFinding;
import org.truce.testing.PostgresTest;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full run of adjudication ({@code truce adjudicate}, or one agreement loaded anew)
 * rewrites every finding of an agreement while the background adjudicator rewrites those
 * of the incidents that just changed. On PostgreSQL the two deadlocked ("deadlock
 * detected" on {@code DELETE FROM findings}), and one of them failed: the two writers of
 * one agreement's findings now take turns, on both stores.
 */
class FindingsAreRewrittenByOneWriterAtATimeTest {

	private static final String AGREEMENT = "a";

	private static final int INCIDENTS = 60;

	private static final int ROUNDS = 15;

	@Test
	void onSqlite() throws Exception {
		try (RunningTruce truce = RunningTruce.sqliteSlice(JdbcFindings.class)) {
			bothWritersFinish(truce.bean(Findings.class));
		}
	}

	@Test
	@PostgresTest
	void onPostgres() throws Exception {
		try (RunningTruce truce = RunningTruce.postgresSlice(JdbcFindings.class)) {
			bothWritersFinish(truce.bean(Findings.class));
		}
	}

	private static void bothWritersFinish(Findings findings) throws Exception {
		List<String> ids = IntStream.range(0, INCIDENTS).mapToObj(i -> "incident-%03d".formatted(i)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				CyclicBarrier start = new CyclicBarrier(2);
				Instant at = Instant.parse("2016-09-19T17:30:00Z").plusSeconds(round);
				// The full run writes the incidents in one order, the background in the
				// other, as they would find them.
				CompletableFuture<Void> all = CompletableFuture.runAsync(() -> {
					await(start);
					findings.replaceAgreement(AGREEMENT, ids.stream().map(id -> stored(id, at)).toList());
				}, pool);
				CompletableFuture<Void> some = CompletableFuture.runAsync(() -> {
					await(start);
					Map<String, List<StoredFinding>> byIncident = new LinkedHashMap<>();
					List<String> reversed = new ArrayList<>(ids);
					Collections.reverse(reversed);
					reversed.forEach(id -> byIncident.put(id, List.of(stored(id, at))));
					findings.replaceIncidents(AGREEMENT, byIncident);
				}, pool);
				all.get(60, TimeUnit.SECONDS);
				some.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (String id : ids) {
			assertThat(findings.find(new FindingQuery(AGREEMENT, null, null, null, null, id, null, null, null, 10))
				.findings()).as(id).hasSize(1);
		}
	}

	private static StoredFinding stored(String incidentId, Instant at) {
		var finding = new Finding.NoViolation(new Finding.Key(incidentId, AGREEMENT, 1, "a/t"), List.of());
		return new StoredFinding(finding, null, List.of(), List.of(), at, at, at);
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
