package org.truce.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinJson;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.cli.Spring;
import org.truce.cli.StoreOptions;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ImportProgress;
import org.truce.scenario.application.LoadingScenario;
import org.truce.scenario.application.Scenario;

/**
 * A month's bulletin over the whole demo record (issue 17, part 5): the Syria 2016
 * scenario is loaded into a fresh SQLite store as {@code truce demo} loads it (not timed),
 * then the bulletin of March 2016 under the cessation of hostilities is computed and
 * serialised to {@code bulletin.json} {@code runs} times for staff (the whole record) and
 * as many for the public, each after one unmeasured run. The goal is under 2 s.
 */
final class BulletinBenchmark {

	static final String AGREEMENT = "syria-coh-2016-02";

	static final BulletinQuery MONTH = new BulletinQuery(AGREEMENT, LocalDate.parse("2016-03-01"),
			LocalDate.parse("2016-03-31"));

	static final double GOAL_MS = 2000;

	private final int runs;

	BulletinBenchmark(int runs) {
		this.runs = Math.max(1, runs);
	}

	void run(PrintWriter out, Path dir) {
		out.printf("%n== bulletin%n");
		out.flush();
		long t0 = System.nanoTime();
		try (ConfigurableApplicationContext context = Spring.offline(StoreOptions.of(dir, null),
				Map.of("logging.level.root", "error", "truce.scenario", Scenario.DEMO))) {
			Scenario scenario = context.getBean(Scenario.class);
			context.getBean(LoadingScenario.class).load(scenario, ImportProgress.NONE);
			out.printf("  demo record loaded in %.1f s (not counted)%n", (System.nanoTime() - t0) / 1e9);
			ComputingBulletin bulletins = context.getBean(ComputingBulletin.class);
			for (Viewer reader : new Viewer[] { new Viewer(Viewer.Reach.FULL, Set.of(), "bench"), Viewer.PUBLIC }) {
				Bulletin first = bulletins.compute(MONTH, reader);
				Samples samples = new Samples();
				int bytes = 0;
				for (int i = 0; i < this.runs; i++) {
					long start = System.nanoTime();
					String json = BulletinJson.canonical(bulletins.compute(MONTH, reader));
					samples.add(System.nanoTime() - start);
					bytes = json.length();
				}
				Samples.Summary s = samples.summary();
				String who = ComputingBulletin.readerName(reader);
				out.printf("  %s's bulletin of %s, %s to %s: %d incidents, %,d characters of bulletin.json%n", who,
						AGREEMENT, MONTH.from(), MONTH.to(), first.total(), bytes);
				out.printf("  %s: %s%n", who, s.line());
				out.printf("  goal: a month's bulletin in under %.0f ms: %s (p50 %.0f ms, p99 %.0f ms)%n", GOAL_MS,
						s.p99() < GOAL_MS ? "met" : "missed", s.p50(), s.p99());
				out.flush();
			}
		}
	}

}
