package org.truce.bulletin.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A bulletin: what happened under an agreement in a period of days, as one reader may see
 * it, computed by {@link Bulletins#compute}. Every count is of incidents whose start
 * falls in the period (days in the agreement's time zone), each counted once by its most
 * serious outcome under the agreement; incidents with no finding under it are counted
 * apart, as not assessed. Each table is a list of rows that is written as one CSV
 * ({@link #tables()}), and as one member of {@code tables} in {@code bulletin.json}
 * ({@link BulletinJson}).
 *
 * @param header what the bulletin is about, and for whom
 * @param byOutcome incidents by most serious outcome: {@code VIOLATION},
 * {@code UNDETERMINED}, {@code NO_VIOLATION} (always the three keys)
 * @param notAssessed incidents of the period with no finding under the agreement, not in
 * {@code byOutcome}
 * @param byZone by zone of the agreement ({@code (none)} for incidents in none,
 * {@code (withheld)} for those whose place the reader may not see): an incident in two
 * zones counts in both
 * @param byParty by party: attributed to it, "one of" several who may have acted (counted
 * for each of them, never as attributed), and unknown
 * @param byEventType by event type
 * @param byWeaponClass by weapon class ({@code (none)} when none is named)
 * @param daily each day of the period
 * @param dailyByParty each day of the period and party, as {@code byParty}
 * @param previousPeriod this period against the previous one of the same length
 * @param clock the compliance clock at the end of the period (one row, or none when the
 * agreement has no clock or the reader may not see it: see {@code notes})
 * @param rfisByParty requests for information sent in the period, by party asked, as they
 * stood at the end of the period
 * @param notifications humanitarian notifications notified in the period, by party
 * @param alerts proximity alerts about incidents that started in the period
 * @param accessByParty access requests made in the period, by party concerned, with the
 * decisions' lead times
 * @param accessOutcomes access requests made in the period, by outcome
 * @param incidents the incidents counted, one row each
 * @param notes what the reader should know to read the figures right
 */
public record Bulletin(Header header, Map<String, Long> byOutcome, long notAssessed, List<ZoneRow> byZone,
		List<PartyRow> byParty, List<CategoryRow> byEventType, List<CategoryRow> byWeaponClass, List<DailyRow> daily,
		List<DailyPartyRow> dailyByParty, List<ComparisonRow> previousPeriod, List<ClockRow> clock,
		List<RfiRow> rfisByParty, List<NotificationRow> notifications, List<AlertRow> alerts,
		List<AccessRow> accessByParty, List<AccessOutcomeRow> accessOutcomes, List<IncidentRow> incidents,
		List<String> notes) {

	public Bulletin {
		Objects.requireNonNull(header, "header");
		byOutcome = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byOutcome));
		byZone = List.copyOf(byZone);
		byParty = List.copyOf(byParty);
		byEventType = List.copyOf(byEventType);
		byWeaponClass = List.copyOf(byWeaponClass);
		daily = List.copyOf(daily);
		dailyByParty = List.copyOf(dailyByParty);
		previousPeriod = List.copyOf(previousPeriod);
		clock = List.copyOf(clock);
		rfisByParty = List.copyOf(rfisByParty);
		notifications = List.copyOf(notifications);
		alerts = List.copyOf(alerts);
		accessByParty = List.copyOf(accessByParty);
		accessOutcomes = List.copyOf(accessOutcomes);
		incidents = List.copyOf(incidents);
		notes = List.copyOf(notes);
	}

	/** How many incidents the period holds, assessed or not. */
	public long total() {
		return this.byOutcome.values().stream().mapToLong(Long::longValue).sum() + this.notAssessed;
	}

	/**
	 * What a bulletin is about.
	 *
	 * @param agreementId the agreement
	 * @param agreementTitle its title
	 * @param timeZone the zone its days are counted in
	 * @param from the first day
	 * @param to the last day (included)
	 * @param periodStart the first instant of the period: local midnight of {@code from}
	 * @param periodEnd the first instant after the period: local midnight after
	 * {@code to}
	 * @param previousFrom the first day of the previous period of the same length
	 * @param previousTo its last day
	 * @param reader the cut: {@code staff}, {@code side} or {@code public}
	 * @param zoneId the zone filter, or null
	 * @param partyActorId the party filter, or null
	 * @param eventType the event type filter, or null
	 */
	public record Header(String agreementId, String agreementTitle, String timeZone, LocalDate from, LocalDate to,
			Instant periodStart, Instant periodEnd, LocalDate previousFrom, LocalDate previousTo, String reader,
			String zoneId, String partyActorId, String eventType) {

	}

	/** Incidents by most serious outcome, and those not assessed. */
	public record Counts(long violation, long undetermined, long noViolation, long notAssessed) {

		public static final Counts ZERO = new Counts(0, 0, 0, 0);

		public long total() {
			return this.violation + this.undetermined + this.noViolation + this.notAssessed;
		}

		Counts plus(org.truce.adjudication.model.Outcome worst) {
			if (worst == null) {
				return new Counts(this.violation, this.undetermined, this.noViolation, this.notAssessed + 1);
			}
			return switch (worst) {
				case VIOLATION -> new Counts(this.violation + 1, this.undetermined, this.noViolation, this.notAssessed);
				case UNDETERMINED ->
					new Counts(this.violation, this.undetermined + 1, this.noViolation, this.notAssessed);
				case NO_VIOLATION ->
					new Counts(this.violation, this.undetermined, this.noViolation + 1, this.notAssessed);
			};
		}

		static final List<String> COLUMNS = List.of("violation", "undetermined", "no_violation", "not_assessed",
				"total");

		List<Object> values() {
			return List.of(this.violation, this.undetermined, this.noViolation, this.notAssessed, total());
		}

	}

	/** A row of a table, written as one CSV line and one JSON object. */
	public interface Row {

		/** The values, in the order of the table's columns. */
		List<Object> values();

	}

	public record ZoneRow(String zoneId, String zoneName, Counts counts) implements Row {

		static final List<String> COLUMNS = with(List.of("zone_id", "zone_name"), Counts.COLUMNS);

		@Override
		public List<Object> values() {
			return with(list(this.zoneId, this.zoneName), this.counts.values());
		}

	}

	/**
	 * @param actorId the party, or {@code (unknown)}
	 * @param attribution {@code ATTRIBUTED} (the sources say it acted), {@code ONE_OF}
	 * (it is one of several who may have acted, and is charged with nothing alone) or
	 * {@code UNKNOWN} (nobody is named)
	 */
	public record PartyRow(String actorId, String attribution, Counts counts) implements Row {

		static final List<String> COLUMNS = with(List.of("actor_id", "attribution"), Counts.COLUMNS);

		@Override
		public List<Object> values() {
			return with(list(this.actorId, this.attribution), this.counts.values());
		}

	}

	public record CategoryRow(String key, Counts counts) implements Row {

		static final List<String> COLUMNS = with(List.of("key"), Counts.COLUMNS);

		@Override
		public List<Object> values() {
			return with(list(this.key), this.counts.values());
		}

	}

	public record DailyRow(LocalDate day, Counts counts) implements Row {

		static final List<String> COLUMNS = with(List.of("day"), Counts.COLUMNS);

		@Override
		public List<Object> values() {
			return with(list(this.day.toString()), this.counts.values());
		}

	}

	public record DailyPartyRow(LocalDate day, String actorId, String attribution, Counts counts) implements Row {

		static final List<String> COLUMNS = with(List.of("day", "actor_id", "attribution"), Counts.COLUMNS);

		@Override
		public List<Object> values() {
			return with(list(this.day.toString(), this.actorId, this.attribution), this.counts.values());
		}

	}

	/**
	 * @param measure {@code VIOLATION}, {@code UNDETERMINED}, {@code NO_VIOLATION},
	 * {@code NOT_ASSESSED} or {@code TOTAL}
	 * @param current in this period
	 * @param previous in the previous period of the same length
	 * @param change {@code current - previous}
	 */
	public record ComparisonRow(String measure, long current, long previous, long change) implements Row {

		static final List<String> COLUMNS = List.of("measure", "current", "previous", "change");

		@Override
		public List<Object> values() {
			return List.of(this.measure, this.current, this.previous, this.change);
		}

	}

	/**
	 * The compliance clock at the end of the period (ComplianceClock.State).
	 */
	public record ClockRow(Instant at, String phase, long quietDays, Instant countStartedAt, Instant unlockedAt,
			int pendingUndetermined, int violationsSinceStart, String lastResetIncidentId, Instant lastResetAt,
			String view) implements Row {

		static final List<String> COLUMNS = List.of("at", "phase", "quiet_days", "count_started_at", "unlocked_at",
				"pending_undetermined", "violations_since_start", "last_reset_incident_id", "last_reset_at", "view");

		@Override
		public List<Object> values() {
			return list(text(this.at), this.phase, this.quietDays, text(this.countStartedAt), text(this.unlockedAt),
					this.pendingUndetermined, this.violationsSinceStart, this.lastResetIncidentId,
					text(this.lastResetAt), this.view);
		}

	}

	/**
	 * Requests sent in the period to one party, as they stood at the end of the period.
	 */
	public record RfiRow(String party, int sent, int answeredOnTime, int answeredLate, int overdue,
			int open) implements Row {

		static final List<String> COLUMNS = List.of("party", "sent", "answered_on_time", "answered_late", "overdue",
				"open");

		@Override
		public List<Object> values() {
			return List.of(this.party, this.sent, this.answeredOnTime, this.answeredLate, this.overdue, this.open);
		}

	}

	/**
	 * Notifications delivered to one party in the period: acknowledged by the end of the
	 * period or not.
	 */
	public record NotificationRow(String party, long notified, long acknowledged, long notAcknowledged) implements Row {

		static final List<String> COLUMNS = List.of("party", "notified", "acknowledged", "not_acknowledged");

		@Override
		public List<Object> values() {
			return List.of(this.party, this.notified, this.acknowledged, this.notAcknowledged);
		}

	}

	/** Alerts of one kind of place and proximity. */
	public record AlertRow(String placeKind, String proximity, long alerts) implements Row {

		static final List<String> COLUMNS = List.of("place_kind", "proximity", "alerts");

		@Override
		public List<Object> values() {
			return List.of(this.placeKind, this.proximity, this.alerts);
		}

	}

	/**
	 * One party's decisions on the access requests of the period. A lead time runs from
	 * the request's recording to the asserted time of the party's decision, in whole
	 * minutes; null when the party decided none.
	 */
	public record AccessRow(String party, long requests, long approved, long conditioned, long denied, long undecided,
			Long leadTimeMedianMinutes, Long leadTimeMaxMinutes) implements Row {

		static final List<String> COLUMNS = List.of("party", "requests", "approved", "conditioned", "denied",
				"undecided", "lead_time_median_minutes", "lead_time_max_minutes");

		@Override
		public List<Object> values() {
			return list(this.party, this.requests, this.approved, this.conditioned, this.denied, this.undecided,
					this.leadTimeMedianMinutes, this.leadTimeMaxMinutes);
		}

	}

	/**
	 * Access requests of the period by what came of them ({@code BLOCKED},
	 * {@code DELIVERED}, ..., {@code NONE_RECORDED}).
	 */
	public record AccessOutcomeRow(String outcome, long requests) implements Row {

		static final List<String> COLUMNS = List.of("outcome", "requests");

		@Override
		public List<Object> values() {
			return List.of(this.outcome, this.requests);
		}

	}

	/** One incident counted in the bulletin. */
	public record IncidentRow(String incidentId, Instant start, LocalDate day, String eventType, String weaponClass,
			String outcome, String attribution, String actors, String zones, Double latitude,
			Double longitude) implements Row {

		static final List<String> COLUMNS = List.of("incident_id", "start", "day", "event_type", "weapon_class",
				"outcome", "attribution", "actors", "zones", "latitude", "longitude");

		@Override
		public List<Object> values() {
			return list(this.incidentId, text(this.start), this.day.toString(), this.eventType, this.weaponClass,
					this.outcome, this.attribution, this.actors, this.zones, this.latitude, this.longitude);
		}

	}

	/**
	 * A table of the bulletin.
	 *
	 * @param name its name: the CSV is {@code <name>.csv}
	 * @param columns its header
	 * @param rows its rows
	 */
	public record Table(String name, List<String> columns, List<? extends Row> rows) {

	}

	/** The tables, in the order written. */
	public List<Table> tables() {
		return List.of(new Table("by_outcome", OutcomeRow.COLUMNS, outcomeRows()),
				new Table("by_zone", ZoneRow.COLUMNS, this.byZone),
				new Table("by_party", PartyRow.COLUMNS, this.byParty),
				new Table("by_event_type", CategoryRow.COLUMNS, this.byEventType),
				new Table("by_weapon_class", CategoryRow.COLUMNS, this.byWeaponClass),
				new Table("daily", DailyRow.COLUMNS, this.daily),
				new Table("daily_by_party", DailyPartyRow.COLUMNS, this.dailyByParty),
				new Table("previous_period", ComparisonRow.COLUMNS, this.previousPeriod),
				new Table("compliance_clock", ClockRow.COLUMNS, this.clock),
				new Table("rfis_by_party", RfiRow.COLUMNS, this.rfisByParty),
				new Table("notifications_by_party", NotificationRow.COLUMNS, this.notifications),
				new Table("alerts", AlertRow.COLUMNS, this.alerts),
				new Table("access_by_party", AccessRow.COLUMNS, this.accessByParty),
				new Table("access_outcomes", AccessOutcomeRow.COLUMNS, this.accessOutcomes),
				new Table("incidents", IncidentRow.COLUMNS, this.incidents));
	}

	/** The rows of {@code by_outcome}: the three outcomes, then NOT_ASSESSED. */
	public List<OutcomeRow> outcomeRows() {
		List<OutcomeRow> rows = new ArrayList<>();
		this.byOutcome.forEach((k, v) -> rows.add(new OutcomeRow(k, v)));
		rows.add(new OutcomeRow("NOT_ASSESSED", this.notAssessed));
		return rows;
	}

	/** Incidents of one most serious outcome, or not assessed. */
	public record OutcomeRow(String outcome, long incidents) implements Row {

		static final List<String> COLUMNS = List.of("outcome", "incidents");

		@Override
		public List<Object> values() {
			return List.of(this.outcome, this.incidents);
		}

	}

	static String text(Instant t) {
		return t == null ? null : t.toString();
	}

	/** A list that may hold nulls. */
	static List<Object> list(Object... values) {
		return java.util.Collections.unmodifiableList(java.util.Arrays.asList(values));
	}

	static <T> List<T> with(List<? extends T> a, List<? extends T> b) {
		List<T> out = new ArrayList<>(a);
		out.addAll(b);
		return out;
	}

}
