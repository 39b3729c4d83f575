package org.truce.report.infrastructure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link Sources} store must do; each subclass runs it on one real store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SourcesContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcSources.class };

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Sources sources;

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyStore() {
		this.truce = this.started.get();
		this.sources = this.truce.bean(Sources.class);
		this.truce.wipe();
	}

	@Test
	void aSavedSourceReadsBackWithEveryField() {
		Source source = new Source("sarc", "Syrian Arab Red Crescent — Aleppo branch", SourceKind.NGO, Reliability.C);

		this.sources.save(source);

		assertThat(this.sources.byId("sarc")).contains(source);
	}

	@Test
	void savingTheSameIdAgainUpdatesTheSource() {
		this.sources.save(new Source("liaison-1", "Liaison", SourceKind.PARTY_LIAISON, Reliability.F));
		Source updated = new Source("liaison-1", "Liaison of the 5th Corps", SourceKind.PARTY_LIAISON, Reliability.D);

		this.sources.save(updated);

		assertThat(this.sources.byId("liaison-1")).contains(updated);
		assertThat(this.sources.all()).containsExactly(updated);
	}

	@Test
	void aSourceAtRiskReadsBackWithItsContact() {
		Source source = new Source("field-7", "Field monitor Bashir", SourceKind.MONITOR, Reliability.B, true,
				"+963 555 0101");

		this.sources.save(source);

		assertThat(this.sources.byId("field-7")).contains(source);
		assertThat(this.sources.all()).containsExactly(source);
	}

	@Test
	void aSourceIsNotAtRiskAndHasNoContactUnlessSaid() {
		this.sources.save(ReportFixture.monitor());

		Source stored = this.sources.byId(ReportFixture.monitor().id()).orElseThrow();
		assertThat(stored.atRisk()).isFalse();
		assertThat(stored.contact()).isNull();
	}

	@Test
	void savingAgainCanMarkASourceAtRiskAndLaterClearIt() {
		this.sources.save(new Source("field-8", "Field monitor", SourceKind.MONITOR, Reliability.C));
		Source atRisk = new Source("field-8", "Field monitor", SourceKind.MONITOR, Reliability.C, true, "Signal only");

		this.sources.save(atRisk);
		assertThat(this.sources.byId("field-8")).contains(atRisk);

		Source cleared = new Source("field-8", "Field monitor", SourceKind.MONITOR, Reliability.C, false, null);
		this.sources.save(cleared);
		assertThat(this.sources.byId("field-8")).contains(cleared);
	}

	@Test
	void anUnknownIdFindsNothing() {
		this.sources.save(ReportFixture.ucdp());

		assertThat(this.sources.byId("nobody")).isEmpty();
		assertThat(this.sources.byId("UCDP-GED")).as("ids are case-sensitive").isEmpty();
	}

	@Test
	void allListsEverySourceByIdInOrder() {
		this.sources.save(ReportFixture.ucdp());
		this.sources.save(ReportFixture.monitor());
		this.sources.save(new Source("acled", "ACLED", SourceKind.DATASET, null));

		assertThat(this.sources.all()).extracting(Source::id).containsExactly("acled", "monitor-aleppo", "ucdp-ged");
		assertThat(this.sources.byId("acled").orElseThrow().reliability()).isEqualTo(Reliability.F);
	}

}
