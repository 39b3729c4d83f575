package org.truce.bulletin.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.Outcome;
import org.truce.bulletin.model.Bulletin.Counts;
import org.truce.bulletin.model.BulletinInputs.AccessFacts;
import org.truce.bulletin.model.BulletinInputs.IncidentFacts;
import org.truce.rfi.model.RequestForInformation;
import org.truce.rfi.model.RfiTally;

/**
 * Computes a bulletin from its inputs. A pure function: it reads no clock and draws no
 * random number, so the same query and inputs give the same bulletin, and the same
 * {@code bulletin.json} byte for byte.
 */
public final class Bulletins {

	/** Attributed to the party: the sources say it acted. */
	public static final String ATTRIBUTED = "ATTRIBUTED";

	/** One of several who may have acted: charged with nothing alone. */
	public static final String ONE_OF = "ONE_OF";

	/** Nobody is named. */
	public static final String UNKNOWN = "UNKNOWN";

	/** The actor id of the row of incidents in which nobody is named. */
	public static final String NOBODY = "(unknown)";

	/**
	 * The zone of incidents in no zone of the agreement, and the weapon class of none.
	 */
	public static final String NONE = "(none)";

	/** The zone of incidents whose place the reader may not see. */
	public static final String WITHHELD = "(withheld)";

	private Bulletins() {
	}

	public static Bulletin compute(BulletinQuery query, BulletinInputs inputs) {
		BulletinInputs.AgreementFacts agreement = inputs.agreement();
		ZoneId zone = agreement.timeZone();
		Instant start = query.from().atStartOfDay(zone).toInstant();
		Instant end = query.to().plusDays(1).atStartOfDay(zone).toInstant();
		BulletinQuery previous = query.previous();
		Instant previousStart = previous.from().atStartOfDay(zone).toInstant();
		List<IncidentFacts> current = incidents(inputs, query, start, end);
		List<IncidentFacts> before = incidents(inputs, query, previousStart, start);

		Map<String, Long> byOutcome = new LinkedHashMap<>();
		for (Outcome o : List.of(Outcome.VIOLATION, Outcome.UNDETERMINED, Outcome.NO_VIOLATION)) {
			byOutcome.put(o.name(), current.stream().filter(i -> i.worst() == o).count());
		}
		long notAssessed = current.stream().filter(i -> i.worst() == null).count();

		Map<String, Counts> zones = new TreeMap<>();
		agreement.zones().keySet().forEach(z -> zones.put(z, Counts.ZERO));
		Map<String, Counts> extraZones = new TreeMap<>();
		Map<List<String>, Counts> parties = new TreeMap<>(Bulletins::compareKeys);
		Map<String, Counts> types = new TreeMap<>();
		Map<String, Counts> weapons = new TreeMap<>();
		Map<LocalDate, Counts> daily = new TreeMap<>();
		for (LocalDate d = query.from(); !d.isAfter(query.to()); d = d.plusDays(1)) {
			daily.put(d, Counts.ZERO);
		}
		Map<List<String>, Counts> dailyByParty = new TreeMap<>(Bulletins::compareKeys);
		List<Bulletin.IncidentRow> incidentRows = new ArrayList<>();
		for (IncidentFacts i : current) {
			if (i.placeWithheld()) {
				extraZones.merge(WITHHELD, Counts.ZERO.plus(i.worst()), Bulletins::sum);
			}
			else if (i.zoneIds().isEmpty()) {
				extraZones.merge(NONE, Counts.ZERO.plus(i.worst()), Bulletins::sum);
			}
			else {
				for (String z : i.zoneIds().stream().distinct().toList()) {
					zones.merge(z, Counts.ZERO.plus(i.worst()), Bulletins::sum);
				}
			}
			LocalDate day = i.start().atZone(zone).toLocalDate();
			for (List<String> party : partiesOf(i)) {
				parties.merge(party, Counts.ZERO.plus(i.worst()), Bulletins::sum);
				dailyByParty.merge(List.of(day.toString(), party.get(0), party.get(1)), Counts.ZERO.plus(i.worst()),
						Bulletins::sum);
			}
			types.merge(i.eventType(), Counts.ZERO.plus(i.worst()), Bulletins::sum);
			weapons.merge(i.weaponClass() == null ? NONE : i.weaponClass(), Counts.ZERO.plus(i.worst()),
					Bulletins::sum);
			daily.merge(day, Counts.ZERO.plus(i.worst()), Bulletins::sum);
			List<List<String>> ps = partiesOf(i);
			incidentRows.add(new Bulletin.IncidentRow(i.id(), i.start(), day, i.eventType(), i.weaponClass(),
					i.worst() == null ? "NOT_ASSESSED" : i.worst().name(), ps.get(0).get(1),
					ps.get(0).get(1).equals(UNKNOWN) ? null : String.join(";", ps.stream().map(p -> p.get(0)).toList()),
					i.placeWithheld() ? WITHHELD : String.join(";", i.zoneIds()), i.latitude(), i.longitude()));
		}
		List<Bulletin.ZoneRow> zoneRows = new ArrayList<>();
		zones.forEach((z, c) -> zoneRows.add(new Bulletin.ZoneRow(z, agreement.zones().get(z), c)));
		extraZones.forEach((z, c) -> zoneRows.add(new Bulletin.ZoneRow(z, null, c)));
		List<Bulletin.PartyRow> partyRows = new ArrayList<>();
		parties.forEach((k, c) -> partyRows.add(new Bulletin.PartyRow(k.get(0), k.get(1), c)));
		List<Bulletin.DailyPartyRow> dailyPartyRows = new ArrayList<>();
		dailyByParty.forEach((k, c) -> dailyPartyRows
			.add(new Bulletin.DailyPartyRow(LocalDate.parse(k.get(0)), k.get(1), k.get(2), c)));

		List<String> notes = new ArrayList<>();
		notes.add("An incident belongs to the period in which its start falls, with days counted in " + zone.getId()
				+ ": from " + start + " (included) to " + end + " (excluded).");
		notes.add("Each incident is counted once, by its most serious outcome under the agreement "
				+ "(VIOLATION, then UNDETERMINED, then NO_VIOLATION).");
		notes.add(notAssessed + " incident(s) of the period have no finding under the agreement: they are counted "
				+ "as NOT_ASSESSED, apart from byOutcome.");
		notes.add("By party: when the sources say only that one of several actors acted, or the attribution is "
				+ "shared, the incident is counted under ONE_OF for each actor who may have acted, never as "
				+ "attributed to one of them; the rows by party therefore add up to more than the incidents.");
		notes.add("By zone: an incident in several zones counts in each; " + WITHHELD
				+ " counts incidents whose place is withheld from this reader (its reporter is at risk).");
		notes.add(readerNote(inputs.reader()));
		if (query.zoneId() != null || query.partyActorId() != null || query.eventType() != null) {
			notes.add("The filters (zone, party, event type) narrow the incidents only; requests for information, "
					+ "notifications, alerts and access requests are those of the whole period.");
		}

		List<Bulletin.ClockRow> clock = new ArrayList<>();
		if (inputs.clock() != null) {
			clock.add(clockRow(inputs.clock()));
		}
		else {
			notes.add(inputs.clockNote() == null ? "No compliance clock is given." : inputs.clockNote());
		}
		notes.add("Requests for information, notifications and access decisions are as they stood at the end of "
				+ "the period (" + end + ").");
		notes.add("An access decision's lead time runs from the request's recording to the party's asserted time "
				+ "of decision, in whole minutes.");

		return new Bulletin(
				new Bulletin.Header(agreement.id(), agreement.title(), zone.getId(), query.from(), query.to(), start,
						end, previous.from(), previous.to(), inputs.reader(), query.zoneId(), query.partyActorId(),
						query.eventType()),
				byOutcome, notAssessed, zoneRows, partyRows, rows(types, Bulletin.CategoryRow::new),
				rows(weapons, Bulletin.CategoryRow::new), rows(daily, Bulletin.DailyRow::new), dailyPartyRows,
				comparison(current, before), clock, rfis(inputs, start, end), notifications(inputs, start, end),
				alerts(inputs, start, end), access(inputs, start, end), accessOutcomes(inputs, start, end),
				incidentRows, notes);
	}

	/**
	 * The incidents that start in [start, end) and pass the query's filters, in order of
	 * start, then id.
	 */
	static List<IncidentFacts> incidents(BulletinInputs inputs, BulletinQuery q, Instant start, Instant end) {
		return inputs.incidents()
			.stream()
			.filter(i -> !i.start().isBefore(start) && i.start().isBefore(end))
			.filter(i -> q.zoneId() == null || (!i.placeWithheld() && i.zoneIds().contains(q.zoneId())))
			.filter(i -> q.partyActorId() == null || partiesOf(i).stream()
				.anyMatch(p -> p.get(0).equals(q.partyActorId()) && !p.get(1).equals(UNKNOWN)))
			.filter(i -> q.eventType() == null || q.eventType().equals(i.eventType()))
			.sorted(Comparator.comparing(IncidentFacts::start).thenComparing(IncidentFacts::id))
			.toList();
	}

	/**
	 * Under which party and attribution an incident is counted: {@code [actor, ONE_OF]}
	 * for each actor who may have acted when the sources do not say which (never
	 * attributed to one), else {@code [actor, ATTRIBUTED]}, else
	 * {@code [(unknown), UNKNOWN]}.
	 */
	public static List<List<String>> partiesOf(IncidentFacts i) {
		if (!i.possiblePerpetrators().isEmpty()) {
			return i.possiblePerpetrators().stream().distinct().sorted().map(p -> List.of(p, ONE_OF)).toList();
		}
		if (i.actorId() != null) {
			return List.of(List.of(i.actorId(), ATTRIBUTED));
		}
		return List.of(List.of(NOBODY, UNKNOWN));
	}

	private static List<Bulletin.ComparisonRow> comparison(List<IncidentFacts> current, List<IncidentFacts> before) {
		List<Bulletin.ComparisonRow> rows = new ArrayList<>();
		for (Outcome o : List.of(Outcome.VIOLATION, Outcome.UNDETERMINED, Outcome.NO_VIOLATION)) {
			rows.add(compare(o.name(), count(current, o), count(before, o)));
		}
		rows.add(compare("NOT_ASSESSED", count(current, null), count(before, null)));
		rows.add(compare("TOTAL", current.size(), before.size()));
		return rows;
	}

	private static long count(List<IncidentFacts> incidents, Outcome o) {
		return incidents.stream().filter(i -> i.worst() == o).count();
	}

	private static Bulletin.ComparisonRow compare(String measure, long current, long previous) {
		return new Bulletin.ComparisonRow(measure, current, previous, current - previous);
	}

	private static Bulletin.ClockRow clockRow(ComplianceClock.State s) {
		return new Bulletin.ClockRow(s.at(), s.phase().name(), s.quietDays(), s.countStartedAt(), s.unlockedAt(),
				s.pendingUndetermined(), s.violationsSinceStart(),
				s.lastReset() == null ? s.lastSeriousViolation() : s.lastReset().incidentId(),
				s.lastReset() == null ? null : s.lastReset().at(), s.view());
	}

	/**
	 * The requests sent in the period, by party, tallied by {@link RfiTally} as they
	 * stood at the end of the period: an answer recorded after it does not count.
	 */
	private static List<Bulletin.RfiRow> rfis(BulletinInputs inputs, Instant start, Instant end) {
		List<RequestForInformation> sent = new ArrayList<>();
		for (BulletinInputs.RfiFacts r : inputs.rfis()) {
			if (r.sentAt().isBefore(start) || !r.sentAt().isBefore(end)) {
				continue;
			}
			RequestForInformation.Answer answer = r.answeredAt() != null && r.answeredAt().isBefore(end)
					? new RequestForInformation.Answer("", "", "", r.answeredAt()) : null;
			sent.add(new RequestForInformation(uuid(r.id()), uuid(r.id()), r.party(), "", null, r.deadline(), "",
					r.requestedBySide(), r.sentAt(), answer, 1));
		}
		Instant at = end.minusNanos(1);
		return RfiTally.by(sent, RequestForInformation::party, at)
			.stream()
			.map(t -> new Bulletin.RfiRow(t.key(), t.sent(), t.answeredOnTime(), t.answeredLate(), t.overdue(),
					t.open()))
			.toList();
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			return UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static List<Bulletin.NotificationRow> notifications(BulletinInputs inputs, Instant start, Instant end) {
		Map<String, long[]> byParty = new TreeMap<>();
		for (BulletinInputs.NotificationFacts n : inputs.notifications()) {
			if (n.notifiedAt().isBefore(start) || !n.notifiedAt().isBefore(end)) {
				continue;
			}
			n.acknowledgedAt().forEach((party, at) -> {
				long[] c = byParty.computeIfAbsent(party, p -> new long[2]);
				c[at != null && at.isBefore(end) ? 0 : 1]++;
			});
		}
		List<Bulletin.NotificationRow> rows = new ArrayList<>();
		byParty.forEach((p, c) -> rows.add(new Bulletin.NotificationRow(p, c[0] + c[1], c[0], c[1])));
		return rows;
	}

	private static List<Bulletin.AlertRow> alerts(BulletinInputs inputs, Instant start, Instant end) {
		Map<List<String>, Long> counts = new TreeMap<>(Bulletins::compareKeys);
		for (BulletinInputs.AlertFacts a : inputs.alerts()) {
			if (!a.incidentStart().isBefore(start) && a.incidentStart().isBefore(end)) {
				counts.merge(List.of(a.placeKind(), a.proximity()), 1L, Long::sum);
			}
		}
		List<Bulletin.AlertRow> rows = new ArrayList<>();
		counts.forEach((k, n) -> rows.add(new Bulletin.AlertRow(k.get(0), k.get(1), n)));
		return rows;
	}

	private static List<AccessFacts> accessIn(BulletinInputs inputs, Instant start, Instant end) {
		return inputs.accessRequests()
			.stream()
			.filter(a -> !a.requestedAt().isBefore(start) && a.requestedAt().isBefore(end))
			.toList();
	}

	private static List<Bulletin.AccessRow> access(BulletinInputs inputs, Instant start, Instant end) {
		Map<String, List<AccessFacts.Decision>> byParty = new TreeMap<>();
		Map<String, List<Long>> leads = new TreeMap<>();
		for (AccessFacts a : accessIn(inputs, start, end)) {
			for (AccessFacts.Decision d : a.decisions()) {
				boolean decided = d.verdict() != null && d.decidedAt() != null && d.decidedAt().isBefore(end);
				byParty.computeIfAbsent(d.party(), p -> new ArrayList<>())
					.add(decided ? d : new AccessFacts.Decision(d.party(), null, null));
				if (decided) {
					leads.computeIfAbsent(d.party(), p -> new ArrayList<>())
						.add(Duration.between(a.requestedAt(), d.decidedAt()).toMinutes());
				}
			}
		}
		List<Bulletin.AccessRow> rows = new ArrayList<>();
		byParty.forEach((party, ds) -> {
			List<Long> l = leads.getOrDefault(party, List.of()).stream().sorted().toList();
			rows.add(new Bulletin.AccessRow(party, ds.size(), verdicts(ds, "APPROVED"), verdicts(ds, "CONDITIONAL"),
					verdicts(ds, "DENIED"), ds.stream().filter(d -> d.verdict() == null).count(),
					l.isEmpty() ? null : l.get((l.size() - 1) / 2), l.isEmpty() ? null : l.get(l.size() - 1)));
		});
		return rows;
	}

	private static long verdicts(List<AccessFacts.Decision> ds, String verdict) {
		return ds.stream().filter(d -> verdict.equals(d.verdict())).count();
	}

	private static List<Bulletin.AccessOutcomeRow> accessOutcomes(BulletinInputs inputs, Instant start, Instant end) {
		Map<String, Long> counts = new TreeMap<>();
		for (AccessFacts a : accessIn(inputs, start, end)) {
			counts.merge(a.outcome() == null ? "NONE_RECORDED" : a.outcome(), 1L, Long::sum);
		}
		List<Bulletin.AccessOutcomeRow> rows = new ArrayList<>();
		counts.forEach((k, n) -> rows.add(new Bulletin.AccessOutcomeRow(k, n)));
		return rows;
	}

	private static String readerNote(String reader) {
		return switch (reader) {
			case "staff" -> "Computed over the whole record, as monitors and co-chairs see it.";
			case "side" -> "Computed over what this liaison's side may see: incidents in which an actor of its side "
					+ "acted or was acted against, as it sees them.";
			default -> "Computed over the published record only, as the public sees it.";
		};
	}

	private static Counts sum(Counts a, Counts b) {
		return new Counts(a.violation() + b.violation(), a.undetermined() + b.undetermined(),
				a.noViolation() + b.noViolation(), a.notAssessed() + b.notAssessed());
	}

	private static int compareKeys(List<String> a, List<String> b) {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int c = a.get(i).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	private static <K, R> List<R> rows(Map<K, Counts> counts, java.util.function.BiFunction<K, Counts, R> row) {
		List<R> rows = new ArrayList<>();
		counts.forEach((k, c) -> rows.add(row.apply(k, c)));
		return rows;
	}

}
