package org.truce.deconfliction.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.truce.deconfliction.model.AccessDestination;
import org.truce.deconfliction.model.AccessRequest;
import org.truce.deconfliction.model.MovementRestriction;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.EventType;
import org.truce.report.model.Reliability;
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
 * Reports are submitted through {@link SubmittingReport}, which commits on its own
 * thread: they cannot join the transaction of the outcome or restriction. Each is
 * therefore submitted after that transaction, under an idempotency key derived from the
 * request's or restriction's id, so that a retry (see
 * {@link RequestingAccess#reportPending()}) never makes a second report.
 */
@Service
public class AccessIncidentReports {

	/** The source of these reports: what Truce's own users recorded. */
	public static final Source SOURCE = new Source("truce-access",
			"Truce humanitarian access records (notifiers and monitors)", SourceKind.MONITOR, Reliability.B);

	private final SubmittingReport submitting;

	private final Sources sources;

	public AccessIncidentReports(SubmittingReport submitting, Sources sources) {
		this.submitting = submitting;
		this.sources = sources;
	}

	/** The AID_OBSTRUCTION report of a blocked request; the id of the report stored. */
	public UUID obstruction(AccessRequest r) {
		AccessDestination where = r.outcome().blockedAt();
		String narrative = "Humanitarian access request " + r.id() + " to " + r.destination().name() + " ("
				+ r.peopleInNeed() + " people in need) was blocked by " + r.outcome().blockedBy() + " at "
				+ where.name() + ": " + r.outcome().reason();
		String key = "truce-access:obstruction:" + r.id();
		return submit(new ReportDraft(EventType.AID_OBSTRUCTION.code(),
				new ReportDraft.When(text(r.outcome().at()), null, "EXACT"),
				new ReportDraft.Where(where.latitude(), where.longitude(), "EXACT", null, where.name(), null, null),
				r.outcome().blockedBy(), null, null, narrative, SOURCE.id(), "access-request:" + r.id(), null), key);
	}

	/** The RESTRICTION_OF_MONITORS_MOVEMENT report of a restriction. */
	public UUID restriction(MovementRestriction m) {
		String narrative = "Monitors' movement restricted ("
				+ m.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
				+ (m.delayMinutes() == null ? "" : ", " + m.delayMinutes() + " minutes") + ") by " + m.restrictedBy()
				+ " at " + m.place().name() + ". Patrol: " + m.patrol()
				+ (m.conditions() == null ? "" : ". Conditions: " + m.conditions()) + ". Restriction " + m.id() + ".";
		String key = "truce-access:restriction:" + m.id();
		return submit(new ReportDraft(EventType.RESTRICTION_OF_MONITORS_MOVEMENT.code(),
				new ReportDraft.When(text(m.at()), null, "EXACT"),
				new ReportDraft.Where(m.place().latitude(), m.place().longitude(), "EXACT", null, m.place().name(),
						null, null),
				m.restrictedBy(), null, null, narrative, SOURCE.id(), "movement-restriction:" + m.id(), null), key);
	}

	private UUID submit(ReportDraft draft, String key) {
		if (this.sources.byId(SOURCE.id()).isEmpty()) {
			this.sources.save(SOURCE);
		}
		return this.submitting.submit(draft, key, key).report().id();
	}

	private static String text(Instant at) {
		return at.truncatedTo(ChronoUnit.MILLIS).toString();
	}

}
