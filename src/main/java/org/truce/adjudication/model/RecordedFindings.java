package org.truce.adjudication.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.truce.incident.model.Incident;

/**
 * What a {@code findings-recorded} ledger entry commits to, in its {@value #GROUP} group:
 * a write of one agreement's findings, as the store keeps them, with the facts of each
 * incident that a reader of the findings needs without the reports (its event type,
 * weapon class, interval, place, and who acted or may have). The store replaces either
 * all of the agreement's findings ({@link #whole}) or those of some incidents; the entry
 * says which, so that folding the entries in the log's order gives the findings the store
 * held after each write. Reasons are not carried (they are recomputed from the record);
 * the zones they name are.
 *
 * <p>
 * The value is plain JSON (maps, lists, strings, numbers, booleans, null), written by
 * {@link #value} and read back by {@link #read}.
 *
 * @param agreementId the agreement whose findings were written
 * @param whole whether all of its findings were replaced (a full run); otherwise only
 * those of {@link #replaced}
 * @param replaced the ids whose findings were replaced (for a partial write: the
 * incidents judged and the ids whose findings were dropped)
 * @param incidents the incidents judged, each with its findings (none: it has none now)
 */
public record RecordedFindings(String agreementId, boolean whole, List<String> replaced,
		List<RecordedIncident> incidents) {

	/** The entry's kind. */
	public static final String KIND = "findings-recorded";

	/** Its one committed group, opened to staff only. */
	public static final String GROUP = "findings";

	public RecordedFindings {
		Objects.requireNonNull(agreementId, "agreementId");
		replaced = List.copyOf(replaced);
		incidents = List.copyOf(incidents);
	}

	/**
	 * One incident as judged, with its findings under the agreement.
	 *
	 * @param actorId who acted, as {@link StoredFinding#actorId()}
	 * @param possiblePerpetrators as {@link StoredFinding#possiblePerpetrators()}
	 * @param equipment the weapon class's name, or null
	 * @param deaths the best estimate of deaths reported, or null when none is given
	 */
	public record RecordedIncident(String id, String eventType, String equipment, Instant start, Instant end,
			double latitude, double longitude, double uncertaintyMetres, Integer deaths, String actorId,
			List<String> possiblePerpetrators, List<RecordedFinding> findings) {

		public RecordedIncident {
			Objects.requireNonNull(id, "id");
			possiblePerpetrators = List.copyOf(possiblePerpetrators);
			findings = List.copyOf(findings);
		}

		/** The most serious outcome of its findings, or null when it has none. */
		public Outcome mostSerious() {
			return this.findings.stream()
				.map(RecordedFinding::outcome)
				.max(java.util.Comparator.comparingInt(Outcome::severity))
				.orElse(null);
		}

	}

	/**
	 * One finding: the term of one agreement version, under one view of its disputed
	 * facts (null without), its outcome, the facts missing for an undetermined one, the
	 * zones its reasons name, and its reasons.
	 */
	public record RecordedFinding(int version, String termId, String viewId, Outcome outcome, List<String> missing,
			List<String> zoneIds, List<Reason> reasons) {

		public RecordedFinding {
			Objects.requireNonNull(termId, "termId");
			Objects.requireNonNull(outcome, "outcome");
			missing = List.copyOf(missing);
			zoneIds = List.copyOf(zoneIds);
			reasons = List.copyOf(reasons);
		}

		/** The finding, as the adjudicator gave it, under this agreement. */
		public Finding finding(String agreementId, String incidentId) {
			Finding.Key key = new Finding.Key(incidentId, agreementId, this.version, this.termId, this.viewId);
			return switch (this.outcome) {
				case VIOLATION -> new Finding.Violation(key, this.reasons);
				case NO_VIOLATION -> new Finding.NoViolation(key, this.reasons);
				case UNDETERMINED -> new Finding.Undetermined(key,
						this.missing.stream().map(MissingFact::valueOf).toList(), this.reasons);
			};
		}

	}

	/** The record of a write of these incidents' findings, as the store is given them. */
	public static RecordedFindings of(String agreementId, boolean whole, List<String> replaced,
			Map<Incident, List<StoredFinding>> judged) {
		List<RecordedIncident> incidents = new ArrayList<>();
		judged.forEach((incident, findings) -> incidents.add(incident(incident, findings)));
		return new RecordedFindings(agreementId, whole, replaced, incidents);
	}

	private static RecordedIncident incident(Incident incident, List<StoredFinding> findings) {
		StoredFinding any = findings.isEmpty() ? null : findings.get(0);
		// an incident judged without a finding under the agreement: who acted as the live
		// bulletin reads it from the incident (ComputingBulletin), so that a replay
		// agrees
		String actorId = any != null ? any.actorId() : incident.knownActorId();
		List<String> possible = any != null ? any.possiblePerpetrators() : incident.possiblePerpetratorIds();
		List<RecordedFinding> recorded = findings.stream().map(s -> {
			Finding f = s.finding();
			List<String> missing = f instanceof Finding.Undetermined u ? u.missing().stream().map(Enum::name).toList()
					: List.of();
			return new RecordedFinding(f.key().agreementVersion(), f.key().termId(), f.key().viewId(), f.outcome(),
					missing, s.zoneIds(), f.reasons());
		}).toList();
		Integer deaths = incident.casualties().total() == null ? null : incident.casualties().total().best();
		return new RecordedIncident(incident.id(), incident.eventType().name(),
				incident.equipment() == null ? null : incident.equipment().name(), incident.when().start(),
				incident.when().end(), incident.where().latitude(), incident.where().longitude(),
				incident.where().uncertaintyMetres(), deaths, actorId, possible, recorded);
	}

	/** The group's JSON value. */
	public Map<String, Object> value() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("agreement", this.agreementId);
		value.put("whole", this.whole);
		value.put("replaced", this.replaced);
		List<Object> incidents = new ArrayList<>();
		for (RecordedIncident i : this.incidents) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", i.id());
			m.put("eventType", i.eventType());
			m.put("equipment", i.equipment());
			m.put("start", i.start().toString());
			m.put("end", i.end().toString());
			m.put("latitude", i.latitude());
			m.put("longitude", i.longitude());
			m.put("uncertaintyMetres", i.uncertaintyMetres());
			m.put("deaths", i.deaths());
			m.put("actor", i.actorId());
			m.put("possiblePerpetrators", i.possiblePerpetrators());
			List<Object> findings = new ArrayList<>();
			for (RecordedFinding f : i.findings()) {
				Map<String, Object> fm = new LinkedHashMap<>();
				fm.put("version", f.version());
				fm.put("term", f.termId());
				fm.put("view", f.viewId());
				fm.put("outcome", f.outcome().name());
				fm.put("missing", f.missing());
				fm.put("zones", f.zoneIds());
				List<Object> reasons = new ArrayList<>();
				for (Reason r : f.reasons()) {
					Map<String, Object> rm = new LinkedHashMap<>();
					rm.put("code", r.code().name());
					rm.put("detail", r.detail());
					rm.put("data", new LinkedHashMap<>(r.data()));
					reasons.add(rm);
				}
				fm.put("reasons", reasons);
				findings.add(fm);
			}
			m.put("findings", findings);
			incidents.add(m);
		}
		value.put("incidents", incidents);
		return value;
	}

	/**
	 * Reads a group's value back, as {@link #value} wrote it (parsed into maps, lists,
	 * strings, numbers, booleans and null).
	 * @throws IllegalArgumentException when it is not such a value
	 */
	public static RecordedFindings read(Object parsed) {
		Map<?, ?> value = map(parsed, "the value");
		List<RecordedIncident> incidents = new ArrayList<>();
		for (Object o : list(value.get("incidents"), "incidents")) {
			Map<?, ?> m = map(o, "an incident");
			List<RecordedFinding> findings = new ArrayList<>();
			for (Object f : list(m.get("findings"), "findings")) {
				Map<?, ?> fm = map(f, "a finding");
				findings.add(new RecordedFinding(number(fm.get("version"), "version").intValue(),
						string(fm.get("term"), "term"), (String) fm.get("view"),
						Outcome.valueOf(string(fm.get("outcome"), "outcome")), strings(fm.get("missing"), "missing"),
						strings(fm.get("zones"), "zones"), reasons(fm.get("reasons"))));
			}
			incidents.add(new RecordedIncident(string(m.get("id"), "id"), string(m.get("eventType"), "eventType"),
					(String) m.get("equipment"), Instant.parse(string(m.get("start"), "start")),
					Instant.parse(string(m.get("end"), "end")), number(m.get("latitude"), "latitude").doubleValue(),
					number(m.get("longitude"), "longitude").doubleValue(),
					number(m.get("uncertaintyMetres"), "uncertaintyMetres").doubleValue(),
					m.get("deaths") == null ? null : number(m.get("deaths"), "deaths").intValue(),
					(String) m.get("actor"), strings(m.get("possiblePerpetrators"), "possiblePerpetrators"), findings));
		}
		return new RecordedFindings(string(value.get("agreement"), "agreement"),
				Boolean.TRUE.equals(value.get("whole")), strings(value.get("replaced"), "replaced"), incidents);
	}

	private static List<Reason> reasons(Object o) {
		List<Reason> reasons = new ArrayList<>();
		for (Object r : list(o, "reasons")) {
			Map<?, ?> rm = map(r, "a reason");
			Map<String, String> data = new LinkedHashMap<>();
			map(rm.get("data"), "a reason's data").forEach((k, v) -> data.put(string(k, "a key"), string(v, "data")));
			reasons
				.add(new Reason(ReasonCode.valueOf(string(rm.get("code"), "code")), (String) rm.get("detail"), data));
		}
		return reasons;
	}

	private static Map<?, ?> map(Object o, String what) {
		if (o instanceof Map<?, ?> m) {
			return m;
		}
		throw new IllegalArgumentException(what + " is not an object");
	}

	private static List<?> list(Object o, String what) {
		if (o instanceof List<?> l) {
			return l;
		}
		throw new IllegalArgumentException(what + " is not a list");
	}

	private static String string(Object o, String what) {
		if (o instanceof String s) {
			return s;
		}
		throw new IllegalArgumentException(what + " is not a string");
	}

	private static Number number(Object o, String what) {
		if (o instanceof Number n) {
			return n;
		}
		throw new IllegalArgumentException(what + " is not a number");
	}

	private static List<String> strings(Object o, String what) {
		return list(o, what).stream().map(s -> string(s, what)).toList();
	}

}
