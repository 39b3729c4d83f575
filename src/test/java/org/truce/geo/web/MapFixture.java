package org.truce.geo.web;

import org.truce.report.model.Estimate;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;

/**
 * Reports for the map: four placed events of three types in 2016, far enough apart to
 * pick on the map, and one country-wide total that the map must not draw.
 */
final class MapFixture {

	static final String SOURCE_ID = "jmt-monitors";

	static final String CONVOY_NARRATIVE = "An aid convoy of the Syrian Arab Red Crescent was struck at Urum al-Kubra"
			+ " while unloading; warehouses and trucks burned.";

	private MapFixture() {
	}

	static Source monitors() {
		return new Source(SOURCE_ID, "Joint monitoring team", SourceKind.MONITOR, Reliability.B);
	}

	/** 19 September 2016, west of Aleppo: the day the September truce broke down. */
	static ReportDraft airstrikeOnTheUrumAlKubraConvoy() {
		return new ReportDraft("air_drone_strike", new ReportDraft.When("2016-09-19", null, "DAY"),
				new ReportDraft.Where(36.1506, 36.9469, "EXACT", null, "Urum al-Kubra", "Aleppo", "Jebel Saman"),
				"Unidentified aircraft", "Syrian Arab Red Crescent",
				new ReportDraft.CasualtiesDraft(new Estimate(18, 20, 21), null, null, Estimate.best(20), null),
				CONVOY_NARRATIVE, SOURCE_ID, "JMT-2016-0919-01", null);
	}

	/** 27 April 2016, eastern Aleppo. */
	static ReportDraft airstrikeOnAlQudsHospital() {
		return new ReportDraft("Air/drone strike", new ReportDraft.When("2016-04-27", null, "DAY"),
				new ReportDraft.Where(36.1930, 37.1620, "EXACT", null, "al-Quds hospital, Sukkari", "Aleppo", null),
				"Syrian Air Force", null,
				new ReportDraft.CasualtiesDraft(new Estimate(50, 55, 60), null, null, null, null),
				"Strikes destroyed al-Quds hospital, one of the last paediatric doctors in eastern Aleppo among the dead.",
				SOURCE_ID, "JMT-2016-0427-03", null);
	}

	/** 10 March 2016, near Daraa, placed only to within about 25 km. */
	static ReportDraft shellingNearDaraa() {
		return new ReportDraft("shelling_artillery_missile_attack", new ReportDraft.When("2016-03-10", null, "DAY"),
				new ReportDraft.Where(32.6189, 36.1021, "NEAR", null, "Daraa al-Balad", "Dar'a", null), null, null,
				null, "Mortar fire on residential areas during the cessation of hostilities.", SOURCE_ID, null, null);
	}

	/** 24-27 March 2016, Palmyra; the days are known only to within a few days. */
	static ReportDraft clashesInPalmyra() {
		return new ReportDraft("armed_clash", new ReportDraft.When("2016-03-24", "2016-03-27", "DAYS"),
				new ReportDraft.Where(34.5560, 38.2670, "EXACT", null, "Tadmur", "Homs", null), "Syrian Army",
				"Islamic State", null, "Fighting for the town and its citadel.", SOURCE_ID, null, null);
	}

	/** The whole of 2016, the whole country: a total, not an event. */
	static ReportDraft countryWideTotalFor2016() {
		return new ReportDraft("armed_clash", new ReportDraft.When("2016-01-01", "2016-12-31", "YEAR"),
				new ReportDraft.Where(35.0, 38.0, "COUNTRY", null, "Syria", null, null), "Syrian Army", null,
				new ReportDraft.CasualtiesDraft(Estimate.best(8179), null, null, null, null),
				"Yearly total of battle deaths that the source could not place or date.", SOURCE_ID, null, null);
	}

}
