package org.truce.bulletin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.application.ExportedRecord;
import org.truce.bulletin.application.ReplayingBulletin;
import org.truce.bulletin.model.BulletinJson;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.cli.TruceMain;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.incident.application.Incidents;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.ExportingLedger;
import org.truce.ledger.application.VerifyingExport;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.application.Submitter;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.shared.ErrorCode;
import org.truce.shared.RejectedException;
import org.truce.testing.AgreementFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bulletin computed from a ledger export is the bulletin computed from the live store
 * for the same reader, byte for byte: for staff from an export with every disclosure, for
 * the public from one with none. A record of the September 2016 arrangement (which has a
 * compliance clock) with shellings in the period and in the one before, judged both by a
 * full run and report by report; an export whose entry or disclosure was changed is
 * refused, naming where.
 */
class ABulletinReplayedFromTheLedgerExportTest {

	private static final String AGREEMENT = "syria-arrangement-2016-09";

	private static final BulletinQuery WEEK = new BulletinQuery(AGREEMENT, LocalDate.parse("2016-09-19"),
			LocalDate.parse("2016-09-25"));

	private static final Viewer STAFF = new Viewer(Viewer.Reach.FULL, Set.of(), "monitor");

	private static RunningTruce truce;

	@TempDir
	static Path dir;

	@BeforeAll
	static void aRecordWithShellingsJudged() {
		truce = RunningTruce.sqlite(false,
				Map.of("truce.ledger.checkpoint-seconds", "3600", "truce.adjudication.background", "false"));
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("free-syrian-army", "Free Syrian Army", ActorType.ARMED_GROUP, null, List.of("FSA"))));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		AgreementFixture.load(truce, AGREEMENT);
		SubmittingReport submitting = truce.bean(SubmittingReport.class);
		submitting.submit(shelling("2016-09-14T11:00:00+03:00", "Syrian government", "before"),
				Submitter.record("test"), null, "a");
		submitting.submit(shelling("2016-09-20T11:00:00+03:00", "Syrian government", "during"),
				Submitter.record("test"), null, "b");
		submitting.submit(shelling("2016-09-22T09:30:00+03:00", "FSA", "during-2"), Submitter.record("test"), null,
				"c");
		submitting.submit(shelling("2016-09-24T18:00:00+03:00", null, "unknown"), Submitter.record("test"), null, "d");
		truce.bean(ClusteringNewReports.class).catchUp();
		truce.bean(AdjudicatingIncidents.class).all();
		UUID late = submitting
			.submit(shelling("2016-09-23T07:00:00+03:00", "Syrian government", "late"), Submitter.record("test"), null,
					"e")
			.report()
			.id();
		truce.bean(ClusteringNewReports.class).catchUp();
		UUID incident = truce.bean(Incidents.class).incidentOf(List.of(late)).getOrDefault(late, late);
		truce.bean(AdjudicatingIncidents.class).rejudge(List.of(incident, late));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	private static ReportDraft shelling(String at, String actor, String externalId) {
		return new ReportDraft("shelling_artillery_missile_attack", new ReportDraft.When(at, null, "EXACT"),
				new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null), actor, null,
				null, "Shells struck the old city.", "monitors", externalId, null);
	}

	private static Path export(String name, DisclosurePolicy policy) throws IOException {
		Path out = Files.createDirectories(dir.resolve(name));
		truce.bean(ExportingLedger.class).export(out, policy);
		return out;
	}

	private static String replayed(Path export) {
		ExportedRecord record = ExportedRecord.open(export, new VerifyingExport.Trust(null, null, List.of()));
		return BulletinJson.canonical(truce.bean(ReplayingBulletin.class).compute(WEEK, record));
	}

	@Test
	void theStaffBulletinFromAnExportWithEveryDisclosureIsTheLiveOneByteForByte() throws IOException {
		String live = BulletinJson.canonical(truce.bean(ComputingBulletin.class).compute(WEEK, STAFF));
		assertThat(live).as("the week has judged incidents")
			.contains("\"byOutcome\":{\"NO_VIOLATION\":1,\"UNDETERMINED\":1,\"VIOLATION\":2}");
		String replayed = replayed(export("all", DisclosurePolicy.ALL));
		assertThat(replayed).isEqualTo(live);
		assertThat(replayed.getBytes(StandardCharsets.UTF_8)).isEqualTo(live.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void thePublicBulletinFromAnExportWithoutDisclosuresIsTheLivePublicOne() throws IOException {
		String live = BulletinJson.canonical(truce.bean(ComputingBulletin.class).compute(WEEK, Viewer.PUBLIC));
		String replayed = replayed(export("none", DisclosurePolicy.NONE));
		assertThat(replayed).isEqualTo(live);
		String staff = BulletinJson.canonical(truce.bean(ComputingBulletin.class).compute(WEEK, STAFF));
		assertThat(replayed).as("the public's bulletin is not the staff's").isNotEqualTo(staff);
	}

	@Test
	void anExportWithAChangedEntryIsRefusedNamingWhere() throws IOException {
		Path export = export("tampered-entry", DisclosurePolicy.ALL);
		Path entries = export.resolve("entries.jsonl");
		List<String> lines = new ArrayList<>(Files.readAllLines(entries));
		int line = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("\\\"kind\\\":\\\"agreement-version\\\"")) {
				line = i;
			}
		}
		assertThat(line).isNotNegative();
		lines.set(line, lines.get(line).replace("US-Russia arrangement", "US-Russia arrangemnt"));
		Files.write(entries, lines);
		assertThatThrownBy(() -> replayed(export)).isInstanceOf(RejectedException.class)
			.satisfies(ex -> assertThat(((RejectedException) ex).problems().get(0).code())
				.isEqualTo(ErrorCode.BULLETIN_EXPORT_REFUSED))
			.hasMessageContaining("does not verify")
			.hasMessageContaining("was changed");
	}

	@Test
	void anExportWithAChangedDisclosureIsRefusedNamingItsLine() throws IOException {
		Path export = export("tampered-disclosure", DisclosurePolicy.ALL);
		Path disclosures = export.resolve("disclosures.jsonl");
		List<String> lines = new ArrayList<>(Files.readAllLines(disclosures));
		int line = -1;
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains("\"VIOLATION\"")) {
				line = i;
				break;
			}
		}
		assertThat(line).as("a disclosed finding").isNotNegative();
		lines.set(line, lines.get(line).replaceFirst("\"VIOLATION\"", "\"NO_VIOLATION\""));
		Files.write(disclosures, lines);
		assertThatThrownBy(() -> replayed(export)).isInstanceOf(RejectedException.class)
			.hasMessageContaining("line " + (line + 1));
	}

	@Test
	void theCommandWritesTheSameBulletinJsonAndRefusesATamperedExportWithExitTwo() throws IOException {
		String live = BulletinJson.canonical(truce.bean(ComputingBulletin.class).compute(WEEK, STAFF));
		Path export = export("cli", DisclosurePolicy.ALL);
		Path out = dir.resolve("cli-bulletin");
		StringBuilder err = new StringBuilder();
		assertThat(bulletin(export, out, err)).as("%s", err).isZero();
		assertThat(Files.readAllBytes(out.resolve("bulletin.json"))).isEqualTo(live.getBytes(StandardCharsets.UTF_8));

		// An agreement the log does not hold: exit 2, with the reason and its code.
		StringBuilder unknown = new StringBuilder();
		assertThat(bulletin(export, "nope", dir.resolve("cli-unknown"), unknown)).isEqualTo(2);
		assertThat(unknown.toString()).contains("No agreement has the id nope").contains("UNKNOWN_AGREEMENT");
		assertThat(dir.resolve("cli-unknown")).doesNotExist();

		Path disclosures = export.resolve("disclosures.jsonl");
		List<String> lines = new ArrayList<>(Files.readAllLines(disclosures));
		int line = -1;
		for (int i = 0; i < lines.size() && line < 0; i++) {
			if (lines.get(i).contains("\"VIOLATION\"")) {
				line = i;
			}
		}
		lines.set(line, lines.get(line).replaceFirst("\"VIOLATION\"", "\"NO_VIOLATION\""));
		Files.write(disclosures, lines);
		StringBuilder refused = new StringBuilder();
		assertThat(bulletin(export, dir.resolve("cli-refused"), refused)).isEqualTo(2);
		assertThat(refused.toString()).contains("BULLETIN_EXPORT_REFUSED").contains("line " + (line + 1));
		assertThat(dir.resolve("cli-refused")).doesNotExist();
	}

	private static int bulletin(Path export, Path out, StringBuilder err) {
		return bulletin(export, AGREEMENT, out, err);
	}

	private static int bulletin(Path export, String agreement, Path out, StringBuilder err) {
		List<String> command = new ArrayList<>(List.of("bulletin", "--from-export", export.toString(), "--agreement",
				agreement, "--from", WEEK.from().toString(), "--to", WEEK.to().toString(), "--out", out.toString(),
				"--data", truce.dataDir().toString()));
		PrintStream stdout = System.out;
		PrintStream stderr = System.err;
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
		System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		try {
			return new CommandLine(new TruceMain()).execute(command.toArray(String[]::new));
		}
		finally {
			System.setOut(stdout);
			System.setErr(stderr);
			err.append(bytes.toString(StandardCharsets.UTF_8));
		}
	}

}
