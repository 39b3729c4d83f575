package org.truce.report.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.truce.report.model.Report;
import org.truce.testing.ReportFixture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What other parts record with a report (its proximity alerts, say) is stored in the
 * report's transaction; when that fails, the report is stored alone, acknowledged, and
 * the other reports of its batch are not held back.
 */
class AReportIsStoredWhenWhatFollowsFromItCannotBeTest {

	private final List<Report> stored = new ArrayList<>();

	private final List<Object> extrasStored = new ArrayList<>();

	private GroupCommitter committer;

	@BeforeEach
	void start() {
		this.committer = new GroupCommitter(new RecordingReports(null, null, null, null, null) {

			@Override
			Prepared prepare(Report report) {
				return new Prepared(null, List.of(report.narrative()));
			}

			@Override
			List<Reports.Appended> append(List<Reports.NewReport> batch, List<Prepared> prepared) {
				// A store whose part fails on one report's extra, rolling everything
				// back.
				if (prepared.stream().anyMatch(p -> p.extras().contains("the part fails on this one"))) {
					throw new IllegalStateException("alerts table unavailable");
				}
				synchronized (AReportIsStoredWhenWhatFollowsFromItCannotBeTest.this) {
					List<Reports.Appended> out = new ArrayList<>();
					for (int i = 0; i < batch.size(); i++) {
						Report r = batch.get(i).report();
						AReportIsStoredWhenWhatFollowsFromItCannotBeTest.this.stored.add(r);
						AReportIsStoredWhenWhatFollowsFromItCannotBeTest.this.extrasStored
							.addAll(prepared.get(i).extras());
						out.add(new Reports.Appended(r, true, batch.get(i).requestDigest()));
					}
					return out;
				}
			}

		});
		this.committer.start();
	}

	@AfterEach
	void stop() {
		this.committer.stop();
	}

	@Test
	void theReportIsStoredWithoutItsExtrasAndTheOthersWithTheirs() throws Exception {
		Report failing = ReportFixture.report().narrative("the part fails on this one").build();
		Report fine = ReportFixture.report().narrative("an ordinary report").build();

		var first = this.committer.submit(ReportFixture.unkeyed(failing));
		var second = this.committer.submit(ReportFixture.unkeyed(fine));

		assertThat(first.get(10, TimeUnit.SECONDS).created()).isTrue();
		assertThat(second.get(10, TimeUnit.SECONDS).created()).isTrue();
		synchronized (this) {
			assertThat(this.stored).extracting(Report::id).containsExactlyInAnyOrder(failing.id(), fine.id());
			assertThat(this.extrasStored).containsExactly("an ordinary report");
		}
	}

}
