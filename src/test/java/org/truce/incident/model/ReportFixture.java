package org.truce.incident.model;

import java.time.Instant;

/**
 * Reports for the clustering tests: by default an exact-place (2 km) air strike in Aleppo
 * at 10:00 on 19 September 2016, by the Syrian government, from source "sohr", with no
 * external id. Withers change one thing each.
 */
record ReportFixture(ClusterInput input) {

	static final double ALEPPO_LAT = 36.2021;

	static final double ALEPPO_LON = 37.1343;

	static final long TEN_AM = Instant.parse("2016-09-19T10:00:00Z").getEpochSecond();

	/** Metres per degree of latitude on the mean sphere the engine uses. */
	static final double METRES_PER_LAT_DEGREE = Math.toRadians(1) * 6_371_008.771415;

	static ReportFixture airstrikeInAleppo(String id) {
		return new ReportFixture(new ClusterInput(id, ALEPPO_LAT, ALEPPO_LON, 2_000, TEN_AM, TEN_AM, "air_drone_strike",
				"syria-government", null, "sohr", null));
	}

	/** Moved north by this many metres along the meridian. */
	ReportFixture north(double metres) {
		ClusterInput i = this.input;
		return new ReportFixture(new ClusterInput(i.id(), i.latitude() + metres / METRES_PER_LAT_DEGREE, i.longitude(),
				i.uncertaintyMetres(), i.startEpochSecond(), i.endEpochSecond(), i.eventType(), i.actorId(),
				i.targetId(), i.sourceId(), i.externalId()));
	}

	ReportFixture uncertainty(double metres) {
		ClusterInput i = this.input;
		return new ReportFixture(new ClusterInput(i.id(), i.latitude(), i.longitude(), metres, i.startEpochSecond(),
				i.endEpochSecond(), i.eventType(), i.actorId(), i.targetId(), i.sourceId(), i.externalId()));
	}

	ReportFixture during(long start, long end) {
		ClusterInput i = this.input;
		return new ReportFixture(new ClusterInput(i.id(), i.latitude(), i.longitude(), i.uncertaintyMetres(), start,
				end, i.eventType(), i.actorId(), i.targetId(), i.sourceId(), i.externalId()));
	}

	ReportFixture hoursLater(double hours) {
		long shift = (long) (hours * 3_600);
		return during(this.input.startEpochSecond() + shift, this.input.endEpochSecond() + shift);
	}

	ReportFixture type(String code) {
		ClusterInput i = this.input;
		return new ReportFixture(
				new ClusterInput(i.id(), i.latitude(), i.longitude(), i.uncertaintyMetres(), i.startEpochSecond(),
						i.endEpochSecond(), code, i.actorId(), i.targetId(), i.sourceId(), i.externalId()));
	}

	ReportFixture by(String actorId) {
		ClusterInput i = this.input;
		return new ReportFixture(
				new ClusterInput(i.id(), i.latitude(), i.longitude(), i.uncertaintyMetres(), i.startEpochSecond(),
						i.endEpochSecond(), i.eventType(), actorId, i.targetId(), i.sourceId(), i.externalId()));
	}

	ReportFixture against(String targetId) {
		ClusterInput i = this.input;
		return new ReportFixture(
				new ClusterInput(i.id(), i.latitude(), i.longitude(), i.uncertaintyMetres(), i.startEpochSecond(),
						i.endEpochSecond(), i.eventType(), i.actorId(), targetId, i.sourceId(), i.externalId()));
	}

	ReportFixture from(String sourceId, String externalId) {
		ClusterInput i = this.input;
		return new ReportFixture(
				new ClusterInput(i.id(), i.latitude(), i.longitude(), i.uncertaintyMetres(), i.startEpochSecond(),
						i.endEpochSecond(), i.eventType(), i.actorId(), i.targetId(), sourceId, externalId));
	}

}
