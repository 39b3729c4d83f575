package org.truce.cli;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.shared.Sha256;
import org.truce.testing.AgreementFixture;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce bulletin} on a store holding the Aleppo pause of October 2016: it writes
 * {@code bulletin.json} and one CSV per table, computed as staff unless told otherwise,
 * and refuses bad input with exit code 2 and the reason, writing nothing.
 */
class BulletinCommandTest {

	@TempDir
	static Path dir;

	static String data;

	@BeforeAll
	static void aStore() throws Exception {
		try (RunningTruce truce = RunningTruce.sqliteIn(dir.resolve("data"), false)) {
			truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
			truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.A));
			AgreementFixture.load(truce, "aleppo-pause-2016-10");
			SubmittingReport submitting = truce.bean(SubmittingReport.class);
			submitting.submit(strike("2016-10-21T11:00:00+03:00", 36.2070, 37.1570, "government, \"air\""),
					Submitter.record("test"), null, "a");
			submitting.submit(strike("2016-10-22T12:00:00+03:00", 36.2300, 37.1200, "second"), Submitter.record("test"),
					null, "b");
			truce.bean(ClusteringNewReports.class).catchUp();
			truce.bean(AdjudicatingIncidents.class).all();
		}
		data = dir.resolve("data").toString();
	}

	@Test
	void writesBulletinJsonAndOneCsvPerTableComputedAsStaff() throws Exception {
		Path out = dir.resolve("october");
		Truce.Run run = Truce.run("bulletin", "--data", data, "--agreement", "aleppo-pause-2016-10", "--from",
				"2016-10-20", "--to", "2016-10-22", "--out", out.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.err()).contains("computed as staff");
		String json = Files.readString(out.resolve("bulletin.json"), StandardCharsets.UTF_8);
		assertThat(run.out()).contains("bulletin.json SHA-256 " + Sha256.hex(json));
		assertThat(json).contains("\"reader\":\"staff\"").contains("\"total\":2");
		for (String table : List.of("by_outcome", "by_zone", "by_party", "by_event_type", "by_weapon_class", "daily",
				"daily_by_party", "previous_period", "compliance_clock", "rfis_by_party", "notifications_by_party",
				"alerts", "access_by_party", "access_outcomes", "incidents")) {
			assertThat(out.resolve(table + ".csv")).exists();
		}
		List<CSVRecord> daily = csv(out.resolve("daily.csv"));
		assertThat(daily).extracting(r -> r.get("day")).containsExactly("2016-10-20", "2016-10-21", "2016-10-22");
		assertThat(daily).extracting(r -> r.get("total")).containsExactly("0", "1", "1");
		List<CSVRecord> outcomes = csv(out.resolve("by_outcome.csv"));
		assertThat(outcomes).extracting(r -> r.get("outcome"))
			.containsExactly("VIOLATION", "UNDETERMINED", "NO_VIOLATION", "NOT_ASSESSED");
		assertThat(outcomes.stream().mapToLong(r -> Long.parseLong(r.get("incidents"))).sum()).isEqualTo(2);

		// The same bulletin again is the same bytes.
		Path again = dir.resolve("again");
		assertThat(Truce
			.run("bulletin", "--data", data, "--agreement", "aleppo-pause-2016-10", "--from", "2016-10-20", "--to",
					"2016-10-22", "--out", again.toString())
			.exitCode()).isZero();
		assertThat(Files.readString(again.resolve("bulletin.json"), StandardCharsets.UTF_8)).isEqualTo(json);

		Path published = dir.resolve("public");
		Truce.Run anyone = Truce.run("bulletin", "--data", data, "--agreement", "aleppo-pause-2016-10", "--from",
				"2016-10-20", "--to", "2016-10-22", "--public", "--out", published.toString());
		assertThat(anyone.exitCode()).as(anyone.err()).isZero();
		assertThat(Files.readString(published.resolve("bulletin.json"))).contains("\"reader\":\"public\"")
			.contains("\"total\":0");
	}

	@Test
	void badInputExitsWithTwoAndTheReasonAndWritesNothing() {
		assertRefused("2016-10-22", "2016-10-20", "aleppo-pause-2016-10", "ends (2016-10-20) before it starts");
		assertRefused("2016-11-01", "2016-11-30", "aleppo-pause-2016-10", "lies outside the life of agreement");
		assertRefused("2016-10-20", "2016-10-22", "no-such-agreement", "No agreement has the id no-such-agreement");
		assertRefused("20 October", "2016-10-22", "aleppo-pause-2016-10", "must be calendar days");
	}

	void assertRefused(String from, String to, String agreement, String reason) {
		Path out = dir.resolve("refused");
		Truce.Run run = Truce.run("bulletin", "--data", data, "--agreement", agreement, "--from", from, "--to", to,
				"--out", out.toString());
		assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
		assertThat(run.err()).contains(reason);
		assertThat(out).doesNotExist();
	}

	static List<CSVRecord> csv(Path file) throws Exception {
		return CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(Files.readString(file)))
			.getRecords();
	}

	static ReportDraft strike(String at, double lat, double lon, String externalId) {
		return new ReportDraft("air_drone_strike", new ReportDraft.When(at, null, "EXACT"),
				new ReportDraft.Where(lat, lon, "SURVEYED", null, "Aleppo", null, null), "Government of Syria", null,
				null, "An air strike in Aleppo.", "monitors", externalId, null, null, null);
	}

}
