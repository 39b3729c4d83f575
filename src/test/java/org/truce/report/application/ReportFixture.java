package org.truce.report.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.Attachment;
import org.truce.report.model.Casualties;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Estimate;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;

/** Reports with awkward text, for export tests. */
public final class ReportFixture {

	private ReportFixture() {
	}

	/**
	 * A monitor's report whose narrative has commas, quotes, CRLF and a leading "=", with
	 * an attachment and an ambiguous target.
	 */
	public static Report monitorReportWithAwkwardText() {
		return new Report(UUID.fromString("01900000-0000-7000-8000-000000000001"),
				EventType.SHELLING_ARTILLERY_MISSILE_ATTACK, null,
				new TimeSpan(Instant.parse("2016-10-20T06:30:00Z"), Instant.parse("2016-10-20T06:30:00Z"),
						TimePrecision.EXACT),
				new Location(36.1937, 37.1502, LocationPrecision.SURVEYED, 150, "Bustan al-Qasr, \"crossing\"",
						"Aleppo", "Jebel Saman"),
				ActorRef.unresolved("=HYPERLINK(\"http://example.invalid\")"),
				new ActorRef("Free Army", null, ActorRef.ResolutionStatus.AMBIGUOUS, List.of("fsa", "nla")),
				new Casualties(new Estimate(1, 2, 5), null, null, Estimate.best(2), null),
				"Two shells landed near the crossing, during the pause.\r\nA second line, \"quoted\", ends here.",
				"monitor-team-3", "=1+2", List.of(new Attachment("a".repeat(64), "image/jpeg", "photo, crossing.jpg")),
				Set.of(DataFlag.TARGET_AMBIGUOUS, DataFlag.ACTOR_UNRESOLVED), Instant.parse("2016-10-20T07:00:00Z"));
	}

	/** A report at a tiny longitude, which must not be written with an exponent. */
	public static Report reportNearTheMeridian() {
		return new Report(UUID.fromString("01900000-0000-7000-8000-000000000002"), EventType.OTHER, "test rule",
				new TimeSpan(Instant.parse("2016-01-01T00:00:00Z"), Instant.parse("2016-01-01T23:59:59.999Z"),
						TimePrecision.DAY),
				Location.of(-0.0001, 0.00005, LocationPrecision.NEAR, null), null, null, Casualties.NONE, null,
				"monitor-team-3", null, List.of(), Set.of(), Instant.parse("2016-01-02T00:00:00Z"));
	}

}
