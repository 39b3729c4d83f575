package org.truce.report.application;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.truce.actor.model.ActorRef;
import org.truce.identity.model.Viewer;
import org.truce.report.model.Attachment;
import org.truce.report.model.CoarseGrid;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Location;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Every read of reports, cut to what its reader may see ({@link Viewer}); the one place
 * where reports are left out and redacted, for every endpoint, page and export.
 *
 * <ul>
 * <li>Which reports: a monitor or co-chair sees every one; a liaison those in which an
 * actor of its side acted or was acted against; everyone else (the public) the published
 * ones. The store applies this in its query ({@link ReportQuery.Scope}), so that lists,
 * pages and counts never hold what the reader may not see.</li>
 * <li>What of each: a reader who may not see sources gets no source id, no external id
 * (which would name the source's own records), no dataset row (the source's own columns,
 * exact coordinates among them) and no submitter, and the location of a report from an
 * at-risk source coarsened onto a fixed grid ({@link CoarseGrid}, flagged
 * {@link DataFlag#LOCATION_COARSENED}). Spatial filters then match such a report by the
 * point shown, not the exact one.</li>
 * </ul>
 */
@Service
public class ReadingReports {

	private final Reports reports;

	private final Sources sources;

	private final Publications publications;

	private final CoarseGrid grid;

	public ReadingReports(Reports reports, Sources sources, Publications publications,
			@Value("${truce.visibility.at-risk-grid-degrees:0.1}") double gridDegrees) {
		this.reports = reports;
		this.sources = sources;
		this.publications = publications;
		this.grid = new CoarseGrid(gridDegrees);
	}

	/** The grid at-risk locations are coarsened onto. */
	public CoarseGrid grid() {
		return this.grid;
	}

	/** The part of the record the reader may see, as a store filter. */
	public ReportQuery.Scope scope(Viewer viewer) {
		return switch (viewer.reach()) {
			case FULL -> ReportQuery.Scope.WHOLE_RECORD;
			case SIDE -> new ReportQuery.Scope(viewer.sideActorIds(), false, this.grid);
			case PUBLISHED -> new ReportQuery.Scope(null, true, this.grid);
		};
	}

	/**
	 * The query, restricted to the reader's scope. A filter by source, or by a dataset's
	 * own columns ({@link ReportQuery#sourceFields}), is refused to a reader who may not
	 * see sources: it would tell which reports a source made, and what its rows hold.
	 */
	public ReportQuery restrict(ReportQuery query, Viewer viewer) {
		if (!viewer.seesSources() && !query.sourceIds().isEmpty()) {
			throw new RejectedException(Problem.keyed(ErrorCode.FORBIDDEN, "source", "sourceFilter"));
		}
		if (!viewer.seesSources() && query.sourceFields() != null) {
			String by = query.sourceFields().matches().isEmpty() ? "format"
					: query.sourceFields().matches().get(0).name();
			throw new RejectedException(Problem.keyed(ErrorCode.FORBIDDEN, by, "sourceFields"));
		}
		return query.withScope(scope(viewer));
	}

	/** One page of the reports the reader may see, as it may see them. */
	public ReportPage find(ReportQuery query, Viewer viewer) {
		ReportPage page = this.reports.find(restrict(query, viewer));
		if (viewer.seesSources()) {
			return page;
		}
		Redaction redaction = redaction(viewer);
		return new ReportPage(page.reports().stream().map(redaction::apply).toList(), page.next());
	}

	/**
	 * The report as the reader may see it, or empty when it may not see it at all, just
	 * as when no report has the id: a reader is never told that a report it may not see
	 * exists.
	 */
	public Optional<Report> byId(UUID id, Viewer viewer) {
		Optional<Report> report = this.reports.byId(id);
		if (report.isEmpty() || viewer.seesSources()) {
			return report;
		}
		Report r = report.get();
		if (!visible(r, viewer)) {
			return Optional.empty();
		}
		return Optional.of(redaction(viewer).apply(r));
	}

	/** Whether the reader may see the stored report (as {@link #scope} selects). */
	private boolean visible(Report r, Viewer viewer) {
		ReportQuery.Scope scope = scope(viewer);
		if (scope.concerning() != null
				&& !(concerns(r.actor(), scope.concerning()) || concerns(r.target(), scope.concerning()))) {
			return false;
		}
		return !scope.publishedOnly() || this.publications.of(r.id()).isPresent();
	}

	private static boolean concerns(ActorRef ref, Set<String> actorIds) {
		return ref != null && ref.actorId() != null && actorIds.contains(ref.actorId());
	}

	/**
	 * How reports are cut for this reader, with the at-risk sources read once: for one
	 * request or one export.
	 */
	public Redaction redaction(Viewer viewer) {
		if (viewer.seesSources()) {
			return new Redaction(null, Set.of());
		}
		Set<String> atRisk = this.sources.all()
			.stream()
			.filter(Source::atRisk)
			.map(Source::id)
			.collect(Collectors.toUnmodifiableSet());
		return new Redaction(this.grid, atRisk);
	}

	/**
	 * Of these reports, those whose place the reader of {@code redaction} is shown only
	 * coarsened (so that what else was found from their exact place must be withheld).
	 */
	public Set<UUID> coarsenedAmong(Collection<UUID> reportIds, Redaction redaction) {
		if (redaction.grid == null || redaction.atRiskSourceIds.isEmpty() || reportIds.isEmpty()) {
			return Set.of();
		}
		return this.reports.sourceIds(reportIds)
			.entrySet()
			.stream()
			.filter(e -> redaction.atRiskSourceIds.contains(e.getValue()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Cuts reports for one reader. For a reader who sees sources it changes nothing.
	 */
	public static final class Redaction {

		private final CoarseGrid grid;

		private final Set<String> atRiskSourceIds;

		private Redaction(CoarseGrid grid, Set<String> atRiskSourceIds) {
			this.grid = grid;
			this.atRiskSourceIds = atRiskSourceIds;
		}

		/** Whether the report's location is coarsened for this reader. */
		private boolean coarsens(Report report) {
			return this.grid != null && report.sourceId() != null && this.atRiskSourceIds.contains(report.sourceId());
		}

		/**
		 * The report as the reader may see it: without its source, external id, the
		 * dataset's own row ({@link Report#sourceFields}, which names the source and
		 * holds the exact place) and submitter, with attachments kept by digest and type
		 * but not by name (a file name can name who took it), and with the location
		 * coarsened when the source is at risk.
		 */
		public Report apply(Report r) {
			if (this.grid == null) {
				return r;
			}
			List<Attachment> attachments = r.attachments()
				.stream()
				.map(a -> new Attachment(a.sha256(), a.mediaType(), null))
				.toList();
			Location where = r.where();
			Set<DataFlag> flags = r.flags();
			if (coarsens(r)) {
				where = this.grid.coarsen(r.where());
				EnumSet<DataFlag> more = EnumSet.of(DataFlag.LOCATION_COARSENED);
				more.addAll(r.flags());
				flags = more;
			}
			return new Report(r.id(), r.eventType(), r.eventTypeBasis(), r.when(), where, r.actor(), r.target(),
					r.casualties(), r.narrative(), null, null, attachments, flags, r.recordedAt(), r.whoActed(),
					r.equipment(), null, r.narrativeLanguage(), null);
		}

	}

}
