package org.truce.bulletin.model;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.truce.adjudication.model.ComplianceClock;
import org.truce.adjudication.model.Outcome;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.Zone;

/**
 * Everything {@link Bulletins#compute} needs, already cut to one reader: what that reader
 * may see through the API, and nothing else. Gathered from the stores by
 * {@code bulletin.application.ComputingBulletin}, or from a ledger export.
 *
 * @param agreement the agreement: id, title, time zone, life span and sides
 * @param reader which cut these inputs are: {@code staff} (the whole record),
 * {@code side} (a liaison's side) or {@code public} (the published record)
 * @param incidents the incidents of the agreement the reader may see, from the start of
 * the previous period to the end of the period (at least), as the reader sees them
 * @param clock the compliance clock at the end of the period, or null when the agreement
 * has none or the reader may not see it (it is judged over the whole record)
 * @param clockNote why there is no clock, or null when there is one
 * @param rfis the requests for information about the agreement's incidents sent in the
 * period that the reader may read
 * @param notifications the humanitarian notifications notified (asserted time) in the
 * period that the reader may read, with each party's acknowledgment
 * @param alerts the proximity alerts about incidents that started in the period that the
 * reader may read
 * @param accessRequests the access requests recorded in the period that the reader may
 * read, with each party's decision
 */
public record BulletinInputs(AgreementFacts agreement, String reader, List<IncidentFacts> incidents,
		ComplianceClock.State clock, String clockNote, List<RfiFacts> rfis, List<NotificationFacts> notifications,
		List<AlertFacts> alerts, List<AccessFacts> accessRequests) {

	public BulletinInputs {
		Objects.requireNonNull(agreement, "agreement");
		Objects.requireNonNull(reader, "reader");
		incidents = incidents == null ? List.of() : List.copyOf(incidents);
		rfis = rfis == null ? List.of() : List.copyOf(rfis);
		notifications = notifications == null ? List.of() : List.copyOf(notifications);
		alerts = alerts == null ? List.of() : List.copyOf(alerts);
		accessRequests = accessRequests == null ? List.of() : List.copyOf(accessRequests);
	}

	/**
	 * The agreement a bulletin is about.
	 *
	 * @param id its id
	 * @param title its title
	 * @param timeZone the zone in which its days are counted
	 * @param start when it took effect
	 * @param end when it ceased, or null while in force
	 * @param sides each side's actor ids, by side name
	 * @param zones its zones' names by id
	 */
	public record AgreementFacts(String id, String title, ZoneId timeZone, Instant start, Instant end,
			Map<String, List<String>> sides, Map<String, String> zones) {

		public AgreementFacts {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(timeZone, "timeZone");
			Objects.requireNonNull(start, "start");
			sides = sides == null ? Map.of() : Map.copyOf(sides);
			zones = zones == null ? Map.of() : Map.copyOf(zones);
		}

		/**
		 * The facts of this version of an agreement, its days counted in
		 * {@code timeZone}.
		 */
		public static AgreementFacts of(Agreement agreement, ZoneId timeZone) {
			Map<String, String> zones = new TreeMap<>();
			for (Zone z : agreement.zones()) {
				zones.put(z.id(), z.name() == null ? z.id() : z.name());
			}
			Map<String, List<String>> sides = new TreeMap<>();
			agreement.sides().forEach((side, actors) -> sides.put(side, actors.stream().sorted().toList()));
			return new AgreementFacts(agreement.id(), agreement.title(), timeZone, agreement.effective().start(),
					agreement.effective().end(), sides, zones);
		}

	}

	/**
	 * One incident as the reader sees it, with its most serious finding under the
	 * agreement.
	 *
	 * @param id the id it is shown under
	 * @param start the start of its interval: the period it belongs to is the one its
	 * start falls in
	 * @param eventType its event type's enum name
	 * @param weaponClass its equipment class's enum name, or null when none is named
	 * @param zoneIds the zones of the agreement its findings place it in (empty when
	 * none, or when its place is withheld from the reader)
	 * @param placeWithheld whether its findings' zones are withheld from the reader (its
	 * reporter is at risk)
	 * @param actorId the actor the sources say acted, or null when they name nobody or
	 * say only that one of several acted
	 * @param possiblePerpetrators when the sources say only that one of several acted (or
	 * the attribution is shared), those who may have: none of them is charged alone
	 * @param worst its most serious outcome under the agreement, or null when it has no
	 * finding under it (not assessed)
	 * @param latitude the point the reader is shown (coarsened when it may not see the
	 * exact place), or null
	 * @param longitude see {@code latitude}
	 */
	public record IncidentFacts(String id, Instant start, String eventType, String weaponClass, List<String> zoneIds,
			boolean placeWithheld, String actorId, List<String> possiblePerpetrators, Outcome worst, Double latitude,
			Double longitude) {

		public IncidentFacts {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(start, "start");
			Objects.requireNonNull(eventType, "eventType");
			zoneIds = zoneIds == null ? List.of() : List.copyOf(zoneIds);
			possiblePerpetrators = possiblePerpetrators == null ? List.of() : List.copyOf(possiblePerpetrators);
		}

	}

	/**
	 * A request for information.
	 *
	 * @param id its id
	 * @param party the actor asked
	 * @param requestedBySide the requesting side (a sponsor actor id, or
	 * {@code monitors})
	 * @param sentAt when it was sent
	 * @param deadline the last instant an answer is on time
	 * @param answeredAt when it was answered, or null
	 */
	public record RfiFacts(String id, String party, String requestedBySide, Instant sentAt, Instant deadline,
			Instant answeredAt) {

	}

	/**
	 * A humanitarian notification.
	 *
	 * @param id its id
	 * @param kind {@code SITE} or {@code MOVEMENT}
	 * @param notifiedAt when it was notified to the parties (its asserted time)
	 * @param acknowledgedAt each party it was delivered to, with the asserted time of its
	 * acknowledgment (null when not acknowledged)
	 */
	public record NotificationFacts(String id, String kind, Instant notifiedAt, Map<String, Instant> acknowledgedAt) {

	}

	/**
	 * A proximity alert.
	 *
	 * @param id its id
	 * @param incidentStart the start of the report's interval that raised it
	 * @param placeKind the kind of place it is about
	 * @param proximity {@code SURELY} or {@code POSSIBLY} within the alert distance
	 */
	public record AlertFacts(String id, Instant incidentStart, String placeKind, String proximity) {

	}

	/**
	 * A humanitarian access request.
	 *
	 * @param id its id
	 * @param requestedAt when it was made (recorded)
	 * @param windowStart the start of the requested window
	 * @param decisions each party's decision
	 * @param outcome what came of it ({@code DELIVERED}, {@code BLOCKED}...), or null
	 */
	public record AccessFacts(String id, Instant requestedAt, Instant windowStart, List<Decision> decisions,
			String outcome) {

		public AccessFacts {
			decisions = decisions == null ? List.of() : List.copyOf(decisions);
		}

		/**
		 * @param party the party concerned
		 * @param verdict {@code APPROVED}, {@code CONDITIONAL}, {@code DENIED}, or null
		 * while undecided
		 * @param decidedAt the asserted time of the decision, or null
		 */
		public record Decision(String party, String verdict, Instant decidedAt) {

		}

	}

}
