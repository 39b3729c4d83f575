package org.truce.adjudication.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.application.ActorDirectory;
import org.truce.adjudication.application.ComputingClock;
import org.truce.adjudication.application.Findings;
import org.truce.adjudication.application.ReadingFindings;
import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.Finding;
import org.truce.adjudication.model.FindingQuery;
import org.truce.adjudication.model.Outcome;
import org.truce.adjudication.model.ReasonCode;
import org.truce.adjudication.model.StoredFinding;
import org.truce.identity.model.Viewer;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.QueryParameters;

@RestController
class FindingController {

	private final ReadingFindings findings;

	private final ActorDirectory actors;

	private final ComputingClock clock;

	/** The scenario's zone, in which a date in from, to or at is a calendar day. */
	private final ScenarioZone scenarioZone;

	private final RowCaps caps;

	FindingController(ReadingFindings findings, ActorDirectory actors, ComputingClock clock, ScenarioZone scenarioZone,
			RowCaps caps) {
		this.caps = caps;
		this.findings = findings;
		this.actors = actors;
		this.clock = clock;
		this.scenarioZone = scenarioZone;
	}

	@Operation(summary = "Findings of adjudication, newest incident first",
			description = "Filters combine with AND: agreement, term, actor (id or any known name, the perpetrator),"
					+ " possiblePerpetrator (id or any known name: the perpetrator, or one of the actors who may have"
					+ " acted when the sources do not say which; each item's 'matchedAs' says which, ACTOR or"
					+ " POSSIBLE_PERPETRATOR), zone, outcome (VIOLATION, NO_VIOLATION, UNDETERMINED), incident, and"
					+ " from/to (a date or an instant) on the incident's interval. 'actor' leaves out findings whose"
					+ " sources do not say which of several actors acted: they charge nobody alone. Follow 'next' to"
					+ " page. Only findings computed from"
					+ " reports and claims the reader may see (as GET /api/reports and GET /api/incidents/{id}): of"
					+ " an incident it sees in part, those computed from the part it sees, under the id of the first"
					+ " report it sees. For readers other than monitors and co-chairs: no external ids; where a report"
					+ " used is at risk, no reasons or zones found from the exact place (reason LOCATION_WITHHELD"
					+ " instead); reasons about notified sites and movements without the place or the distance."
					+ " limit 1 to truce.limits.rows.findings (1000), default 100; the header Truce-Truncated: true"
					+ " says there is a next page.")
	@GetMapping("/api/findings")
	Map<String, Object> list(@RequestParam(required = false) String agreement,
			@RequestParam(required = false) String term, @RequestParam(required = false) String actor,
			@RequestParam(required = false) String possiblePerpetrator, @RequestParam(required = false) String zone,
			@RequestParam(required = false) Outcome outcome, @RequestParam(required = false) String incident,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit,
			Viewer viewer) {
		int n = this.caps.limit("findings", limit, 100);
		String actorId = actor == null ? null : actorId(this.actors, "actor", actor);
		String possibleId = possiblePerpetrator == null ? null
				: actorId(this.actors, "possiblePerpetrator", possiblePerpetrator);
		Findings.Page page = this.findings.find(new FindingQuery(agreement, term, actorId, zone, outcome, incident,
				from == null ? null : QueryParameters.instant("from", from, false, this.scenarioZone.zone()),
				to == null ? null : QueryParameters.instant("to", to, true, this.scenarioZone.zone()),
				cursor == null ? null : decode(cursor), n)
			.withPossiblePerpetrator(possibleId), viewer);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", page.findings().stream().map(s -> {
			Map<String, Object> m = view(s);
			if (possibleId != null) {
				m.put("matchedAs", s.roleOf(possibleId));
			}
			return m;
		}).toList());
		body.put("next", page.next() == null ? null : encode(page.next()));
		RowCaps.mark(n, page.next() != null);
		return body;
	}

	/**
	 * The id of the one known actor a query parameter names, by id or any known name;
	 * refused (400, with the parameter as its field) when no single actor has it.
	 */
	static String actorId(ActorDirectory actors, String parameter, String name) {
		return actors.idOf(name).orElseThrow(() -> QueryParameters.invalid(parameter, "actor", name));
	}

	@Operation(summary = "The findings about one incident, under every agreement",
			description = "Empty for an incident the reader may not see, as for one that does not exist. At most"
					+ " truce.limits.rows.findings (1000): the header Truce-Truncated: true says there were more.")
	@GetMapping("/api/incidents/{id}/findings")
	List<Map<String, Object>> forIncident(@PathVariable String id, Viewer viewer) {
		List<Map<String, Object>> out = new ArrayList<>();
		int cap = this.caps.of("findings");
		FindingQuery q = new FindingQuery(null, null, null, null, null, id, null, null, null, cap);
		Findings.Page page = this.findings.find(q, viewer);
		RowCaps.mark(cap, page.next() != null);
		page.findings().forEach(f -> out.add(view(f)));
		return out;
	}

	@Operation(summary = "How many findings of each outcome an agreement has",
			description = "Counted over the incidents the reader may see.")
	@GetMapping("/api/agreements/{id}/outcomes")
	Map<Outcome, Long> outcomes(@PathVariable String id, Viewer viewer) {
		return this.findings.countByOutcome(id, viewer);
	}

	@Operation(summary = "Each incident's most serious outcome under an agreement",
			description = "VIOLATION if any term is violated, else UNDETERMINED if any term is undetermined, else"
					+ " NO_VIOLATION; incidents under no term in force, and those the reader may not see, are absent."
					+ " For maps. At most truce.limits.rows.incident-outcomes (10,000) incidents, by id: the header"
					+ " Truce-Truncated: true says there were more.")
	@GetMapping("/api/agreements/{id}/incident-outcomes")
	Map<String, Outcome> incidentOutcomes(@PathVariable String id, Viewer viewer) {
		int cap = this.caps.of("incident-outcomes", 10_000);
		Map<String, Outcome> found = this.findings.worstOutcomeByIncident(id, viewer, cap + 1);
		RowCaps.mark(cap, found.size() > cap);
		if (found.size() <= cap) {
			return found;
		}
		Map<String, Outcome> first = new LinkedHashMap<>();
		found.entrySet().stream().limit(cap).forEach(e -> first.put(e.getKey(), e.getValue()));
		return first;
	}

	/**
	 * The clock is judged over the whole record, so only readers of the whole record
	 * (monitors and co-chairs) get it: a clock over the part a liaison or the public sees
	 * would state a quiet count or an unlocked phase that the record does not support.
	 */
	@Operation(summary = "The agreement's compliance clock at an instant (default now); monitors and co-chairs",
			description = "Computed over every incident of the record, so it is served only to those who see the"
					+ " whole record; others are refused (403). For an agreement with disputed facts, under the"
					+ " views given in 'view' (one of each fact, ids joined with '+'; for a fact not named, the first"
					+ " the document gives), which the answer names. 'lastReset'"
					+ " names the violation that last restarted the count: its incident, term, time and reasons.")
	@GetMapping("/api/agreements/{id}/clock")
	ComplianceClock.State clock(@PathVariable String id, @RequestParam(required = false) String at,
			@RequestParam(required = false) String view, Viewer viewer) {
		if (!viewer.staff()) {
			throw new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null));
		}
		return this.clock.stateAt(id,
				at == null ? Instant.now() : QueryParameters.instant("at", at, false, this.scenarioZone.zone()), view);
	}

	static Map<String, Object> view(StoredFinding s) {
		Finding f = s.finding();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("incident", f.key().incidentId());
		m.put("agreement", f.key().agreementId());
		m.put("agreementVersion", f.key().agreementVersion());
		m.put("term", f.key().termId());
		if (f.key().viewId() != null) {
			m.put("view", f.key().viewId());
			m.put("viewLabel", viewLabel(f));
		}
		m.put("outcome", f.outcome());
		if (f instanceof Finding.Undetermined u) {
			m.put("missing",
					u.missing().stream().map(fact -> Map.of("code", fact.name(), "meaning", fact.meaning())).toList());
		}
		m.put("reasons", f.reasons());
		m.put("actor", s.actorId());
		if (f instanceof Finding.Violation v && !v.attributed()) {
			m.put("possiblePerpetrators", v.possiblePerpetrators());
			m.put("attribution", "a violation by one of " + String.join(", ", v.possiblePerpetrators())
					+ " or several of them; not known which, and charged to none alone");
		}
		else if (!s.possiblePerpetrators().isEmpty()) {
			m.put("possiblePerpetrators", s.possiblePerpetrators());
		}
		m.put("zones", s.zoneIds());
		m.put("externalIds", s.externalIds());
		m.put("incidentStart", s.incidentStart());
		m.put("incidentEnd", s.incidentEnd());
		m.put("computedAt", s.computedAt());
		return m;
	}

	/**
	 * The labels of the views a finding holds under (one of each disputed fact that bears
	 * on its term), as its first reasons name them; the id when no reason does.
	 */
	static String viewLabel(Finding f) {
		List<String> labels = f.reasons()
			.stream()
			.filter(r -> r.code() == ReasonCode.UNDER_VIEW)
			.map(r -> r.data().get("viewLabel"))
			.filter(java.util.Objects::nonNull)
			.toList();
		return labels.isEmpty() ? f.key().viewId() : String.join("; ", labels);
	}

	private static String encode(FindingQuery.Cursor c) {
		String raw = c.incidentStart().toEpochMilli() + "\n" + c.incidentId() + "\n" + c.termId()
				+ (c.viewId() == null ? "" : "\n" + c.viewId());
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static FindingQuery.Cursor decode(String text) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\n");
			if (parts.length != 3 && parts.length != 4) {
				throw new IllegalArgumentException();
			}
			return new FindingQuery.Cursor(Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2],
					parts.length == 4 ? parts[3] : null);
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedException(Problem.of(ErrorCode.INVALID_CURSOR, "cursor"));
		}
	}

}
