package org.truce.report.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.truce.report.model.Report;
import org.truce.report.model.ReportDraft;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.testing.ReportFixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * When the one transaction of a batch fails, {@link SubmittingBatch} stores each report
 * on its own: those the store takes are created and announced, one it still refuses is
 * answered STORE_UNAVAILABLE and never announced, and a draft refused on its merits keeps
 * its own problem.
 */
class ABatchTheStoreRefusesWholeTest {

	private final SubmittingReport single = mock(SubmittingReport.class);

	private final RecordingReports recording = mock(RecordingReports.class);

	private final GroupCommitter committer = mock(GroupCommitter.class);

	private final List<Object> announced = new ArrayList<>();

	private final ApplicationEventPublisher events = this.announced::add;

	private final Submitter monitor = Submitter.record("monitor-1");

	@Test
	void eachReportIsStoredAloneAndOnlyWhatTheStoreTookIsAcknowledged() {
		Report first = ReportFixture.report().externalId("first").build();
		Report faulty = ReportFixture.report().externalId("faulty").build();
		Report third = ReportFixture.report().externalId("third").build();
		ReportDraft invalid = draft("invalid");
		List<SubmittingBatch.Item> items = List.of(item(draft("first")), item(invalid), item(draft("faulty")),
				item(draft("third")));
		when(this.single.report(eq(invalid), any(), anyMap()))
			.thenThrow(new RejectedException(Problem.of(ErrorCode.UNKNOWN_EVENT_TYPE, "eventType")));
		for (Report r : List.of(first, faulty, third)) {
			when(this.single.report(eq(draft(r.externalId())), any(), anyMap())).thenReturn(r);
		}
		when(this.recording.append(anyList(), anyList())).thenThrow(new IllegalStateException("disk I/O error"));
		doAnswer(call -> {
			Reports.NewReport n = call.getArgument(0);
			return n.report() == faulty ? CompletableFuture.failedFuture(new IllegalStateException("constraint"))
					: CompletableFuture.completedFuture(new Reports.Appended(n.report(), true, n.requestDigest()));
		}).when(this.committer).submit(any());

		List<SubmittingBatch.Outcome> outcomes = new SubmittingBatch(this.single, this.recording, this.committer,
				this.events)
			.submit(items, this.monitor);

		assertThat(outcomes).hasSize(4);
		assertThat(outcomes.get(0).report()).isEqualTo(first);
		assertThat(outcomes.get(0).created()).isTrue();
		assertThat(outcomes.get(1).report()).isNull();
		assertThat(outcomes.get(1).problems()).extracting(p -> p.code()).containsExactly(ErrorCode.UNKNOWN_EVENT_TYPE);
		assertThat(outcomes.get(2).report()).isNull();
		assertThat(outcomes.get(2).created()).isFalse();
		assertThat(outcomes.get(2).problems()).extracting(p -> p.code()).containsExactly(ErrorCode.STORE_UNAVAILABLE);
		assertThat(outcomes.get(3).report()).isEqualTo(third);
		assertThat(outcomes.get(3).created()).isTrue();
		assertThat(this.announced).containsExactly(new ReportRecorded(first), new ReportRecorded(third));
	}

	private static ReportDraft draft(String externalId) {
		return new ReportDraft("air_drone_strike", null, null, null, null, null, null, "ucdp", externalId, List.of());
	}

	private static SubmittingBatch.Item item(ReportDraft draft) {
		return new SubmittingBatch.Item(draft, null, "digest-" + draft.externalId(), "idempotencyKey");
	}

}
