package org.truce.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.truce.actor.model.ActorRef;
import org.truce.report.application.Reports;
import org.truce.report.model.Attachment;
import org.truce.report.model.Casualties;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Estimate;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Reliability;
import org.truce.report.model.Report;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.report.model.WhoActed;
import org.truce.shared.Ids;

/** Named reports and sources for tests, and a builder for variations. */
public final class ReportFixture {

	/** Aleppo, the old city. */
	public static final double ALEPPO_LAT = 36.2021;

	public static final double ALEPPO_LON = 37.1343;

	private ReportFixture() {
	}

	public static Source ucdp() {
		return new Source("ucdp-ged", "UCDP Georeferenced Event Dataset", SourceKind.DATASET, Reliability.B);
	}

	public static Source monitor() {
		return new Source("monitor-aleppo", "Monitoring team Aleppo", SourceKind.MONITOR, Reliability.A);
	}

	/**
	 * The strike on the aid convoy at Urum al-Kubra, 19 September 2016, with every field
	 * of a report set: an ambiguous actor with candidates, a resolved target, casualty
	 * estimates with missing parts, attachments, flags and instants with milliseconds.
	 */
	public static Report airstrikeOnAidConvoyWithEveryField() {
		return report().type(EventType.AIR_DRONE_STRIKE)
			.basis("narrative mentions 'air strike'")
			.during(Instant.parse("2016-09-19T16:30:00.123Z"), Instant.parse("2016-09-19T19:45:59.999Z"),
					TimePrecision.EXACT)
			.where(new Location(36.1456, 36.9283, LocationPrecision.NEAR, 30_000, "Urum al-Kubra", "Aleppo",
					"Jebel Saman"))
			.actor(new ActorRef("the air force", null, ActorRef.ResolutionStatus.AMBIGUOUS,
					List.of("russian-air-force", "syrian-air-force")))
			.target(ActorRef.resolved("SARC", "syrian-arab-red-crescent"))
			.casualties(new Casualties(new Estimate(18, 20, 21), null, Estimate.best(0), new Estimate(null, 20, null),
					null))
			.narrative("Convoy of 31 trucks struck near a warehouse; “عرم الكبرى”, Ürüm — quotes \"kept\".")
			.externalId("ged-151243")
			.attachments(List.of(
					new Attachment("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "image/jpeg",
							"convoy.jpg"),
					new Attachment("60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752", "video/mp4",
							null)))
			.flags(EnumSet.of(DataFlag.ACTOR_AMBIGUOUS, DataFlag.ESTIMATE_ORDER_BROKEN, DataFlag.MULTILINE_FIELD))
			.recordedAt(Instant.parse("2016-09-20T08:00:00.457Z"))
			.submitter("0193a1f2-5c4e-7d3a-9b2f-6e1d4c3b2a10")
			.build();
	}

	public static Builder report() {
		return new Builder();
	}

	public static Reports.NewReport unkeyed(Report report) {
		return new Reports.NewReport(report, null, null);
	}

	public static Reports.NewReport keyed(Report report, String key, String digest) {
		return new Reports.NewReport(report, key, digest);
	}

	/** Defaults: an exact-time air strike in Aleppo on 19 September 2016, from UCDP. */
	public static final class Builder {

		private UUID id = Ids.newId(Clock.systemUTC());

		private EventType type = EventType.AIR_DRONE_STRIKE;

		private String basis;

		private TimeSpan when = new TimeSpan(Instant.parse("2016-09-19T12:00:00Z"),
				Instant.parse("2016-09-19T12:00:00Z"), TimePrecision.EXACT);

		private Location where = Location.of(ALEPPO_LAT, ALEPPO_LON, LocationPrecision.EXACT, "Aleppo");

		private ActorRef actor;

		private ActorRef target;

		private Casualties casualties = Casualties.NONE;

		private String narrative;

		private String sourceId = ucdp().id();

		private String externalId;

		private List<Attachment> attachments = List.of();

		private Set<DataFlag> flags = Set.of();

		private Instant recordedAt = Instant.parse("2016-09-20T00:00:00Z");

		private WhoActed whoActed = WhoActed.ACTOR;

		private EquipmentClass equipment;

		private String submitter;

		public Builder id(UUID id) {
			this.id = id;
			return this;
		}

		public Builder type(EventType type) {
			this.type = type;
			return this;
		}

		public Builder basis(String basis) {
			this.basis = basis;
			return this;
		}

		public Builder at(Instant instant) {
			this.when = new TimeSpan(instant, instant, TimePrecision.EXACT);
			return this;
		}

		public Builder during(Instant start, Instant end, TimePrecision precision) {
			this.when = new TimeSpan(start, end, precision);
			return this;
		}

		public Builder at(double lat, double lon) {
			this.where = Location.of(lat, lon, this.where.precision(), this.where.placeName());
			return this;
		}

		public Builder where(Location where) {
			this.where = where;
			return this;
		}

		public Builder precision(LocationPrecision precision) {
			this.where = Location.of(this.where.latitude(), this.where.longitude(), precision, this.where.placeName());
			return this;
		}

		public Builder actor(ActorRef actor) {
			this.actor = actor;
			return this;
		}

		public Builder actor(String actorId) {
			return actor(ActorRef.resolved(actorId, actorId));
		}

		public Builder target(ActorRef target) {
			this.target = target;
			return this;
		}

		public Builder target(String actorId) {
			return target(ActorRef.resolved(actorId, actorId));
		}

		public Builder casualties(Casualties casualties) {
			this.casualties = casualties;
			return this;
		}

		public Builder narrative(String narrative) {
			this.narrative = narrative;
			return this;
		}

		public Builder source(String sourceId) {
			this.sourceId = sourceId;
			return this;
		}

		public Builder externalId(String externalId) {
			this.externalId = externalId;
			return this;
		}

		public Builder attachments(List<Attachment> attachments) {
			this.attachments = attachments;
			return this;
		}

		public Builder flags(Set<DataFlag> flags) {
			this.flags = flags;
			return this;
		}

		public Builder recordedAt(Instant recordedAt) {
			this.recordedAt = recordedAt;
			return this;
		}

		public Builder whoActed(WhoActed whoActed) {
			this.whoActed = whoActed;
			return this;
		}

		public Builder equipment(EquipmentClass equipment) {
			this.equipment = equipment;
			return this;
		}

		/** Who submitted it: a user id, or {@code import:<run id>}. */
		public Builder submitter(String submitter) {
			this.submitter = submitter;
			return this;
		}

		public Report build() {
			return new Report(this.id, this.type, this.basis, this.when, this.where, this.actor, this.target,
					this.casualties, this.narrative, this.sourceId, this.externalId, this.attachments, this.flags,
					this.recordedAt, this.whoActed, this.equipment, this.submitter);
		}

	}

}
