package org.truce.bulletin.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.truce.adjudication.model.Outcome;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinInputs;
import org.truce.bulletin.model.BulletinInputs.AgreementFacts;
import org.truce.bulletin.model.BulletinInputs.IncidentFacts;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.bulletin.model.Bulletins;

/**
 * A small bulletin whose agreement and zones are named in Arabic and Russian: seven
 * incidents in the first days of October 2016 around Aleppo, three of them violations,
 * one "one of" two parties, one with its place withheld.
 */
final class ABulletinInTwoScripts {

	static final String ARABIC = "وقف إطلاق النار";

	static final String CYRILLIC = "прекращение огня";

	static final String TITLE = "Aleppo pause " + ARABIC + " " + CYRILLIC;

	static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");

	static final SvgCharts.Backdrop BACKDROP = new SvgCharts.Backdrop(36.0, 35.5, 38.0, 37.0,
			List.<double[][]>of(
					new double[][] { { 36.2, 35.7 }, { 37.8, 35.7 }, { 37.8, 36.8 }, { 36.2, 36.8 }, { 36.2, 35.7 } }),
			List.<double[][]>of(new double[][] { { 36.9, 36.0 }, { 37.4, 36.0 }, { 37.4, 36.4 }, { 36.9, 36.0 } }));

	private ABulletinInTwoScripts() {
	}

	static Bulletin bulletin() {
		return bulletin(null);
	}

	static Bulletin bulletin(String partyFilter) {
		var agreement = new AgreementFacts("aleppo-pause", TITLE, DAMASCUS, Instant.parse("2016-09-12T16:00:00Z"), null,
				Map.of("government", List.of("syria-government", "russia"), "opposition", List.of("fsa")),
				Map.of("aleppo-east", "Aleppo east " + ARABIC, "aleppo-west", "Алеппо запад"));
		List<IncidentFacts> incidents = List.of(
				incident("i1", "2016-10-01T08:00:00Z", "aleppo-east", "syria-government", List.of(), Outcome.VIOLATION,
						36.21, 37.16),
				incident("i2", "2016-10-01T12:00:00Z", "aleppo-east", "russia", List.of(), Outcome.VIOLATION, 36.20,
						37.18),
				incident("i3", "2016-10-02T09:00:00Z", "aleppo-west", null, List.of("fsa", "syria-government"),
						Outcome.UNDETERMINED, 36.19, 37.10),
				incident("i4", "2016-10-03T10:00:00Z", "aleppo-west", "fsa", List.of(), Outcome.VIOLATION, 36.22,
						37.12),
				incident("i5", "2016-10-03T15:00:00Z", "aleppo-east", null, List.of(), Outcome.NO_VIOLATION, 36.25,
						37.20),
				incident("i6", "2016-10-04T07:00:00Z", "aleppo-west", "russia", List.of(), Outcome.NO_VIOLATION, 36.17,
						37.08),
				new IncidentFacts("i7", Instant.parse("2016-10-04T09:00:00Z"), "SHELLING_ARTILLERY", null, List.of(),
						true, "syria-government", List.of(), Outcome.UNDETERMINED, null, null));
		var inputs = new BulletinInputs(agreement, "staff", incidents, null, "The agreement has no compliance clock.",
				List.of(), List.of(), List.of(), List.of());
		return Bulletins.compute(new BulletinQuery("aleppo-pause", LocalDate.parse("2016-10-01"),
				LocalDate.parse("2016-10-07"), null, partyFilter, null), inputs);
	}

	private static IncidentFacts incident(String id, String start, String zone, String actor, List<String> oneOf,
			Outcome worst, double lat, double lon) {
		return new IncidentFacts(id, Instant.parse(start), "AIR_DRONE_STRIKE", "AIRCRAFT", List.of(zone), false, actor,
				oneOf, worst, lat, lon);
	}

}
