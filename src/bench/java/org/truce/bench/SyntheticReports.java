package org.truce.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.truce.report.application.Reports;
import org.truce.report.model.Casualties;
import org.truce.report.model.EventType;
import org.truce.report.model.Estimate;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.testing.SyriaBox;

/**
 * Made-up reports for loading a store: points uniform in {@link SyriaBox}, days in 2016,
 * a short narrative and a casualty count. Two generators with the same seed produce the
 * same reports, ids included, so that two stores can be loaded alike and their answers
 * compared. Not thread-safe.
 */
public final class SyntheticReports {

	private static final Instant YEAR_START = Instant.parse("2016-01-01T00:00:00Z");

	private static final EventType[] TYPES = EventType.values();

	private final Random random;

	private final String sourceId;

	private final Instant recordedAt = Instant.parse("2024-01-01T00:00:00Z");

	private long made;

	public SyntheticReports(long seed, String sourceId) {
		this.random = new Random(seed);
		this.sourceId = sourceId;
	}

	/** The next {@code n} reports, without idempotency keys. */
	public List<Reports.NewReport> next(int n) {
		List<Reports.NewReport> out = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			out.add(new Reports.NewReport(nextReport(), null, null));
		}
		return out;
	}

	private Report nextReport() {
		long number = ++this.made;
		SyriaBox.Point p = SyriaBox.point(this.random);
		// A version 4 layout from the seeded generator, so that runs are repeatable.
		UUID id = new UUID((this.random.nextLong() & ~0xF000L) | 0x4000L,
				(this.random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L);
		Instant day = YEAR_START.plus(this.random.nextInt(366), ChronoUnit.DAYS);
		TimeSpan when = new TimeSpan(day, day.plus(1, ChronoUnit.DAYS).minusMillis(1), TimePrecision.DAY);
		Location where = Location.of(p.latitude(), p.longitude(), LocationPrecision.EXACT, null);
		Casualties casualties = new Casualties(Estimate.best(this.random.nextInt(20)), null, null, null, null);
		return new Report(id, TYPES[this.random.nextInt(TYPES.length)], null, when, where, null, null, casualties,
				"Synthetic report " + number + " for the benchmark.", this.sourceId, "bench-" + number, List.of(),
				Set.of(), this.recordedAt);
	}

}
