package org.truce.cli;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.AgreementFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce export findings --possible-perpetrator ACTOR}, run by an operator on a
 * store: the rows where the actor acted, and those where it is one of those who may have.
 */
class ExportingFindingsByPossiblePerpetratorTest {

	@TempDir
	Path dir;

	@Test
	void theExportKeepsTheRowsWhereTheActorActedOrMayHave() throws Exception {
		try (RunningTruce truce = RunningTruce.sqliteIn(this.dir.resolve("data"), false)) {
			truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
			truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
			AgreementFixture.load(truce, "aleppo-pause-2016-10");
			SubmittingReport submitting = truce.bean(SubmittingReport.class);
			submitting.submit(strike("2016-10-21T11:00:00+03:00", 36.2070, 37.1570, null, "by-government"),
					Submitter.record("test"), null, "a");
			submitting.submit(
					strike("2016-10-21T15:00:00+03:00", 36.2300, 37.1200,
							new ReportDraft.WhoActedDraft("one_of", List.of("Russian Federation")), "by-one-of"),
					Submitter.record("test"), null, "b");
			truce.bean(AdjudicatingIncidents.class).all();
		}
		Path csv = this.dir.resolve("russia.csv");
		Truce.Run russia = Truce.run("export", "findings", "--data", this.dir.resolve("data").toString(), "--agreement",
				"aleppo-pause-2016-10", "--possible-perpetrator", "Russian Federation", "--out", csv.toString());
		assertThat(russia.exitCode()).as(russia.err()).isZero();
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(Files.readString(csv)))
			.getRecords();
		assertThat(rows).isNotEmpty().allSatisfy(r -> {
			assertThat(r.get("external_ids")).isEqualTo("by-one-of");
			assertThat(r.get("actor_id")).isEmpty();
			assertThat(r.get("possible_perpetrators").split(";")).contains("syria-government", "russia");
		});

		Truce.Run government = Truce.run("export", "findings", "--data", this.dir.resolve("data").toString(),
				"--agreement", "aleppo-pause-2016-10", "--possible-perpetrator", "syria-government");
		assertThat(government.exitCode()).as(government.err()).isZero();
		assertThat(government.out()).contains("by-government").contains("by-one-of");

		Truce.Run nobody = Truce.run("export", "findings", "--data", this.dir.resolve("data").toString(), "--agreement",
				"aleppo-pause-2016-10", "--possible-perpetrator", "Nobody At All");
		assertThat(nobody.exitCode()).isEqualTo(2);
		assertThat(nobody.err()).contains("no single known actor is named 'Nobody At All'");
	}

	private static ReportDraft strike(String at, double lat, double lon, ReportDraft.WhoActedDraft who,
			String externalId) {
		return new ReportDraft("air_drone_strike", new ReportDraft.When(at, null, "EXACT"),
				new ReportDraft.Where(lat, lon, "SURVEYED", null, "Aleppo", null, null), "Government of Syria", null,
				null, "An air strike in Aleppo.", "monitors", externalId, null, who, null);
	}

}
