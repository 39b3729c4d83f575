package org.truce.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

/** An incident as the API shows it. */
record IncidentJson(UUID id, int version, String eventType, TimeSpan when, Location where, ActorRef actor,
		ActorRef target, Casualties casualties, Attribution attribution, Grade grade, IncidentRecord.Discount discount,
		List<ReportView> reports, List<Claim> claims, List<Evidence> evidence, List<StoredLink> candidateLinks,
		Instant createdAt, Instant updatedAt, ReportView.WhoActedView whoActed, String equipment) {

	/** Whether who acted is contested, and each conflict in words. */
	record Attribution(boolean contested, List<String> conflicts) {

	}

	/** The verification grade, what it means, and why the incident has it. */
	record Grade(String code, String meaning, String reason) {

	}

	static IncidentJson of(ReadingIncidents.IncidentView v) {
		var i = v.incident();
		return new IncidentJson(v.shownId(), v.record().version(), i.eventType().code(), i.when(), i.where(), i.actor(),
				i.target(), i.casualties(), new Attribution(i.attribution().contested(), i.attribution().conflicts()),
				new Grade(v.grading().grade().name(), v.grading().grade().meaning(), v.grading().reason()),
				v.record().discount(), v.reports().stream().map(ReportView::of).toList(), v.claims(), v.evidence(),
				v.links(), v.record().createdAt(), v.record().updatedAt(),
				ReportView.WhoActedView.of(i.whoActed(), i.actor(), i.target()),
				i.equipment() == null ? null : i.equipment().code());
	}

}
