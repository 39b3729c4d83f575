package org.truce.bulletin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.application.ExportedRecord;
import org.truce.bulletin.application.ReplayingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinJson;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.ExportingLedger;
import org.truce.ledger.application.VerifyingExport;
import org.truce.shared.ErrorCode;
import org.truce.shared.RejectedException;
import org.truce.testing.RunningTruce;
import org.truce.testing.SlowTest;
import org.truce.testing.TheDemo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Part 3 of issue 17 on the demo's whole record: the staff bulletin of September 2016
 * under the US-Russia arrangement, which counts the demo's request for information, its
 * convoy's notifications and the alerts they raised, and its access request with its
 * decisions and outcome, is computed again from a ledger export with every disclosure and
 * comes out byte for byte the same.
 */
@SlowTest
@ExtendWith(TheDemo.Shared.class)
class TheDemosBulletinReplayedFromItsLedgerExportTest {

	private static final BulletinQuery SEPTEMBER = new BulletinQuery("syria-arrangement-2016-09",
			LocalDate.parse("2016-09-01"), LocalDate.parse("2016-09-30"));

	private static final Viewer STAFF = new Viewer(Viewer.Reach.FULL, Set.of(), "monitor");

	private static RunningTruce truce;

	@TempDir
	static Path dir;

	@BeforeAll
	static void theDemo(TheDemo demo) {
		truce = demo.truce();
	}

	private static String live(BulletinQuery query, Viewer reader) {
		return BulletinJson.canonical(truce.bean(ComputingBulletin.class).compute(query, reader));
	}

	private static Path export(String name, DisclosurePolicy policy) throws IOException {
		Path out = Files.createDirectories(dir.resolve(name));
		truce.bean(ExportingLedger.class).export(out, policy);
		return out;
	}

	private static Bulletin replayed(Path export, BulletinQuery query) {
		ExportedRecord record = ExportedRecord.open(export, new VerifyingExport.Trust(null, null, List.of()));
		return truce.bean(ReplayingBulletin.class).compute(query, record);
	}

	@Test
	void theStaffBulletinOfTheDemosSeptemberWithItsRequestsIsRebuiltByteForByte() throws IOException {
		Bulletin bulletin = truce.bean(ComputingBulletin.class).compute(SEPTEMBER, STAFF);
		assertThat(bulletin.rfisByParty()).as("the demo's request for information").isNotEmpty();
		assertThat(bulletin.notifications()).as("the convoy's notifications").isNotEmpty();
		assertThat(bulletin.alerts()).as("the alerts the convoy's strike raised").isNotEmpty();
		assertThat(bulletin.byOutcome().values().stream().mapToLong(Long::longValue).sum()).as("judged incidents")
			.isPositive();
		assertReplayedByteForByte(SEPTEMBER);
	}

	/**
	 * An access request has no time of its own but its recording: the demo's was recorded
	 * when the demo was loaded, so it is counted in the month that ends tomorrow, under
	 * the cessation of hostilities, which has no end.
	 */
	@Test
	void theStaffBulletinOfTheMonthTheDemosAccessRequestWasRecordedInIsRebuiltByteForByte() throws IOException {
		LocalDate tomorrow = LocalDate
			.now(ZoneId.of(truce.http().get("/api/scenario").json().get("timeZone").asString()))
			.plusDays(1);
		BulletinQuery month = new BulletinQuery("syria-coh-2016-02", tomorrow.minusDays(30), tomorrow);
		Bulletin bulletin = truce.bean(ComputingBulletin.class).compute(month, STAFF);
		assertThat(bulletin.accessByParty()).as("the demo's access request, by party").isNotEmpty();
		assertThat(bulletin.accessByParty()).as("a party's conditional approval, with its lead time")
			.anyMatch(r -> r.conditioned() > 0 && r.leadTimeMaxMinutes() != null);
		assertThat(bulletin.accessOutcomes()).as("its outcome")
			.anyMatch(r -> r.outcome().equals("NOT_DELIVERED") && r.requests() == 1);
		assertReplayedByteForByte(month);
	}

	private static void assertReplayedByteForByte(BulletinQuery query) throws IOException {
		String before = live(query, STAFF);
		Path export = export("all-" + query.from(), DisclosurePolicy.ALL);
		String live = live(query, STAFF);
		assertThat(live).as("the record did not change while it was exported").isEqualTo(before);
		String replayed = BulletinJson.canonical(replayed(export, query));
		assertThat(replayed).isEqualTo(live);
		assertThat(replayed.getBytes(StandardCharsets.UTF_8)).isEqualTo(live.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void thePublicsBulletinOfTheDemoIsRefusedFromAnExportWithoutDisclosuresNamingAPublication() throws IOException {
		Path export = export("none", DisclosurePolicy.NONE);
		assertThatThrownBy(() -> replayed(export, SEPTEMBER)).isInstanceOf(RejectedException.class)
			.satisfies(ex -> assertThat(((RejectedException) ex).problems().get(0).code())
				.isEqualTo(ErrorCode.BULLETIN_EXPORT_REFUSED))
			.hasMessageContaining("publishes report")
			.hasMessageMatching("(?s).*entry \\d+ \\(line \\d+\\).*");
	}

}
