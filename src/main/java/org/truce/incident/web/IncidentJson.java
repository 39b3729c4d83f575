package org.truce.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.model.ActorRef;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.Claim;
import org.truce.incident.model.Evidence;
import org.truce.incident.model.IncidentRecord;
import org.truce.incident.model.StoredLink;
import org.truce.report.model.Casualties;
import org.truce.report.model.Location;
import org.truce.report.model.TimeSpan;
import org.truce.report.web.ReportView;
import org.truce.shared.Sha256;

/**
 * An incident as the API shows it. Staff are told the record's {@code version} (the
 * number of changes made to it, which they send back as If-Match) and its times; anyone
 * else sees only part of the record, and is told no version, times derived from the parts
 * it sees, and an entity tag that is a digest of the answer itself ({@link #etag}): a
 * part it may not see, added or changed, moves none of them.
 */
public record IncidentJson(UUID id, Integer version, String eventType, TimeSpan when, Location where, ActorRef actor,
		ActorRef target, Casualties casualties, Attribution attribution, Grade grade, IncidentRecord.Discount discount,
		List<ReportView> reports, List<Claim> claims, List<Evidence> evidence, List<StoredLink> candidateLinks,
		Instant createdAt, Instant updatedAt, ReportView.WhoActedView whoActed, String equipment) {

	/** Whether who acted is contested, and each conflict in words. */
	record Attribution(boolean contested, List<String> conflicts) {

	}

	/** The verification grade, what it means, and why the incident has it. */
	record Grade(String code, String meaning, String reason) {

	}

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	public static IncidentJson of(ReadingIncidents.IncidentView v) {
		var i = v.incident();
		return new IncidentJson(v.shownId(), v.wholeRecord() ? v.record().version() : null, i.eventType().code(),
				i.when(), i.where(), i.actor(), i.target(), i.casualties(),
				new Attribution(i.attribution().contested(), i.attribution().conflicts()),
				new Grade(v.grading().grade().name(), v.grading().grade().meaning(), v.grading().reason()),
				v.record().discount(), v.reports().stream().map(ReportView::of).toList(), v.claims(), v.evidence(),
				v.links(), v.seenCreatedAt(), v.seenUpdatedAt(),
				ReportView.WhoActedView.of(i.whoActed(), i.actor(), i.target()),
				i.equipment() == null ? null : i.equipment().code());
	}

	/**
	 * The entity tag of this answer: the record's version for staff ({@code "3"}, as
	 * If-Match takes it), else a weak tag of the SHA-256 of the answer, which changes
	 * exactly when what the reader sees does.
	 */
	String etag(ReadingIncidents.IncidentView v) {
		if (v.wholeRecord()) {
			return v.record().etag();
		}
		return "W/\"" + Sha256.hex(JSON.writeValueAsString(this)) + "\"";
	}

}
