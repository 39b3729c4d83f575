package org.truce.incident.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.Casualties;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.Report;
import org.truce.report.model.TimePrecision;
import org.truce.report.model.TimeSpan;
import org.truce.report.model.WhoActed;

/**
 * One event in the world, as the record currently understands it. Until reports are
 * clustered, every report is an incident of its own ({@link #ofReport}); the adjudication
 * engine sees only this type, so clustering can come without changing it.
 *
 * @param id stable identifier; for a one-report incident, the report's id
 * @param reportIds the reports that describe it
 * @param externalIds the sources' own ids (such as UCDP event ids)
 * @param eventType what happened
 * @param when the interval in which it happened
 * @param where the place, with its uncertainty
 * @param actor the first actor named (who acted, unless {@code whoActed} says otherwise),
 * or null when no source names anyone
 * @param target the other actor named (against whom, unless {@code whoActed} says
 * otherwise), or null
 * @param casualties deaths reported
 * @param attribution whether the sources and the sides' claims contest who acted
 * @param whoActed how the actor and target relate to who acted
 * @param equipment the class of weapon or equipment named, or null
 */
public record Incident(String id, List<String> reportIds, List<String> externalIds, EventType eventType, TimeSpan when,
		Location where, ActorRef actor, ActorRef target, Casualties casualties, Attribution attribution,
		WhoActed whoActed, EquipmentClass equipment) {

	public Incident {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(eventType, "eventType");
		Objects.requireNonNull(when, "when");
		Objects.requireNonNull(where, "where");
		reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
		externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
		casualties = casualties == null ? Casualties.NONE : casualties;
		attribution = attribution == null ? Attribution.UNCONTESTED : attribution;
		whoActed = whoActed == null ? WhoActed.ACTOR : whoActed;
	}

	/**
	 * An incident whose attribution nobody contests, in which the actor acted against the
	 * target, with no equipment class.
	 */
	public Incident(String id, List<String> reportIds, List<String> externalIds, EventType eventType, TimeSpan when,
			Location where, ActorRef actor, ActorRef target, Casualties casualties) {
		this(id, reportIds, externalIds, eventType, when, where, actor, target, casualties, Attribution.UNCONTESTED,
				WhoActed.ACTOR, null);
	}

	public static Incident ofReport(Report report) {
		return new Incident(report.id().toString(), List.of(report.id().toString()),
				report.externalId() == null ? List.of() : List.of(report.externalId()), report.eventType(),
				report.when(), report.where(), report.actor(), report.target(), report.casualties(),
				Attribution.UNCONTESTED, report.whoActed(), report.equipment());
	}

	/**
	 * The incident its reports describe together, as one event:
	 * <ul>
	 * <li>type: the type most of them give (on a tie, the first report's);</li>
	 * <li>time: the interval all of them share, or, when they share none, the span from
	 * the earliest start to the latest end;</li>
	 * <li>place: that of the report with the smallest uncertainty;</li>
	 * <li>actor and target: the first resolved one named, else the first named, among the
	 * reports that say who acted ({@link WhoActed#known()}), which outweigh those that
	 * only name a dyad or several possible actors (the difference between them is no
	 * conflict); when no report says who acted, the actor, target and who-acted of the
	 * first report naming a resolved actor (else the first report), taken together so
	 * that a dyad stays whole; the actor is still reported when attribution is contested,
	 * and the adjudication then says it cannot decide;</li>
	 * <li>casualties: those of the first report that gives any.</li>
	 * </ul>
	 * @param id the incident's id
	 * @param reports its reports, in the order they joined it (at least one)
	 * @param attribution as the reports and the sides' claims tell it
	 */
	public static Incident ofReports(String id, List<Report> reports, Attribution attribution) {
		if (reports.isEmpty()) {
			throw new IllegalArgumentException("an incident has at least one report");
		}
		Report first = reports.get(0);
		Map<EventType, Integer> votes = new EnumMap<>(EventType.class);
		reports.forEach(r -> votes.merge(r.eventType(), 1, Integer::sum));
		EventType type = first.eventType();
		for (Map.Entry<EventType, Integer> vote : votes.entrySet()) {
			if (vote.getValue() > votes.get(type)) {
				type = vote.getKey();
			}
		}
		Instant start = reports.stream().map(r -> r.when().start()).max(Instant::compareTo).orElseThrow();
		Instant end = reports.stream().map(r -> r.when().end()).min(Instant::compareTo).orElseThrow();
		TimeSpan when = first.when();
		if (reports.size() > 1) {
			if (start.isAfter(end)) {
				start = reports.stream().map(r -> r.when().start()).min(Instant::compareTo).orElseThrow();
				end = reports.stream().map(r -> r.when().end()).max(Instant::compareTo).orElseThrow();
			}
			when = new TimeSpan(start, end, coarsest(reports));
		}
		Location where = reports.stream()
			.min(Comparator.comparingDouble(r -> r.where().uncertaintyMetres()))
			.orElseThrow()
			.where();
		Casualties casualties = reports.stream()
			.map(Report::casualties)
			.filter(c -> !c.equals(Casualties.NONE))
			.findFirst()
			.orElse(Casualties.NONE);
		List<Report> stating = reports.stream().filter(r -> r.actor() != null && r.whoActed().known()).toList();
		ActorRef actor;
		ActorRef target;
		WhoActed whoActed;
		if (!stating.isEmpty()) {
			ActorRef named = named(stating.stream().map(Report::actor).toList());
			actor = named;
			target = named(stating.stream().map(Report::target).toList());
			whoActed = stating.stream()
				.filter(r -> r.actor() == named)
				.map(Report::whoActed)
				.findFirst()
				.orElse(WhoActed.ACTOR);
		}
		else {
			Report leading = reports.stream()
				.filter(r -> r.actor() != null && r.actor().status() == ActorRef.ResolutionStatus.RESOLVED)
				.findFirst()
				.orElse(first);
			actor = leading.actor();
			target = leading.target();
			whoActed = leading.whoActed();
		}
		EquipmentClass equipment = reports.stream()
			.map(Report::equipment)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		return new Incident(id, reports.stream().map(r -> r.id().toString()).toList(),
				reports.stream().map(Report::externalId).filter(Objects::nonNull).toList(), type, when, where, actor,
				target, casualties, attribution, whoActed, equipment);
	}

	private static TimePrecision coarsest(List<Report> reports) {
		return reports.stream().map(r -> r.when().precision()).max(Comparator.naturalOrder()).orElseThrow();
	}

	private static ActorRef named(List<ActorRef> refs) {
		return refs.stream()
			.filter(r -> r != null && r.status() == ActorRef.ResolutionStatus.RESOLVED)
			.findFirst()
			.orElse(refs.stream().filter(Objects::nonNull).findFirst().orElse(null));
	}

	/**
	 * The registry's id of the actor who acted, when the sources say who did; null when
	 * they do not, or the name is not resolved.
	 */
	public String knownActorId() {
		return this.whoActed.known() && this.actor != null ? this.actor.actorId() : null;
	}

	/**
	 * The registry's ids of the actors who may have acted, when the sources do not say
	 * which did (the two sides of a dyad, "one of" named actors); empty when they say who
	 * acted. Such an incident is charged to none of them alone.
	 */
	public List<String> possiblePerpetratorIds() {
		return this.whoActed.known() ? List.of()
				: this.whoActed.possible(this.actor, this.target)
					.stream()
					.map(ActorRef::actorId)
					.filter(Objects::nonNull)
					.distinct()
					.toList();
	}

	/** The best estimate of civilian deaths, or null when none is reported. */
	public Integer civilianDeaths() {
		return this.casualties.civilians() == null ? null : this.casualties.civilians().best();
	}

}
