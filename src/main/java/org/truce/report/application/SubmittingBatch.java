package org.truce.report.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.truce.report.model.Report;
import org.truce.report.model.ReportDraft;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Takes many reports from one submitter at once, each with its own outcome: every draft
 * is validated as {@link SubmittingReport} validates one (the same codes, the same rule
 * on sources), and the valid ones are stored together, with their ledger entries and what
 * is recorded with them, in one transaction ({@link RecordingReports#append}). Only once
 * it has committed is any of them acknowledged, and each new report announced
 * ({@link ReportRecorded}), so that clustering, adjudication and alerts follow as for a
 * single report.
 *
 * <p>
 * If that transaction fails, each report is handed to the {@link GroupCommitter} on its
 * own, so that one faulty report cannot fail the others; a report the store still does
 * not take is answered STORE_UNAVAILABLE, and nothing about it is acknowledged.
 */
@Service
public class SubmittingBatch {

	private static final Logger log = LoggerFactory.getLogger(SubmittingBatch.class);

	private final SubmittingReport single;

	private final RecordingReports recording;

	private final GroupCommitter committer;

	private final ApplicationEventPublisher events;

	SubmittingBatch(SubmittingReport single, RecordingReports recording, GroupCommitter committer,
			ApplicationEventPublisher events) {
		this.single = single;
		this.recording = recording;
		this.committer = committer;
		this.events = events;
	}

	/**
	 * Records every valid draft, in one transaction when the store allows.
	 * @param items the drafts, in the request's order
	 * @param submitter who submits them all
	 * @return the outcome of each item, at its position
	 */
	public List<Outcome> submit(List<Item> items, Submitter submitter) {
		Outcome[] outcomes = new Outcome[items.size()];
		Map<String, Boolean> usable = new HashMap<>();
		List<Integer> positions = new ArrayList<>();
		List<Reports.NewReport> valid = new ArrayList<>();
		List<RecordingReports.Prepared> prepared = new ArrayList<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			try {
				Report report = this.single.report(item.draft(), submitter, usable);
				prepared.add(this.recording.prepare(report));
				valid.add(new Reports.NewReport(report, item.idempotencyKey(), item.requestDigest()));
				positions.add(i);
			}
			catch (RejectedException ex) {
				outcomes[i] = Outcome.rejected(ex.problems());
			}
		}
		if (valid.isEmpty()) {
			return List.of(outcomes);
		}
		List<Reports.Appended> appended = null;
		try {
			appended = this.recording.append(valid, prepared);
		}
		catch (RuntimeException ex) {
			log.warn("a batch of {} reports could not be stored together ({}); storing each alone", valid.size(),
					ex.toString());
		}
		if (appended != null) {
			for (int k = 0; k < valid.size(); k++) {
				outcomes[positions.get(k)] = outcome(items.get(positions.get(k)), appended.get(k));
			}
		}
		else {
			List<CompletableFuture<Reports.Appended>> alone = valid.stream().map(this.committer::submit).toList();
			for (int k = 0; k < valid.size(); k++) {
				Item item = items.get(positions.get(k));
				Reports.Appended one = await(alone.get(k));
				outcomes[positions.get(k)] = one == null
						? Outcome.rejected(List.of(Problem.with(ErrorCode.STORE_UNAVAILABLE, null)))
						: outcome(item, one);
			}
		}
		return List.of(outcomes);
	}

	/** A stored item's outcome, announcing a new report: called after the commit. */
	private Outcome outcome(Item item, Reports.Appended appended) {
		if (!appended.created() && !item.requestDigest().equals(appended.requestDigest())) {
			return Outcome.rejected(List.of(Problem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, item.keyField())));
		}
		if (appended.created()) {
			this.events.publishEvent(new ReportRecorded(appended.report()));
		}
		return new Outcome(appended.report(), appended.created(), List.of());
	}

	private static Reports.Appended await(CompletableFuture<Reports.Appended> future) {
		try {
			return future.get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

	/**
	 * One draft of a batch.
	 *
	 * @param draft the report as submitted
	 * @param idempotencyKey the key under which it is stored once, already made per
	 * submitter; null for none
	 * @param requestDigest identifies the item's content, to tell a replay from a key
	 * reused for other content
	 * @param keyField the field a reused key is reported under
	 */
	public record Item(ReportDraft draft, String idempotencyKey, String requestDigest, String keyField) {

	}

	/**
	 * What became of one item.
	 *
	 * @param report the stored report (the one first stored under its key, for a replay),
	 * or null when refused
	 * @param created whether this request stored it
	 * @param problems why it was refused; empty when stored
	 */
	public record Outcome(Report report, boolean created, List<Problem> problems) {

		static Outcome rejected(List<Problem> problems) {
			return new Outcome(null, false, problems);
		}

	}

}
