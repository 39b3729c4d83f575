package org.truce.adjudication.model;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.actor.model.NameMatch;
import org.truce.actor.model.ActorType;
import org.truce.agreement.model.ActorSelector;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.ControlMap;
import org.truce.agreement.model.DailyHours;
import org.truce.agreement.model.Dispute;
import org.truce.agreement.model.Period;
import org.truce.agreement.model.Term;
import org.truce.agreement.model.TermException;
import org.truce.agreement.model.Zone;
import org.truce.deconfliction.model.ProtectedPlaceKind;
import org.truce.deconfliction.model.Proximity;
import org.truce.deconfliction.model.ProximityMatch;
import org.truce.incident.model.Incident;
import org.truce.report.model.EventType;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.WhoActed;
import org.truce.shared.Geodesic;

/**
 * Checks incidents against every term of one agreement version that is in force at the
 * incident's time. Zones and control areas are prepared once and indexed; an instance is
 * immutable and may be shared between threads.
 *
 * <p>
 * Each term's conditions (time, activity, place, perpetrator, target, exceptions) are
 * evaluated in three-valued logic. The finding is a violation when every condition holds,
 * no violation when any condition is known not to hold, and undetermined otherwise,
 * naming the facts that are missing. A term applies in one window, or in several when
 * daily hours cut it: an incident wholly inside one window finds the term in force; one
 * wholly outside every window finds it not in force, and yields no finding; one that
 * crosses a window's edge is undetermined.
 *
 * <p>
 * An agreement with disputed facts is judged under each combination of their views (at
 * most {@link Agreement#MAX_COMBINATIONS}), as if the views held. A term's finding is
 * given once for each combination of the views of the facts that bear on it (the
 * effective period bears on every term, a term's distances on that term alone), keyed by
 * those views' ids joined with {@code +} and naming each in its first reasons; a fact
 * that does not bear on the term multiplies nothing. Without disputes, findings carry no
 * view.
 *
 * <p>
 * When the sources do not say which of several actors acted (the sides of a dyad, or one
 * of several named), the perpetrator, target and exception conditions are evaluated for
 * each possible perpetrator (with, for a dyad, the other side as its target): a violation
 * only if every one of them would be, charged to none alone
 * ({@link ReasonCode#VIOLATION_BY_ONE_OF}); no violation if none would be; undetermined
 * otherwise ({@link MissingFact#WHO_ACTED_UNKNOWN}).
 */
public final class Adjudicator {

	private final Agreement agreement;

	private final ActorRegistry actors;

	private final Map<String, DiscRelation> zones = new HashMap<>();

	private final STRtree zoneIndex = new STRtree();

	private final List<PreparedArea> controlAreas = new ArrayList<>();

	private final STRtree controlIndex = new STRtree();

	private final Map<String, List<Period>> windows = new HashMap<>();

	private final Map<String, String> windowTexts = new HashMap<>();

	private final Map<String, Set<String>> termZones = new HashMap<>();

	private final Map<String, RouteGauge> routes = new HashMap<>();

	private final Map<String, List<String>> lineages = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * One adjudicator per combination of views of the agreement's disputed facts; empty
	 * without disputes.
	 */
	private final Map<List<Dispute.View>, Adjudicator> underViews = new java.util.LinkedHashMap<>();

	public Adjudicator(Agreement agreement, ControlMap control, ActorRegistry actors) {
		this.agreement = agreement;
		this.actors = actors;
		for (Zone zone : agreement.zones()) {
			DiscRelation relation = new DiscRelation(zone.geometry());
			this.zones.put(zone.id(), relation);
			this.zoneIndex.insert(relation.envelope(), zone.id());
		}
		this.zoneIndex.build();
		for (ControlArea area : control.areas()) {
			PreparedArea prepared = new PreparedArea(area, new DiscRelation(area.geometry()));
			this.controlAreas.add(prepared);
			this.controlIndex.insert(prepared.relation().envelope(), prepared);
		}
		this.controlIndex.build();
		for (Term term : agreement.terms()) {
			if (term.distances() != null) {
				agreement.zone(term.distances().routeZoneId())
					.filter(z -> z.route() != null)
					.ifPresent(z -> this.routes.put(term.id(), new RouteGauge(z.route())));
			}
			Set<String> zoneIds = new java.util.LinkedHashSet<>(term.zoneIds());
			if (zoneIds.isEmpty() && agreement.areaZoneId() != null) {
				zoneIds.add(agreement.areaZoneId());
			}
			this.termZones.put(term.id(), Set.copyOf(zoneIds));
			List<Period> windows = agreement.windows(term);
			if (!windows.isEmpty()) {
				this.windows.put(term.id(), windows);
				this.windowTexts.put(term.id(), String.join(", ",
						windows.stream().map(w -> w.start() + "/" + (w.end() == null ? "" : w.end())).toList()));
			}
		}
		if (!agreement.disputes().isEmpty()) {
			for (List<Dispute.View> views : agreement.combinations()) {
				this.underViews.put(views, new Adjudicator(agreement.under(views), control, actors));
			}
		}
	}

	public Agreement agreement() {
		return this.agreement;
	}

	/**
	 * The findings for every term in force at the incident's time, without knowing which
	 * notified places were near it: a term protecting humanitarian targets is then
	 * undetermined ({@link MissingFact#HUMANITARIAN_PROXIMITY_UNCHECKED}).
	 */
	public List<Finding> adjudicate(Incident incident) {
		return adjudicate(incident, null);
	}

	/**
	 * The findings for every term in force at the incident's time.
	 * @param humanitarian the notified sites and movements (not declared positions) the
	 * incident is surely or possibly within the alert distance of, whatever its type;
	 * null when not checked
	 */
	public List<Finding> adjudicate(Incident incident, List<ProximityMatch> humanitarian) {
		if (!this.underViews.isEmpty()) {
			return underEachView(incident, humanitarian);
		}
		List<Finding> out = new ArrayList<>();
		Map<String, DiscRelation.Result> zoneCache = null;
		Map<Object, Tri> boundCache = new HashMap<>();
		String interval = incident.when().start() + "/" + incident.when().end();
		for (Term term : this.agreement.terms()) {
			List<Period> windows = this.windows.get(term.id());
			if (windows == null || windows.stream()
				.allMatch(w -> w.relate(incident.when().start(), incident.when().end()) == Period.Relation.OUTSIDE)) {
				continue;
			}
			if (zoneCache == null) {
				zoneCache = nearbyZones(incident);
			}
			out.add(judge(incident, term, windows, interval, zoneCache, boundCache, humanitarian));
		}
		return out;
	}

	/**
	 * The findings under each combination of views of the disputed facts: each term's
	 * once per combination of the views of the facts that bear on it (under the first
	 * view of each other fact, which does not change it), keyed and labelled by those
	 * views.
	 */
	private List<Finding> underEachView(Incident incident, List<ProximityMatch> humanitarian) {
		List<Finding> out = new ArrayList<>();
		Map<String, Term> terms = new HashMap<>();
		this.agreement.terms().forEach(t -> terms.put(t.id(), t));
		this.underViews.forEach((views, adjudicator) -> {
			for (Finding f : adjudicator.adjudicate(incident, humanitarian)) {
				List<Dispute> bearing = this.agreement.disputesOf(terms.get(f.key().termId()));
				List<Dispute.View> held = new ArrayList<>();
				boolean first = true;
				for (int i = 0; i < views.size(); i++) {
					Dispute d = this.agreement.disputes().get(i);
					if (bearing.contains(d)) {
						held.add(views.get(i));
					}
					else if (!views.get(i).equals(d.views().get(0))) {
						first = false;
					}
				}
				if (!first) {
					continue;
				}
				if (held.isEmpty()) {
					out.add(f);
					continue;
				}
				String viewId = String.join("+", held.stream().map(Dispute.View::id).toList());
				out.add(Finding.underViews(f, viewId, held.stream().map(Adjudicator::underView).toList()));
			}
		});
		return out;
	}

	/** The reason that names a view a finding holds under, and what it holds. */
	private static Reason underView(Dispute.View view) {
		Map<String, String> data = new HashMap<>();
		data.put("view", view.id());
		data.put("viewLabel", view.label());
		data.put("heldBy", String.join(", ", view.heldBy()));
		data.put("sources", String.join("; ", view.sources()));
		String holds;
		if (view.effective() != null) {
			Period p = view.effective();
			data.put("viewEffective", p.start() + "/" + (p.end() == null ? "" : p.end()));
			holds = "the agreement was in force from " + p.start()
					+ (p.end() == null ? " with no end." : " to " + p.end() + ".");
		}
		else {
			data.put("viewDistances", view.distances().describe());
			holds = "the term's distances from " + view.distances().routeZoneId() + " were "
					+ view.distances().describe() + ".";
		}
		return new Reason(ReasonCode.UNDER_VIEW,
				"Under the view \"" + view.label() + "\", held by " + String.join(", ", view.heldBy()) + ": " + holds,
				data);
	}

	/**
	 * The relation of the incident to every zone whose envelope its disc may reach; every
	 * other zone is wholly outside.
	 */
	private Map<String, DiscRelation.Result> nearbyZones(Incident incident) {
		double lat = incident.where().latitude();
		double lon = incident.where().longitude();
		double radius = incident.where().uncertaintyMetres();
		double[] box = Geodesic.boundingBox(lat, lon, radius);
		Map<String, DiscRelation.Result> out = new java.util.LinkedHashMap<>();
		@SuppressWarnings("unchecked")
		List<String> candidates = this.zoneIndex.query(new Envelope(box[0], box[2], box[1], box[3]));
		for (String zoneId : candidates) {
			out.put(zoneId, this.zones.get(zoneId).relate(lat, lon, radius));
		}
		return out;
	}

	private Finding judge(Incident incident, Term term, List<Period> windows, String interval,
			Map<String, DiscRelation.Result> zoneCache, Map<Object, Tri> boundCache,
			List<ProximityMatch> humanitarian) {
		Tri activity = activity(incident, term);
		Tri time = time(incident, term, windows, interval);
		if (activity.value() == Tri.Value.FALSE) {
			Finding.Key key = new Finding.Key(incident.id(), this.agreement.id(), this.agreement.version(), term.id());
			return new Finding.NoViolation(key, List.of(time.reasons().get(0), activity.reasons().get(0)));
		}
		Finding.Key key = new Finding.Key(incident.id(), this.agreement.id(), this.agreement.version(), term.id());
		List<Tri> common = List.of(time, activity, place(incident, term, zoneCache));
		List<Hypothesis> hypotheses = hypotheses(incident);
		if (hypotheses.size() == 1) {
			Hypothesis h = hypotheses.get(0);
			List<Tri> checks = new ArrayList<>(common);
			checks.addAll(actorChecks(incident, term, h, boundCache, humanitarian));
			return combine(key, checks);
		}
		return oneOf(incident, term, key, common, hypotheses, boundCache, humanitarian);
	}

	/** The finding of these conditions: all must hold for a violation. */
	private static Finding combine(Finding.Key key, List<Tri> checks) {
		List<Reason> reasons = new ArrayList<>();
		checks.forEach(c -> reasons.addAll(c.reasons()));
		if (checks.stream().anyMatch(c -> c.value() == Tri.Value.FALSE)) {
			return new Finding.NoViolation(key, reasons);
		}
		Set<MissingFact> missing = new LinkedHashSet<>();
		checks.forEach(c -> missing.addAll(c.missing()));
		if (!missing.isEmpty()) {
			return new Finding.Undetermined(key, List.copyOf(missing), reasons);
		}
		return new Finding.Violation(key, reasons);
	}

	/**
	 * One possible perpetrator, with the target it acted against: for a dyad whose either
	 * side may have acted, the other side; otherwise the incident's target.
	 */
	private record Hypothesis(ActorRef actor, ActorRef target) {

		String label() {
			return this.actor == null ? "nobody named"
					: this.actor.actorId() != null ? this.actor.actorId() : "'" + this.actor.asReported() + "'";
		}

	}

	/**
	 * Who may have acted: one hypothesis when the sources say who acted (or name nobody),
	 * one per possible perpetrator otherwise ({@link WhoActed.Kind#EITHER_SIDE},
	 * {@link WhoActed.Kind#ONE_OF}).
	 */
	private static List<Hypothesis> hypotheses(Incident incident) {
		WhoActed who = incident.whoActed();
		List<ActorRef> possible = who.possible(incident.actor(), incident.target());
		if (who.known() || possible.size() < 2) {
			return List.of(new Hypothesis(incident.actor(), incident.target()));
		}
		return possible.stream()
			.map(p -> new Hypothesis(p, who.targetOf(p, incident.actor(), incident.target())))
			.toList();
	}

	/** The conditions that depend on who acted and against whom. */
	private List<Tri> actorChecks(Incident incident, Term term, Hypothesis h, Map<Object, Tri> boundCache,
			List<ProximityMatch> humanitarian) {
		return List.of(
				boundCache.computeIfAbsent(List.of(term.by(), h.label()), k -> perpetrator(incident, term, h.actor())),
				target(incident, term, humanitarian, h.target()), exceptions(incident, term, h));
	}

	/**
	 * The finding when the sources leave open which of several actors acted: each
	 * hypothesis is judged on its own. A violation only when every hypothesis is one (a
	 * violation by one of them, or both, with attribution undetermined); no violation
	 * when none is; otherwise undetermined, for want of knowing who acted.
	 */
	private Finding oneOf(Incident incident, Term term, Finding.Key key, List<Tri> common, List<Hypothesis> hypotheses,
			Map<Object, Tri> boundCache, List<ProximityMatch> humanitarian) {
		Finding shared = combine(key, common);
		if (shared instanceof Finding.NoViolation) {
			return shared;
		}
		List<Reason> reasons = new ArrayList<>(shared.reasons());
		Set<MissingFact> missing = new LinkedHashSet<>(
				shared instanceof Finding.Undetermined u ? u.missing() : List.of());
		List<String> violating = new ArrayList<>();
		List<String> notViolating = new ArrayList<>();
		List<String> open = new ArrayList<>();
		for (Hypothesis h : hypotheses) {
			Finding each = combine(key, actorChecks(incident, term, h, boundCache, humanitarian));
			each.reasons().forEach(r -> reasons.add(withHypothesis(r, h)));
			switch (each.outcome()) {
				case VIOLATION -> violating.add(h.label());
				case NO_VIOLATION -> notViolating.add(h.label());
				case UNDETERMINED -> {
					open.add(h.label());
					missing.addAll(((Finding.Undetermined) each).missing());
				}
			}
		}
		List<String> all = hypotheses.stream().map(Hypothesis::label).toList();
		Map<String, String> data = new HashMap<>();
		data.put(Finding.Violation.POSSIBLE_PERPETRATORS, String.join(",", all));
		data.put("whoActed", incident.whoActed().kind().name());
		data.put("violatingIf", String.join(",", violating));
		data.put("notViolatingIf", String.join(",", notViolating));
		data.put("undeterminedIf", String.join(",", open));
		String names = String.join(" or ", all);
		if (notViolating.size() == hypotheses.size()) {
			reasons.add(new Reason(ReasonCode.NO_POSSIBLE_PERPETRATOR_VIOLATES,
					"The sources do not say whether " + names + " acted; whichever did, the term is not violated.",
					data));
			return new Finding.NoViolation(key, reasons);
		}
		if (violating.size() == hypotheses.size() && missing.isEmpty()) {
			reasons.add(new Reason(ReasonCode.VIOLATION_BY_ONE_OF,
					"A violation by one of " + names + ", or both; the sources do not say which: attribution is"
							+ " undetermined, and neither is charged alone.",
					data));
			return new Finding.Violation(key, reasons);
		}
		missing.add(MissingFact.WHO_ACTED_UNKNOWN);
		reasons.add(new Reason(ReasonCode.WHO_ACTED_UNKNOWN,
				"The sources do not say whether " + names + " acted, and the finding depends on it"
						+ (violating.isEmpty() ? "" : ": a violation if " + String.join(" or ", violating) + " acted")
						+ (notViolating.isEmpty() ? "" : "; none if " + String.join(" or ", notViolating) + " did")
						+ ".",
				data));
		return new Finding.Undetermined(key, List.copyOf(missing), reasons);
	}

	/** The reason, saying in its data which possible perpetrator it was found for. */
	private static Reason withHypothesis(Reason r, Hypothesis h) {
		Map<String, String> data = new HashMap<>(r.data());
		data.put("ifActed", h.label());
		return new Reason(r.code(), "If " + h.label() + " acted: " + r.detail(), data);
	}

	/**
	 * Whether the term was in force over the incident's interval: yes when the interval
	 * lies wholly inside one of its windows; unknown when it crosses a window's edge (the
	 * caller has left out incidents wholly outside every window).
	 */
	private Tri time(Incident incident, Term term, List<Period> windows, String interval) {
		Instant from = incident.when().start();
		Instant to = incident.when().end();
		Map<String, String> data = Map.of("termWindow", this.windowTexts.get(term.id()), "incidentInterval", interval,
				"timePrecision", incident.when().precision().name());
		DailyHours hours = term.daily() != null ? term.daily() : this.agreement.daily();
		for (Period window : windows) {
			if (window.relate(from, to) == Period.Relation.INSIDE) {
				return Tri.yes(new Reason(ReasonCode.TERM_IN_FORCE,
						"Term " + term.id() + " was in force for the whole" + " of the incident's interval"
								+ (windows.size() > 1 || hours != null
										? ", within its window " + window.start() + "/" + window.end() + "." : "."),
						data));
			}
		}
		Period crossed = windows.stream()
			.filter(w -> w.relate(from, to) == Period.Relation.STRADDLES)
			.findFirst()
			.orElse(windows.get(0));
		return Tri.unknown(MissingFact.TIME_STRADDLES_TERM_BOUNDARY,
				new Reason(ReasonCode.TERM_WINDOW_STRADDLED, straddled(incident, term, crossed, hours), data));
	}

	/**
	 * Why the incident's time leaves open whether the term was in force: for an event
	 * timed only to the day, which day that is and what happens to the term on it.
	 */
	private static String straddled(Incident incident, Term term, Period crossed, DailyHours hours) {
		Instant from = incident.when().start();
		Instant to = incident.when().end();
		if (incident.when().precision() != TimePrecision.DAY) {
			return "The incident's interval (" + incident.when().precision() + " precision) crosses the start or end"
					+ (hours == null ? "" : " of a daily window (" + hours + ")") + " of term " + term.id() + ".";
		}
		ZoneOffset offset = dayOffset(from);
		String day = "The incident is timed only to the day (" + from.atOffset(offset).toLocalDate() + ")";
		if (hours != null) {
			return day + ", which is a day on which term " + term.id() + " applies only from " + hours.from() + " to "
					+ hours.to() + " (" + hours.zone() + "): whether it fell within those hours is not known.";
		}
		boolean begins = !crossed.start().isBefore(from) && crossed.start().isBefore(to);
		boolean ends = crossed.end() != null && !crossed.end().isBefore(from) && crossed.end().isBefore(to);
		String edge = begins && ends ? "begins and ends" : begins ? "begins" : "ends";
		Instant at = begins ? crossed.start() : crossed.end();
		return day + ", which is the day term " + term.id() + " " + edge + " (at " + at.atOffset(offset)
				+ "): whether it happened before or after is not known.";
	}

	/**
	 * The offset at which an interval that starts at a local midnight starts at midnight,
	 * read back from its start in UTC (00:00 to 12:00 UTC is a zone behind UTC, the rest
	 * a zone ahead), to name a calendar day as the source gave it.
	 */
	private static ZoneOffset dayOffset(Instant start) {
		int second = start.atOffset(ZoneOffset.UTC).toLocalTime().toSecondOfDay();
		int seconds = second <= 12 * 3600 ? -second : 24 * 3600 - second;
		return seconds > 14 * 3600 ? ZoneOffset.UTC : ZoneOffset.ofTotalSeconds(seconds);
	}

	private Tri activity(Incident incident, Term term) {
		Map<String, String> data = Map.of("eventType", incident.eventType().code());
		if (term.prohibits().contains(incident.eventType())) {
			return Tri.yes(new Reason(ReasonCode.ACTIVITY_PROHIBITED,
					"The term prohibits " + incident.eventType().label() + ".", data));
		}
		return Tri.no(new Reason(ReasonCode.ACTIVITY_NOT_PROHIBITED,
				"The term does not prohibit " + incident.eventType().label() + ".", data));
	}

	private Tri place(Incident incident, Term term, Map<String, DiscRelation.Result> nearby) {
		if (term.distances() != null) {
			return Withdrawal.check(term, this.routes.get(term.id()), incident);
		}
		Set<String> zoneIds = this.termZones.get(term.id());
		if (zoneIds.isEmpty()) {
			return Tri.yes(Reason.of(ReasonCode.WHOLE_AREA, "The term applies everywhere."));
		}
		double radius = incident.where().uncertaintyMetres();
		List<Reason> straddled = new ArrayList<>();
		for (Map.Entry<String, DiscRelation.Result> near : nearby.entrySet()) {
			String zoneId = near.getKey();
			DiscRelation.Result r = near.getValue();
			if (r.relation() == DiscRelation.Relation.OUTSIDE || !zoneIds.contains(zoneId)) {
				continue;
			}
			Map<String, String> data = new HashMap<>();
			data.put("zone", zoneId);
			data.put("uncertaintyMetres", String.valueOf(Math.round(radius)));
			data.put("locationPrecision", incident.where().precision().name());
			data.put("edgeDistanceMetres", String.valueOf(Math.round(r.edgeMetres())));
			if (r.relation() == DiscRelation.Relation.INSIDE) {
				return Tri.yes(new Reason(ReasonCode.INSIDE_ZONE, "The incident lies inside zone " + zoneId
						+ " with all of its " + Math.round(radius) + " m uncertainty radius.", data));
			}
			straddled.add(new Reason(ReasonCode.ZONE_EDGE_STRADDLED, "The incident's " + Math.round(radius)
					+ " m uncertainty radius crosses the edge of zone " + zoneId + ".", data));
		}
		if (!straddled.isEmpty()) {
			return new Tri(Tri.Value.UNKNOWN, straddled, List.of(MissingFact.LOCATION_STRADDLES_ZONE_EDGE));
		}
		Map<String, String> data = new HashMap<>();
		data.put("zoneCount", String.valueOf(zoneIds.size()));
		data.put("uncertaintyMetres", String.valueOf(Math.round(radius)));
		data.put("locationPrecision", incident.where().precision().name());
		return Tri.no(new Reason(ReasonCode.OUTSIDE_ZONE,
				"The incident lies outside "
						+ (zoneIds.size() == 1 ? "zone " + zoneIds.iterator().next()
								: "all " + zoneIds.size() + " zones of the term")
						+ " with all of its " + Math.round(radius) + " m uncertainty radius.",
				data));
	}

	private Tri perpetrator(Incident incident, Term term, ActorRef actor) {
		if (incident.attribution().contested()) {
			Map<String, String> contest = new HashMap<>();
			contest.put("conflicts", String.valueOf(incident.attribution().conflicts().size()));
			if (incident.actor() != null) {
				contest.put("asReported", incident.actor().asReported());
			}
			return Tri.unknown(MissingFact.ATTRIBUTION_CONTESTED, new Reason(ReasonCode.ATTRIBUTION_CONTESTED,
					"Attribution is contested: " + String.join(" ", incident.attribution().conflicts()), contest));
		}
		if (actor == null) {
			return Tri.unknown(MissingFact.PERPETRATOR_UNKNOWN,
					Reason.of(ReasonCode.PERPETRATOR_UNKNOWN, "No source names who acted."));
		}
		Map<String, String> data = new HashMap<>();
		data.put("asReported", actor.asReported());
		data.put("resolution", actor.status().name());
		if (incident.whoActed().known() && incident.whoActed().basis() != null) {
			data.put("perpetratorInferred", incident.whoActed().basis());
		}
		Tri found = switch (actor.status()) {
			case UNRESOLVED ->
				Tri.unknown(MissingFact.PERPETRATOR_UNRESOLVED, new Reason(ReasonCode.PERPETRATOR_UNRESOLVED,
						"'" + actor.asReported() + "' matches no known actor.", data));
			case AMBIGUOUS -> ambiguous(actor, incident, term, data);
			case RESOLVED -> bound(actor.actorId(), incident, term, actor.asReported());
		};
		found = withNameMatch(found, actor, "");
		if (!data.containsKey("perpetratorInferred")) {
			return found;
		}
		List<Reason> reasons = found.reasons().stream().map(r -> {
			Map<String, String> more = new HashMap<>(r.data());
			more.put("perpetratorInferred", data.get("perpetratorInferred"));
			return new Reason(r.code(),
					r.detail() + " Who acted was inferred: " + data.get("perpetratorInferred") + ".", more);
		}).toList();
		return new Tri(found.value(), reasons, found.missing());
	}

	/**
	 * The reasons, saying which registered name the reported one matched and how (data
	 * {@code matchedBy} and {@code matchedName}, or {@code targetMatchedBy} and
	 * {@code targetMatchedName}), and in words when it matched only through
	 * transliteration: a match across scripts is a machine judgement and explains itself.
	 */
	private static Tri withNameMatch(Tri found, ActorRef ref, String prefix) {
		if (ref == null || ref.match() == null || ref.status() == ActorRef.ResolutionStatus.UNRESOLVED) {
			return found;
		}
		NameMatch match = ref.match();
		String by = prefix.isEmpty() ? "matchedBy" : prefix + "MatchedBy";
		String name = prefix.isEmpty() ? "matchedName" : prefix + "MatchedName";
		List<Reason> reasons = found.reasons().stream().map(r -> {
			Map<String, String> more = new HashMap<>(r.data());
			more.put(by, match.how().name());
			more.put(name, match.name());
			boolean transliterated = match.how() == NameMatch.How.TRANSLITERATION;
			return new Reason(r.code(), transliterated ? r.detail() + " " + ref.explanation() : r.detail(), more);
		}).toList();
		return new Tri(found.value(), reasons, found.missing());
	}

	private Tri ambiguous(ActorRef actor, Incident incident, Term term, Map<String, String> data) {
		List<Tri> each = actor.candidates().stream().map(id -> bound(id, incident, term, actor.asReported())).toList();
		Tri.Value first = each.get(0).value();
		if (first != Tri.Value.UNKNOWN && each.stream().allMatch(t -> t.value() == first)) {
			List<Reason> reasons = new ArrayList<>();
			each.forEach(t -> reasons.addAll(t.reasons()));
			return new Tri(first, reasons, List.of());
		}
		return Tri.unknown(MissingFact.PERPETRATOR_AMBIGUOUS,
				new Reason(ReasonCode.PERPETRATOR_AMBIGUOUS, "'" + actor.asReported() + "' could be any of "
						+ actor.candidates() + ", and the term treats them differently.", data));
	}

	/** Whether the term binds this actor over the incident's interval. */
	private Tri bound(String actorId, Incident incident, Term term, String asReported) {
		List<String> lineage = lineageIds(actorId);
		Map<String, String> data = new HashMap<>();
		data.put("asReported", asReported);
		data.put("actor", actorId);
		data.put("lineage", String.join(" > ", lineage));
		String excluded = lineage.stream().filter(this.agreement.excluded()::contains).findFirst().orElse(null);
		if (excluded != null && !(term.by() instanceof ActorSelector.Named)) {
			data.put("excluded", excluded);
			return Tri.no(new Reason(ReasonCode.PERPETRATOR_EXCLUDED, "'" + asReported + "' resolves to " + actorId
					+ ", which the agreement excludes (through " + excluded + "); it is not bound.", data));
		}
		String via = null;
		if (term.by() instanceof ActorSelector.Parties) {
			via = lineage.stream().filter(this.agreement.parties()::contains).findFirst().orElse(null);
		}
		else if (term.by() instanceof ActorSelector.Named n) {
			via = n.includeSubunits() ? lineage.stream().filter(n.actorIds()::contains).findFirst().orElse(null)
					: (n.actorIds().contains(actorId) ? actorId : null);
		}
		else if (term.by() instanceof ActorSelector.Side s) {
			Set<String> members = this.agreement.sides().getOrDefault(s.sideId(), Set.of());
			via = lineage.stream().filter(members::contains).findFirst().orElse(null);
		}
		String associatedWith = null;
		if (via == null) {
			associatedWith = associatedParty(lineage, term.by());
			via = associatedWith;
		}
		if (via == null) {
			return Tri.no(new Reason(ReasonCode.PERPETRATOR_NOT_BOUND,
					"'" + asReported + "' resolves to " + actorId + ", which this term does not bind.", data));
		}
		data.put("boundThrough", via);
		Period bound = term.by() instanceof ActorSelector.Named && !this.agreement.parties().contains(via)
				? this.agreement.effective() : this.agreement.boundPeriod(via);
		String who = actorId;
		if (associatedWith != null) {
			data.put("associatedWith", associatedWith);
			who = actorId + ", a force associated with " + associatedWith + ", which the agreement binds with it";
		}
		if (bound == null) {
			return Tri.no(new Reason(ReasonCode.PERPETRATOR_NOT_BOUND,
					"'" + asReported + "' resolves to " + who + "; " + via + " never accepted the agreement.", data));
		}
		data.put("boundPeriod", bound.start() + "/" + (bound.end() == null ? "" : bound.end()));
		return switch (bound.relate(incident.when().start(), incident.when().end())) {
			case INSIDE -> Tri.yes(new Reason(ReasonCode.PERPETRATOR_BOUND,
					"'" + asReported + "' resolves to " + who + ", bound through " + via + ".", data));
			case OUTSIDE -> Tri.no(new Reason(ReasonCode.PERPETRATOR_NOT_BOUND,
					"'" + asReported + "' resolves to " + who + ", but " + via + " was not bound at the time.", data));
			case STRADDLES ->
				Tri.unknown(MissingFact.TIME_STRADDLES_DECLARATION, new Reason(ReasonCode.DECLARATION_STRADDLED,
						"The incident's interval crosses the date " + via + " accepted or left the agreement.", data));
		};
	}

	/**
	 * The party the actor (or one of its ancestors) supports or is associated with, when
	 * the agreement binds that party's associated forces and the selector binds the
	 * party; null otherwise.
	 */
	private String associatedParty(List<String> lineage, ActorSelector by) {
		for (String id : lineage) {
			List<String> associated = this.actors.byId(id).map(Actor::associatedWith).orElse(List.of());
			for (String party : associated) {
				if (!this.agreement.bindsAssociated().contains(party)) {
					continue;
				}
				boolean selected = false;
				if (by instanceof ActorSelector.Parties) {
					selected = this.agreement.parties().contains(party);
				}
				else if (by instanceof ActorSelector.Named n) {
					selected = n.actorIds().contains(party);
				}
				else if (by instanceof ActorSelector.Side s) {
					selected = this.agreement.sides().getOrDefault(s.sideId(), Set.of()).contains(party);
				}
				if (selected) {
					return party;
				}
			}
		}
		return null;
	}

	private Tri target(Incident incident, Term term, List<ProximityMatch> humanitarian, ActorRef target) {
		return switch (term.against()) {
			case ANYONE -> Tri.yes(Reason.of(ReasonCode.TARGET_ANYONE, "The term protects anyone."));
			case CIVILIANS -> withNameMatch(civilians(incident, target), target, "target");
			case PARTIES -> withNameMatch(party(incident, target), target, "target");
			case HUMANITARIAN -> humanitarian(humanitarian);
		};
	}

	/**
	 * Whether the incident hit a humanitarian target: it did when it lies surely within
	 * the alert distance of a notified site, or of a movement during its window (the
	 * nearest such place is named by its id, never by its name, which only the staff, its
	 * notifier and the parties' liaisons may read); it may have when only possibly within
	 * one; it did not when none is near.
	 */
	private Tri humanitarian(List<ProximityMatch> near) {
		if (near == null) {
			return Tri.unknown(MissingFact.HUMANITARIAN_PROXIMITY_UNCHECKED,
					Reason.of(ReasonCode.HUMANITARIAN_PROXIMITY_UNCHECKED,
							"Whether a notified site or movement was near was not checked."));
		}
		ProximityMatch sure = near.stream().filter(m -> m.proximity() == Proximity.WITHIN).findFirst().orElse(null);
		if (sure != null) {
			return Tri.yes(new Reason(ReasonCode.TARGET_HUMANITARIAN, "The incident lies within "
					+ Math.round(sure.thresholdMetres()) + " m of notified " + sure.place().kind().code() + " "
					+ sure.place().id() + ", with all of its " + Math.round(sure.uncertaintyMetres())
					+ " m uncertainty radius"
					+ (sure.place().kind() == ProtectedPlaceKind.MOVEMENT ? ", during the movement's window." : "."),
					placeData(sure)));
		}
		if (!near.isEmpty()) {
			ProximityMatch maybe = near.get(0);
			return Tri.unknown(MissingFact.NEAR_HUMANITARIAN_UNCERTAIN,
					new Reason(ReasonCode.TARGET_POSSIBLY_HUMANITARIAN, "The incident is possibly within "
							+ Math.round(maybe.thresholdMetres()) + " m of notified " + maybe.place().kind().code()
							+ " " + maybe.place().id() + ": its uncertainty " + (maybe.timeStraddles()
									? "in time crosses the movement's window." : "radius straddles the distance."),
							placeData(maybe)));
		}
		return Tri.no(Reason.of(ReasonCode.TARGET_NOT_HUMANITARIAN,
				"No notified site, nor movement in its window, lies within the alert distance of the incident."));
	}

	private static Map<String, String> placeData(ProximityMatch m) {
		Map<String, String> data = new HashMap<>();
		data.put("place", m.place().id().toString());
		data.put("placeKind", m.place().kind().code());
		data.put("proximity", m.proximity().name());
		data.put("distanceMetres", String.valueOf(Math.round(m.distanceMetres())));
		data.put("thresholdMetres", String.valueOf(Math.round(m.thresholdMetres())));
		data.put("uncertaintyMetres", String.valueOf(Math.round(m.uncertaintyMetres())));
		return data;
	}

	private Tri civilians(Incident incident, ActorRef target) {
		Integer deaths = incident.civilianDeaths();
		Map<String, String> data = new HashMap<>();
		if (deaths != null) {
			data.put("civilianDeathsBest", String.valueOf(deaths));
		}
		if (target != null) {
			data.put("targetAsReported", target.asReported());
			data.put("targetResolution", target.status().name());
		}
		if (target != null && target.status() == ActorRef.ResolutionStatus.RESOLVED) {
			boolean civilian = this.actors.byId(target.actorId())
				.map(a -> a.type() == ActorType.CIVILIANS)
				.orElse(false);
			if (civilian) {
				return Tri.yes(new Reason(ReasonCode.TARGET_CIVILIANS, "The target resolves to civilians.", data));
			}
		}
		if (deaths != null && deaths > 0) {
			return Tri.yes(new Reason(ReasonCode.TARGET_CIVILIANS, deaths + " civilian deaths are reported.", data));
		}
		if (incident.eventType().category() == EventType.Category.VIOLENCE_AGAINST_CIVILIANS) {
			return Tri.yes(new Reason(ReasonCode.TARGET_CIVILIANS, "The event is violence against civilians.", data));
		}
		if (deaths != null && target != null && target.status() == ActorRef.ResolutionStatus.RESOLVED) {
			return Tri.no(new Reason(ReasonCode.TARGET_NOT_CIVILIANS,
					"The target resolves to " + target.actorId() + " and no civilian deaths are reported.", data));
		}
		return Tri.unknown(MissingFact.CIVILIAN_HARM_UNKNOWN, new Reason(ReasonCode.CIVILIAN_HARM_UNKNOWN,
				"The sources say neither who was hit nor whether civilians were harmed.", data));
	}

	private Tri party(Incident incident, ActorRef target) {
		if (target != null && target.status() == ActorRef.ResolutionStatus.RESOLVED) {
			List<String> lineage = lineageIds(target.actorId());
			Map<String, String> data = Map.of("targetAsReported", target.asReported(), "target", target.actorId(),
					"lineage", String.join(" > ", lineage));
			if (lineage.stream().anyMatch(this.agreement.excluded()::contains)) {
				return Tri.no(new Reason(ReasonCode.TARGET_EXCLUDED, "The target resolves to " + target.actorId()
						+ ", which the agreement excludes; the term does not protect it.", data));
			}
			if (lineage.stream().anyMatch(this.agreement.parties()::contains)) {
				return Tri.yes(new Reason(ReasonCode.TARGET_PARTY,
						"The target resolves to " + target.actorId() + ", a party the term protects.", data));
			}
			String associated = associatedParty(lineage, new ActorSelector.Parties());
			if (associated != null) {
				return Tri.yes(new Reason(
						ReasonCode.TARGET_PARTY, "The target resolves to " + target.actorId()
								+ ", a force associated with " + associated + ", which the term protects with it.",
						data));
			}
			return Tri.no(new Reason(ReasonCode.TARGET_NOT_PARTY, "The target resolves to " + target.actorId()
					+ ", which is not a party; this term protects parties only.", data));
		}
		return controlOfTarget(incident);
	}

	/** Whose side the incident hit, read from the control map at its place and time. */
	private Tri controlOfTarget(Incident incident) {
		double lat = incident.where().latitude();
		double lon = incident.where().longitude();
		double radius = incident.where().uncertaintyMetres();
		double[] box = Geodesic.boundingBox(lat, lon, radius);
		@SuppressWarnings("unchecked")
		List<PreparedArea> candidates = this.controlIndex.query(new Envelope(box[0], box[2], box[1], box[3]));
		List<String> definiteParty = new ArrayList<>();
		List<String> definiteExcluded = new ArrayList<>();
		List<String> possible = new ArrayList<>();
		for (PreparedArea area : candidates) {
			Period.Relation when = area.area().valid().relate(incident.when().start(), incident.when().end());
			if (when == Period.Relation.OUTSIDE) {
				continue;
			}
			DiscRelation.Relation where = area.relation().relate(lat, lon, radius).relation();
			if (where == DiscRelation.Relation.OUTSIDE) {
				continue;
			}
			boolean definite = when == Period.Relation.INSIDE && where == DiscRelation.Relation.INSIDE;
			String actor = area.area().actorId();
			String label = area.area().id() + " (" + actor + ")";
			if (definite && isParty(actor)) {
				definiteParty.add(label);
			}
			else if (definite && this.agreement.excluded().contains(actor)) {
				definiteExcluded.add(label);
			}
			else {
				possible.add(label);
			}
		}
		Map<String, String> data = new HashMap<>();
		data.put("uncertaintyMetres", String.valueOf(Math.round(radius)));
		data.put("partyAreas", String.join(", ", definiteParty));
		data.put("excludedAreas", String.join(", ", definiteExcluded));
		data.put("possibleAreas", String.join(", ", possible));
		if (!definiteParty.isEmpty() && !definiteExcluded.isEmpty()) {
			return Tri.unknown(MissingFact.TARGET_IN_MINGLED_AREA,
					new Reason(ReasonCode.TARGET_AREA_MINGLED,
							"No target is named, and the place lies in a mingled area: held by " + definiteParty
									+ " and by the excluded " + definiteExcluded + ".",
							data));
		}
		if (!possible.isEmpty()) {
			return Tri.unknown(MissingFact.LOCATION_STRADDLES_CONTROL_BOUNDARY,
					new Reason(ReasonCode.TARGET_AREA_EDGE_STRADDLED,
							"No target is named, and the incident's place or time crosses the edge of control areas "
									+ possible + ".",
							data));
		}
		if (!definiteParty.isEmpty()) {
			return Tri.yes(new Reason(ReasonCode.TARGET_AREA_HELD_BY_PARTY,
					"No target is named; the place was held by " + definiteParty + ", a party.", data));
		}
		if (!definiteExcluded.isEmpty()) {
			return Tri.no(new Reason(ReasonCode.TARGET_AREA_HELD_BY_EXCLUDED,
					"No target is named; the place was held by " + definiteExcluded + ", which the agreement excludes.",
					data));
		}
		return Tri.unknown(MissingFact.TARGET_SIDE_UNKNOWN, new Reason(ReasonCode.TARGET_SIDE_UNKNOWN,
				"No target is named and no control area covers the place at the time.", data));
	}

	/**
	 * The actor's id and its ancestors' ids, nearest first; just the id for an unknown
	 * actor.
	 */
	private List<String> lineageIds(String actorId) {
		return this.lineages.computeIfAbsent(actorId, id -> {
			List<String> ids = this.actors.lineage(id).stream().map(Actor::id).toList();
			return ids.isEmpty() ? List.of(id) : ids;
		});
	}

	private boolean isParty(String actorId) {
		return this.agreement.parties().contains(actorId) && !this.agreement.excluded().contains(actorId);
	}

	private Tri exceptions(Incident incident, Term term, Hypothesis h) {
		if (term.exceptions().isEmpty()) {
			return new Tri(Tri.Value.TRUE, List.of(), List.of());
		}
		for (TermException exception : term.exceptions()) {
			Tri applies = exceptionApplies(exception, incident, h);
			if (applies.value() == Tri.Value.TRUE) {
				return Tri.no(new Reason(ReasonCode.EXCEPTION_APPLIES,
						"Exception " + exception.id() + " applies: " + exception.text(),
						Map.of("exception", exception.id())));
			}
			if (applies.value() == Tri.Value.UNKNOWN) {
				return applies;
			}
		}
		return new Tri(Tri.Value.TRUE, List.of(), List.of());
	}

	private Tri exceptionApplies(TermException exception, Incident incident, Hypothesis h) {
		if (!exception.eventTypes().isEmpty() && !exception.eventTypes().contains(incident.eventType())) {
			return new Tri(Tri.Value.FALSE, List.of(), List.of());
		}
		Tri by = matches(exception.byActors(), h.actor(), MissingFact.PERPETRATOR_UNRESOLVED, exception);
		if (by.value() != Tri.Value.TRUE) {
			return by;
		}
		return matches(exception.againstActors(), h.target(), MissingFact.TARGET_SIDE_UNKNOWN, exception);
	}

	private Tri matches(Set<String> ids, ActorRef ref, MissingFact ifUnknown, TermException exception) {
		if (ids.isEmpty()) {
			return new Tri(Tri.Value.TRUE, List.of(), List.of());
		}
		if (ref == null || ref.status() != ActorRef.ResolutionStatus.RESOLVED) {
			return Tri.unknown(ifUnknown, Reason.of(ReasonCode.EXCEPTION_APPLIES,
					"Exception " + exception.id() + " may apply: it names actors that the report does not resolve."));
		}
		boolean match = lineageIds(ref.actorId()).stream().anyMatch(ids::contains);
		return new Tri(match ? Tri.Value.TRUE : Tri.Value.FALSE, List.of(), List.of());
	}

	/** A control area prepared for disc tests. */
	private record PreparedArea(ControlArea area, DiscRelation relation) {

	}

}
