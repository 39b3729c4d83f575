package org.truce.report.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.ActorRef;
import org.truce.report.model.DataFlags;
import org.truce.report.model.Report;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.WhoActed;
import org.truce.report.model.ReportValidator;
import org.truce.shared.ErrorCode;
import org.truce.shared.Ids;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.shared.StoreUnavailableException;
import org.truce.shared.TextLanguage;

/**
 * Takes one report from a person or a system: validates it, resolves its actors and
 * returns only once it is durably stored.
 */
@Service
public class SubmittingReport {

	private final Sources sources;

	private final ActorDirectory actors;

	private final GroupCommitter committer;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ScenarioZone zone;

	/**
	 * Ids of sources seen to exist, for Truce's own writers. Sources are never deleted
	 * ({@link Sources} has no removal), so once found a source need not be looked up
	 * again; an unknown id is looked up every time, so a source added later, here or by
	 * another instance sharing the database, is found. Bounded by the number of stored
	 * sources. A user's submission always reads the source, whose users may change.
	 */
	private final Set<String> knownSources = ConcurrentHashMap.newKeySet();

	public SubmittingReport(Sources sources, ActorDirectory actors, GroupCommitter committer, Clock clock,
			ApplicationEventPublisher events, ScenarioZone zone) {
		this.events = events;
		this.zone = zone;
		this.sources = sources;
		this.actors = actors;
		this.committer = committer;
		this.clock = clock;
	}

	/**
	 * Records the draft.
	 * @param submitter who submits it, recorded with the report
	 * @param idempotencyKey the client's key, or null; a replay under the same key
	 * returns the report first stored and stores nothing
	 * @param requestDigest identifies the request's content, to tell a replay from a key
	 * reused for different content
	 * @throws RejectedException when the draft is invalid or the key was used for other
	 * content
	 * @throws StoreUnavailableException when the store did not confirm in time; nothing
	 * is acknowledged
	 */
	public Submitted submit(ReportDraft draft, Submitter submitter, String idempotencyKey, String requestDigest) {
		Report report = report(draft, submitter);
		Reports.Appended appended = await(new Reports.NewReport(report, idempotencyKey, requestDigest));
		if (!appended.created() && !requestDigest.equals(appended.requestDigest())) {
			throw new RejectedException(List.of(Problem.of(ErrorCode.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key")));
		}
		if (appended.created()) {
			this.events.publishEvent(new ReportRecorded(appended.report()));
		}
		return new Submitted(appended.report(), appended.created());
	}

	/**
	 * The report a draft makes, validated, with its actors resolved and a new id; not
	 * stored. A user may file only under a source it belongs to
	 * ({@code Source#usableBy}); one it may not use is refused exactly as one that does
	 * not exist (UNKNOWN_SOURCE). A date without a time is a day in the draft's
	 * {@code when.zone}, else in the scenario's zone. For a writer that stores it in its
	 * own transaction ({@link RecordingReports#append}) and announces
	 * {@link ReportRecorded} after the commit.
	 * @param submitter who submits it, recorded with the report
	 * @throws RejectedException when the draft is invalid
	 */
	public Report report(ReportDraft draft, Submitter submitter) {
		return report(draft, submitter, null);
	}

	/**
	 * The report a draft makes, as {@link #report(ReportDraft, Submitter)}, for one of
	 * several drafts of one request: whether the user may use a source is read once per
	 * request and kept in {@code usable}, which lives only as long as the request.
	 * @param usable for a user, whether it may use each source already asked about in
	 * this request; null to read the source every time
	 */
	Report report(ReportDraft draft, Submitter submitter, Map<String, Boolean> usable) {
		ReportValidator.Result result = ReportValidator.validate(draft, this.zone.zone(),
				!submitter.user() ? this::sourceExists : usable == null ? id -> usableBy(id, submitter)
						: id -> usable.computeIfAbsent(id, source -> usableBy(source, submitter)));
		if (!result.ok()) {
			throw new RejectedException(result.problems());
		}
		ReportValidator.Valid v = result.valid();
		ActorRef actor = this.actors.resolve(draft.actor());
		ActorRef target = this.actors.resolve(draft.target());
		WhoActed whoActed = switch (v.whoActed()) {
			case ACTOR -> WhoActed.ACTOR;
			case EITHER_SIDE -> WhoActed.EITHER_SIDE;
			case ONE_OF ->
				new WhoActed(WhoActed.Kind.ONE_OF, v.alsoPossible().stream().map(this.actors::resolve).toList(), null);
		};
		return new Report(Ids.newId(this.clock), v.eventType(), null, v.when(), v.where(), actor, target,
				v.casualties(), draft.narrative(), draft.source(), draft.externalId(), v.attachments(),
				DataFlags.derive(actor, target, v.casualties()), this.clock.instant().truncatedTo(ChronoUnit.MILLIS),
				whoActed, v.equipment(), submitter.id(), TextLanguage.of(draft.narrativeLang(), draft.narrative()),
				null);
	}

	/**
	 * Whether the user may file under the source: false alike for a source that does not
	 * exist, so that the answer tells nobody which sources exist.
	 */
	private boolean usableBy(String id, Submitter submitter) {
		return this.sources.byId(id)
			.filter(source -> source.usableBy(submitter.id(),
					submitter.grants().stream().map(Object::toString).toList()))
			.isPresent();
	}

	private boolean sourceExists(String id) {
		if (this.knownSources.contains(id)) {
			return true;
		}
		boolean exists = this.sources.byId(id).isPresent();
		if (exists) {
			this.knownSources.add(id);
		}
		return exists;
	}

	private Reports.Appended await(Reports.NewReport report) {
		try {
			return this.committer.submit(report).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StoreUnavailableException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new StoreUnavailableException(ex);
		}
	}

	/** The stored report, and whether this call created it (false for a replay). */
	public record Submitted(Report report, boolean created) {

	}

}
