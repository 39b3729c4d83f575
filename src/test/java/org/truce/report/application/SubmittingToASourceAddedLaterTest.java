package org.truce.report.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.application.Actors;
import org.truce.actor.model.Actor;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.shared.ErrorCode;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SubmittingReport remembers the sources it has seen exist, and keeps asking the store
 * about the ones it has not.
 */
class SubmittingToASourceAddedLaterTest {

	private final CountingSources sources = new CountingSources();

	private final InMemoryReports reports = new InMemoryReports();

	private GroupCommitter committer;

	private SubmittingReport submitting;

	@BeforeEach
	void start() {
		this.committer = new GroupCommitter(new RecordingReports(this.reports, null, null, null, null) {

			@Override
			Prepared prepare(Report report) {
				return new Prepared(null, List.of());
			}

			@Override
			List<Reports.Appended> append(List<Reports.NewReport> batch, List<Prepared> prepared) {
				return SubmittingToASourceAddedLaterTest.this.reports.append(batch);
			}

		});
		this.committer.start();
		this.submitting = new SubmittingReport(this.sources, new ActorDirectory(new NoActors()), this.committer,
				Clock.fixed(Instant.parse("2016-09-20T08:00:00Z"), ZoneOffset.UTC), event -> {
				}, ScenarioZone.UTC);
	}

	@AfterEach
	void stop() {
		this.committer.stop();
	}

	@Test
	void shouldRejectAnUnknownSourceThenAcceptItOnceAddedAndNotLookItUpAgain() {
		assertThatThrownBy(() -> this.submitting.submit(draft("monitors"),
				org.truce.report.application.Submitter.record("test"), null, "d1"))
			.isInstanceOfSatisfying(RejectedException.class,
					ex -> assertThat(ex.problems()).anyMatch(p -> p.code() == ErrorCode.UNKNOWN_SOURCE));
		assertThatThrownBy(() -> this.submitting.submit(draft("monitors"),
				org.truce.report.application.Submitter.record("test"), null, "d1"))
			.isInstanceOf(RejectedException.class);
		assertThat(this.sources.lookups.get()).isEqualTo(2);

		this.sources.save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		assertThat(this.submitting
			.submit(draft("monitors"), org.truce.report.application.Submitter.record("test"), null, "d2")
			.created()).isTrue();
		assertThat(this.submitting
			.submit(draft("monitors"), org.truce.report.application.Submitter.record("test"), null, "d3")
			.created()).isTrue();
		assertThat(this.sources.lookups.get()).isEqualTo(3);
		assertThat(this.reports.stored).hasSize(2);
	}

	private static ReportDraft draft(String source) {
		return new ReportDraft("shelling_artillery_missile_attack", new ReportDraft.When("2016-09-19", null, null),
				new ReportDraft.Where(36.2, 37.15, "exact", null, "Aleppo", null, null), null, null, null,
				"Shelling reported near Aleppo.", source, null, null);
	}

	private static final class CountingSources implements Sources {

		final AtomicInteger lookups = new AtomicInteger();

		final Map<String, Source> byId = new ConcurrentHashMap<>();

		@Override
		public void save(Source source) {
			this.byId.put(source.id(), source);
		}

		@Override
		public Optional<Source> byId(String id) {
			this.lookups.incrementAndGet();
			return Optional.ofNullable(this.byId.get(id));
		}

		@Override
		public List<Source> all() {
			return List.copyOf(this.byId.values());
		}

	}

	private static final class InMemoryReports implements Reports {

		final List<Report> stored = new ArrayList<>();

		@Override
		public synchronized List<Appended> append(List<NewReport> batch) {
			List<Appended> out = new ArrayList<>();
			for (NewReport item : batch) {
				this.stored.add(item.report());
				out.add(new Appended(item.report(), true, item.requestDigest()));
			}
			return out;
		}

		@Override
		public Optional<Report> byId(UUID id) {
			return Optional.empty();
		}

		@Override
		public ReportPage find(ReportQuery query) {
			return new ReportPage(List.of(), null);
		}

		@Override
		public Map<UUID, String> sourceIds(java.util.Collection<UUID> ids) {
			return Map.of();
		}

		@Override
		public long count() {
			return this.stored.size();
		}

	}

	private static final class NoActors implements Actors {

		@Override
		public void saveAll(List<Actor> actors) {
		}

		@Override
		public List<Actor> all() {
			return List.of();
		}

	}

}
