package org.truce.agreement.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a ceasefire agreement, as data. An amendment is a new version with a
 * later {@code inForceFrom}; the versions of one id form its history.
 *
 * @param id stable id, such as {@code syria-coh-2016-02}
 * @param version 1, 2, ...
 * @param inForceFrom from when this version (rather than an earlier one) governs
 * adjudication
 * @param title for people
 * @param source who agreed and when, with citations
 * @param effective when the agreement applies
 * @param areaZoneId the zone that bounds the whole agreement, or null for no bound
 * @param parties actors bound by it and protected by it
 * @param excluded actors outside it, neither bound nor protected
 * @param sides named groups of parties, by side id
 * @param declarations acceptances and withdrawals over time
 * @param zones its named areas
 * @param terms its obligations
 * @param clock its phases, or null
 * @param bindsAssociated the parties that bind, with themselves, the forces supporting or
 * associated with them (as the actor registry lists them), such as "the Syrian armed
 * forces and all forces supporting or associated with them"
 * @param daily the hours of each day to which its effective period is cut, or null when
 * it applies around the clock
 * @param disputes facts of it that are disputed, each with its views; empty for most.
 * With a dispute over the effective period, {@code effective} spans every view's, and the
 * agreement is judged under each combination of views ({@link #combinations()},
 * {@link #under})
 */
public record Agreement(String id, int version, Instant inForceFrom, String title, String source, Period effective,
		String areaZoneId, Set<String> parties, Set<String> excluded, Map<String, Set<String>> sides,
		List<Declaration> declarations, List<Zone> zones, List<Term> terms, ClockSpec clock,
		Set<String> bindsAssociated, DailyHours daily, List<Dispute> disputes) {

	public Agreement {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(effective, "effective");
		Objects.requireNonNull(inForceFrom, "inForceFrom");
		parties = Set.copyOf(parties);
		excluded = Set.copyOf(excluded);
		sides = sides == null ? Map.of() : Map.copyOf(sides);
		declarations = declarations == null ? List.of() : List.copyOf(declarations);
		zones = zones == null ? List.of() : List.copyOf(zones);
		terms = List.copyOf(terms);
		bindsAssociated = bindsAssociated == null ? Set.of() : Set.copyOf(bindsAssociated);
		disputes = disputes == null ? List.of() : List.copyOf(disputes);
	}

	/**
	 * An agreement that binds no party's associated forces with it, applies around the
	 * clock and has no disputed facts.
	 */
	public Agreement(String id, int version, Instant inForceFrom, String title, String source, Period effective,
			String areaZoneId, Set<String> parties, Set<String> excluded, Map<String, Set<String>> sides,
			List<Declaration> declarations, List<Zone> zones, List<Term> terms, ClockSpec clock) {
		this(id, version, inForceFrom, title, source, effective, areaZoneId, parties, excluded, sides, declarations,
				zones, terms, clock, Set.of(), null, List.of());
	}

	/**
	 * How many combinations of views (one view of each disputed fact) an agreement may
	 * have: each is judged in full, so their number is bounded.
	 */
	public static final int MAX_COMBINATIONS = 8;

	/**
	 * Every combination of one view of each disputed fact, the first views first (in
	 * document order, the last fact's view varying fastest); one empty combination
	 * without disputes.
	 */
	public List<List<Dispute.View>> combinations() {
		List<List<Dispute.View>> out = List.of(List.of());
		for (Dispute d : this.disputes) {
			List<List<Dispute.View>> next = new java.util.ArrayList<>();
			for (List<Dispute.View> prefix : out) {
				for (Dispute.View v : d.views()) {
					List<Dispute.View> combination = new java.util.ArrayList<>(prefix);
					combination.add(v);
					next.add(List.copyOf(combination));
				}
			}
			out = next;
		}
		return out;
	}

	/** The disputed facts that bear on the term, in document order. */
	public List<Dispute> disputesOf(Term term) {
		return this.disputes.stream().filter(d -> d.concerns(term)).toList();
	}

	/** Every view of every disputed fact, in document order; empty without disputes. */
	public List<Dispute.View> views() {
		return this.disputes.stream().flatMap(d -> d.views().stream()).toList();
	}

	public Optional<Dispute.View> view(String viewId) {
		return views().stream().filter(v -> v.id().equals(viewId)).findFirst();
	}

	/**
	 * The agreement as the view holds it: its effective period is the view's, and it has
	 * no disputes left.
	 */
	public Agreement underView(Dispute.View view) {
		return under(List.of(view));
	}

	/**
	 * The agreement as these views (one of each disputed fact, or some of them) hold it:
	 * its effective period and its terms' distances are theirs, and it has no disputes
	 * left.
	 */
	public Agreement under(List<Dispute.View> views) {
		Period effective = this.effective;
		List<Term> terms = new java.util.ArrayList<>(this.terms);
		for (Dispute.View view : views) {
			if (view.effective() != null) {
				effective = view.effective();
			}
			Dispute dispute = this.disputes.stream().filter(d -> d.views().contains(view)).findFirst().orElse(null);
			if (view.distances() != null && dispute != null) {
				terms.replaceAll(t -> !t.id().equals(dispute.termId()) ? t
						: new Term(t.id(), t.text(), t.prohibits(), t.by(), t.against(), t.zoneIds(), t.window(),
								t.exceptions(), view.distances(), t.daily(), t.texts()));
			}
		}
		return new Agreement(this.id, this.version, this.inForceFrom, this.title, this.source, effective,
				this.areaZoneId, this.parties, this.excluded, this.sides, this.declarations, this.zones, terms,
				this.clock, this.bindsAssociated, this.daily, List.of());
	}

	/**
	 * When a term applies: its window (or the effective period) within the effective
	 * period, cut to the term's daily hours and the agreement's; empty when it never
	 * applies. One period, unless daily hours cut it into several.
	 */
	public List<Period> windows(Term term) {
		Period span = term.window() == null ? this.effective : term.window().intersect(this.effective);
		if (span == null) {
			return List.of();
		}
		List<Period> out = List.of(span);
		for (DailyHours hours : java.util.Arrays.asList(this.daily, term.daily())) {
			if (hours != null) {
				out = out.stream().flatMap(p -> hours.within(p).stream()).toList();
			}
		}
		return out;
	}

	public Optional<Zone> zone(String zoneId) {
		return this.zones.stream().filter(z -> z.id().equals(zoneId)).findFirst();
	}

	/**
	 * The period in which {@code actorId} is bound: from its acceptance (or the start,
	 * without declarations) to its withdrawal (or the end); null when it is never bound.
	 */
	public Period boundPeriod(String actorId) {
		if (this.excluded.contains(actorId) || !this.parties.contains(actorId)) {
			return null;
		}
		Instant from = this.effective.start();
		Instant to = this.effective.end();
		boolean declared = false;
		for (Declaration d : this.declarations) {
			if (!d.actorId().equals(actorId)) {
				continue;
			}
			if (d.kind() == Declaration.Kind.ACCEPTED) {
				declared = true;
				from = d.at().isAfter(from) ? d.at() : from;
			}
			else if (to == null || d.at().isBefore(to)) {
				to = d.at();
			}
		}
		boolean anyAcceptance = this.declarations.stream().anyMatch(d -> d.kind() == Declaration.Kind.ACCEPTED);
		if (anyAcceptance && !declared) {
			return null;
		}
		return to != null && to.isBefore(from) ? null : new Period(from, to);
	}

}
