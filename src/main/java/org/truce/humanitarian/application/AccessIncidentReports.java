package org.truce.humanitarian.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.truce.humanitarian.model.AccessDestination;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.MovementRestriction;
import org.truce.report.application.RecordingReports;
import org.truce.report.application.ReportRecorded;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.EventType;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;

/**
 * Turns a blocked access request into an AID_OBSTRUCTION report, and a restriction of the
 * monitors' movement into a RESTRICTION_OF_MONITORS_MOVEMENT report, each attributed to
 * the actor that blocked or restricted, so that the clustering makes them incidents and
 * the adjudication judges them like any other report.
 *
 * <p>
 * Each report is stored in the caller's transaction, the one that records the blocked
 * outcome or the restriction ({@link RecordingReports#append}), so that the record and
 * its report are committed together or not at all; {@link ReportRecorded} is announced
 * once that transaction commits. Each is stored under an idempotency key derived from the
 * request's or restriction's id: one report each.
 */
@Service
public class AccessIncidentReports {

	/** The source of these reports: what Truce's own users recorded. */
	public static final Source SOURCE = new Source("truce-access",
			"Truce humanitarian access records (notifiers and monitors)", SourceKind.MONITOR, Reliability.B);

	private final SubmittingReport submitting;

	private final RecordingReports recording;

	private final Sources sources;

	private final ApplicationEventPublisher events;

	public AccessIncidentReports(SubmittingReport submitting, RecordingReports recording, Sources sources,
			ApplicationEventPublisher events) {
		this.submitting = submitting;
		this.recording = recording;
		this.sources = sources;
		this.events = events;
	}

	/**
	 * Stores the AID_OBSTRUCTION report of a blocked request, with its ledger entry, in
	 * the caller's transaction, and announces it once that transaction commits. Under the
	 * key {@code truce-access:obstruction:<id>}: a request has one such report.
	 * @return the report stored, or the one stored before under the same key
	 * @throws IllegalStateException outside a transaction
	 */
	public Report obstruction(AccessRequest r) {
		AccessDestination where = r.outcome().blockedAt();
		String narrative = "Humanitarian access request " + r.id() + " to " + r.destination().name() + " ("
				+ r.peopleInNeed() + " people in need) was blocked by " + r.outcome().blockedBy() + " at "
				+ where.name() + ": " + r.outcome().reason();
		return record(
				new ReportDraft(EventType.AID_OBSTRUCTION.code(),
						new ReportDraft.When(text(r.outcome().at()), null, "EXACT"),
						new ReportDraft.Where(where.latitude(), where.longitude(), "EXACT", null, where.name(), null,
								null),
						r.outcome().blockedBy(), null, null, narrative, SOURCE.id(), "access-request:" + r.id(), null),
				"truce-access:obstruction:" + r.id(), r.outcome().recordedBy());
	}

	/**
	 * Stores the RESTRICTION_OF_MONITORS_MOVEMENT report of a restriction, with its
	 * ledger entry, in the caller's transaction, and announces it once that transaction
	 * commits. Under the key {@code truce-access:restriction:<id>}: a restriction has one
	 * report.
	 * @return the report stored, or the one stored before under the same key
	 * @throws IllegalStateException outside a transaction
	 */
	public Report restriction(MovementRestriction m) {
		String narrative = "Monitors' movement restricted ("
				+ m.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
				+ (m.delayMinutes() == null ? "" : ", " + m.delayMinutes() + " minutes") + ") by " + m.restrictedBy()
				+ " at " + m.place().name() + ". Patrol: " + m.patrol()
				+ (m.conditions() == null ? "" : ". Conditions: " + m.conditions()) + ". Restriction " + m.id() + ".";
		return record(new ReportDraft(EventType.RESTRICTION_OF_MONITORS_MOVEMENT.code(),
				new ReportDraft.When(text(m.at()), null, "EXACT"),
				new ReportDraft.Where(m.place().latitude(), m.place().longitude(), "EXACT", null, m.place().name(),
						null, null),
				m.restrictedBy(), null, null, narrative, SOURCE.id(), "movement-restriction:" + m.id(), null),
				"truce-access:restriction:" + m.id(), m.recordedBy());
	}

	/**
	 * Stores the draft's report under the key, with its ledger entry, in the caller's
	 * transaction, and announces it once that transaction has committed (not at all if it
	 * rolls back).
	 */
	private Report record(ReportDraft draft, String key, String recordedBy) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("a report of the access records joins the transaction of the record");
		}
		if (this.sources.byId(SOURCE.id()).isEmpty()) {
			this.sources.save(SOURCE);
		}
		Report report = this.submitting.report(draft, Submitter.record(recordedBy));
		Reports.Appended appended = this.recording.append(List.of(new Reports.NewReport(report, key, key))).get(0);
		if (appended.created()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					AccessIncidentReports.this.events.publishEvent(new ReportRecorded(appended.report()));
				}

			});
		}
		return appended.report();
	}

	private static String text(Instant at) {
		return at.truncatedTo(ChronoUnit.MILLIS).toString();
	}

}
