package org.truce.scenario.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.determination.application.Determining;
import org.truce.determination.model.Determination;
import org.truce.determination.model.Verdict;
import org.truce.geo.application.GeoJson;
import org.truce.geo.application.ScenarioBoundaries;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.humanitarian.application.AccessReader;
import org.truce.humanitarian.application.RecordingBesiegedAreas;
import org.truce.humanitarian.application.RequestingAccess;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.identity.application.Users;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.User;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.incident.application.IncidentDirectory;
import org.truce.incident.application.Incidents;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.model.Claim;
import org.truce.incident.model.IncidentRecord;
import org.truce.report.application.Reports;
import org.truce.report.model.Report;
import org.truce.report.model.ReportQuery;
import org.truce.rfi.application.RequestingInformation;
import org.truce.rfi.application.RfiReader;
import org.truce.shared.Asserted;

/**
 * Tells the seed's story after the scenario is loaded and its demo users exist: the
 * entries of the scenario's {@code story.yaml} (besieged areas, access requests with the
 * parties' decisions and their outcomes, and, about incidents found by one of their
 * reports, each side's claim, requests for information answered in the past and draft
 * determinations with sign-offs and dissents), each recorded through the application's
 * own services as the demo user it names, so that every record has its ledger entries.
 * Not a {@link ScenarioLoader}: {@code truce demo} runs it once the users exist.
 *
 * <p>
 * Safe to run again: an area of the same name, a request to the same destination and
 * window, a side's claim with the same words, a request for information with the same
 * question and a determination with the same rationale are not recorded twice.
 */
@Component
public class StoryLoader {

	/** The story's file in the scenario's folder. */
	public static final String FILE = "story.yaml";

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ResourceLoader resources;

	private final Users users;

	private final RecordingBesiegedAreas besieged;

	private final RequestingAccess access;

	private final ClusteringNewReports clustering;

	private final Reports reports;

	private final Incidents incidents;

	private final IncidentDirectory directory;

	private final ManagingIncidents managing;

	private final RequestingInformation rfis;

	private final Determining determining;

	private final AdjudicatingIncidents adjudicating;

	StoryLoader(ResourceLoader resources, Users users, RecordingBesiegedAreas besieged, RequestingAccess access,
			ClusteringNewReports clustering, Reports reports, Incidents incidents, IncidentDirectory directory,
			ManagingIncidents managing, RequestingInformation rfis, Determining determining,
			AdjudicatingIncidents adjudicating) {
		this.resources = resources;
		this.users = users;
		this.besieged = besieged;
		this.access = access;
		this.clustering = clustering;
		this.reports = reports;
		this.incidents = incidents;
		this.directory = directory;
		this.managing = managing;
		this.rfis = rfis;
		this.determining = determining;
		this.adjudicating = adjudicating;
	}

	/**
	 * Records the story.
	 * @return one line for the summary printed to the user
	 * @throws IllegalStateException when a user, a report or an incident it names is
	 * missing, or the services refuse an entry
	 */
	public String load(Scenario scenario) {
		Resource file = this.resources.getResource(scenario.file(FILE));
		if (!file.exists()) {
			return "Story: the scenario has none.";
		}
		Story story = read(file);
		Counts counts = new Counts();
		story.besiegedAreas().forEach(a -> besieged(a, scenario, counts));
		story.accessRequests().forEach(r -> access(r, counts));
		if (!story.incidents().isEmpty()) {
			this.clustering.catchUp();
		}
		story.incidents().forEach(i -> incident(i, counts));
		return "Story: " + counts.recorded + " records made, " + counts.present + " already present, from " + FILE
				+ ".";
	}

	private void besieged(Area a, Scenario scenario, Counts counts) {
		if (this.besieged.all().stream().anyMatch(x -> x.name().equals(a.name()))) {
			counts.present++;
			return;
		}
		Set<String> wanted = a.neighbourhoods().stream().flatMap(List::stream).collect(Collectors.toSet());
		Map<String, Geometry> byCode = ScenarioBoundaries.read(scenario.geography(), BoundaryLayer.NEIGHBOURHOOD)
			.stream()
			.filter(b -> wanted.contains(b.pcode()))
			.collect(Collectors.toMap(Boundary::pcode, Boundary::geometry, (x, y) -> x));
		Set<String> missing = new LinkedHashSet<>(wanted);
		missing.removeAll(byCode.keySet());
		if (!missing.isEmpty()) {
			throw new IllegalStateException("the story's area " + a.name() + " names neighbourhoods the scenario"
					+ " does not have: " + missing);
		}
		Geometry area = UnaryUnionOp.union(byCode.values());
		if (!area.isValid()) {
			area = area.buffer(0);
		}
		JsonNode shape = JSON.readTree(GeoJson.write(area, 6));
		User by = user(a.recordedBy());
		this.besieged.record(new RecordingBesiegedAreas.NewArea(a.name(), a.status(), shape, a.population(), a.asOf(),
				a.besiegers(), a.sourceNote()), by.id().toString());
		counts.recorded++;
	}

	private void access(Access r, Counts counts) {
		User notifier = user(r.requestedBy());
		AccessReader reader = this.access.reader(notifier.id().toString(), notifier.grants());
		Instant from = OffsetDateTime.parse(r.from()).toInstant();
		boolean present = this.access.list(reader)
			.stream()
			.anyMatch(x -> x.destination().name().equals(r.destination().name()) && x.from().equals(from));
		if (present) {
			counts.present++;
			return;
		}
		AccessRequest request = this.access.request(new RequestingAccess.NewAccessRequest(r.route(), r.destination(),
				r.cargo(), r.peopleInNeed(), r.parties(), r.from(), r.to()), reader);
		counts.recorded++;
		for (Decision d : r.decisions()) {
			User liaison = user(d.by());
			this.access.decide(request.id(), new RequestingAccess.NewDecision(d.party(), d.verdict(), d.reasons(),
					d.conditions(), asserted(d.asserted())),
					this.access.reader(liaison.id().toString(), liaison.grants()));
			counts.recorded++;
		}
		if (r.outcome() != null) {
			Outcome o = r.outcome();
			User by = user(o.by());
			this.access.recordOutcome(request.id(),
					new RequestingAccess.NewOutcome(o.outcome(), o.deliveredShare(), o.deliveredNote(), o.blockedBy(),
							o.blockedAt(), o.reason(), o.at()),
					null, this.access.reader(by.id().toString(), by.grants()));
			counts.recorded++;
		}
	}

	private void incident(StoryIncident s, Counts counts) {
		Report report = report(s.report());
		IncidentRecord incident = this.directory.current(report.id())
			.orElseThrow(() -> new IllegalStateException("the story's report " + s.report().source() + " "
					+ s.report().externalId() + " is in no open incident"));
		UUID id = incident.id();
		List<Claim> claims = this.incidents.claims(id);
		boolean claimed = false;
		for (StoryClaim c : s.claims()) {
			User by = user(c.by());
			String side = side(by, c.by());
			if (claims.stream().anyMatch(x -> x.side().equals(side) && x.statement().equals(c.statement().strip()))) {
				counts.present++;
				continue;
			}
			this.managing.claim(id, side, Claim.Position.valueOf(c.position()), c.actor(), c.statement(),
					asserted(c.asserted()), by.id().toString());
			claimed = true;
			counts.recorded++;
		}
		if (claimed) {
			// Judged now, so that the demo opens on findings that already weigh the
			// claims.
			this.adjudicating.rejudge(List.of(id));
		}
		for (StoryRfi r : s.rfis()) {
			User sender = user(r.sentBy());
			User liaison = user(r.answeredBy());
			RfiReader staff = new RfiReader(sender.id().toString(), true, Set.of());
			boolean present = this.rfis
				.aboutIncident(id, staff, Viewer.of(sender.id().toString(), sender.grants(), Set.of()))
				.orElse(List.of())
				.stream()
				.anyMatch(x -> x.question().equals(r.question().strip()));
			if (present) {
				counts.present++;
				continue;
			}
			this.rfis.recordPast(id,
					new RequestingInformation.PastRequest(r.party(), r.question(), instant(r.sentAt()),
							instant(r.deadline()), r.answer(), instant(r.answeredAt()), r.provenance()),
					sender.id().toString(), sender.grants(),
					this.rfis.reader(liaison.id().toString(), liaison.grants()));
			counts.recorded++;
		}
		for (StoryDetermination d : s.determinations()) {
			User drafter = user(d.draftedBy());
			Viewer viewer = Viewer.of(drafter.id().toString(), drafter.grants(), Set.of());
			boolean present = this.determining.aboutIncident(id, viewer)
				.orElse(List.of())
				.stream()
				.anyMatch(x -> x.rationale().equals(d.rationale().strip()));
			if (present) {
				counts.present++;
				continue;
			}
			Determination made = this.determining.draft(id, new Determining.Draft(d.agreement(), d.term(), d.actor(),
					Verdict.valueOf(d.verdict()), d.rationale(), null), drafter.id().toString(), drafter.grants());
			counts.recorded++;
			for (StorySignOff signer : d.signedBy()) {
				User co = user(signer.by());
				made = this.determining.signOff(made.id(), made.version(), null, asserted(signer.asserted()),
						co.id().toString(), co.grants());
				counts.recorded++;
			}
			for (StoryComment c : d.dissents()) {
				User co = user(c.by());
				this.determining.comment(made.id(), c.text(), true, null, asserted(c.asserted()), co.id().toString(),
						co.grants());
				counts.recorded++;
			}
		}
	}

	/** The report a story entry names by source, external id and day. */
	private Report report(ReportRef ref) {
		LocalDate day = LocalDate.parse(ref.day());
		// A day wide on either side: whichever zone the day was read in.
		Instant from = day.minusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
		Instant to = day.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
		ReportQuery query = new ReportQuery(null, null, from, to, null, null, Set.of(ref.source()), false, null,
				ReportQuery.MAX_LIMIT);
		return this.reports.find(query)
			.reports()
			.stream()
			.filter(r -> ref.externalId().equals(r.externalId()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"the story names the report " + ref.source() + " " + ref.externalId() + ", which is not stored"));
	}

	private User user(String username) {
		return this.users.byUsername(username)
			.orElseThrow(() -> new IllegalStateException("the story names the user " + username
					+ ", who does not exist: it must be one of the scenario's demoUsers"));
	}

	/** The side a user speaks for: a liaison's party or a co-chair's sponsor. */
	private static String side(User user, String username) {
		return user.grants()
			.stream()
			.filter(g -> g.role() == Role.LIAISON || g.role() == Role.CO_CHAIR)
			.map(Grant::actorId)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"the story's claim is by " + username + ", who is neither a liaison nor a co-chair"));
	}

	private static Asserted.Input asserted(Asserted.Input in) {
		return in == null ? Asserted.Input.NONE : in;
	}

	private static Instant instant(String text) {
		return text == null ? null : OffsetDateTime.parse(text).toInstant();
	}

	private static Story read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return YAML.readValue(in, Story.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

	private static final class Counts {

		int recorded;

		int present;

	}

	private static <T> List<T> list(List<T> items) {
		return items == null ? List.of() : items;
	}

	record Story(List<Area> besiegedAreas, List<Access> accessRequests, List<StoryIncident> incidents) {

		Story {
			besiegedAreas = list(besiegedAreas);
			accessRequests = list(accessRequests);
			incidents = list(incidents);
		}

	}

	record Area(String name, String status, Long population, String asOf, List<String> besiegers, String recordedBy,
			List<List<String>> neighbourhoods, String sourceNote) {

		Area {
			besiegers = list(besiegers);
			neighbourhoods = list(neighbourhoods);
		}

	}

	record Access(String key, String requestedBy, JsonNode route, RequestingAccess.Destination destination,
			List<RequestingAccess.Cargo> cargo, Long peopleInNeed, List<String> parties, String from, String to,
			List<Decision> decisions, Outcome outcome) {

		Access {
			decisions = list(decisions);
		}

	}

	/**
	 * A party's decision; {@code asserted} says when it was made, on whose word and in
	 * what document (absent: when the demo records it).
	 */
	record Decision(String by, String party, String verdict, String reasons, String conditions,
			Asserted.Input asserted) {

	}

	record Outcome(String by, String outcome, Double deliveredShare, String deliveredNote, String blockedBy,
			RequestingAccess.Destination blockedAt, String reason, String at) {

	}

	record ReportRef(String source, String externalId, String day) {

	}

	record StoryIncident(ReportRef report, List<StoryClaim> claims, List<StoryRfi> rfis,
			List<StoryDetermination> determinations) {

		StoryIncident {
			claims = list(claims);
			rfis = list(rfis);
			determinations = list(determinations);
		}

	}

	/**
	 * A side's claim; {@code asserted} says when the side made it, on whose word and in
	 * what document (absent: when the demo records it).
	 */
	record StoryClaim(String by, String position, String actor, String statement, Asserted.Input asserted) {

	}

	record StoryRfi(String sentBy, String answeredBy, String party, String question, String sentAt, String deadline,
			String answer, String answeredAt, String provenance) {

	}

	record StoryDetermination(String draftedBy, String agreement, String term, String actor, String verdict,
			String rationale, List<StorySignOff> signedBy, List<StoryComment> dissents) {

		StoryDetermination {
			signedBy = list(signedBy);
			dissents = list(dissents);
		}

	}

	/**
	 * A co-chair's sign-off; {@code asserted} says when the side signed, on whose word
	 * and in what document (absent: when the demo records it).
	 */
	record StorySignOff(String by, Asserted.Input asserted) {

	}

	/**
	 * A co-chair's dissent; {@code asserted} says when it was given, on whose word and in
	 * what document (absent: when the demo records it).
	 */
	record StoryComment(String by, String text, Asserted.Input asserted) {

	}

}
