package org.truce.incident.web;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.CurrentViewer;
import org.truce.incident.application.ClusteringNewReports;
import org.truce.incident.application.IncidentDirectory;
import org.truce.incident.application.ManagingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.model.IncidentRecord;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.KindDisclosures;
import org.truce.ledger.model.Disclosure;

/**
 * Which commitments of the incidents' entries a reader sees opened, by the rules of
 * {@code GET /api/incidents/{id}}: staff every group; anyone else who may see the
 * incident a side's {@code claim} if it may read that side's claims
 * ({@link ReadingIncidents#mayReadClaimsOf}), and a discount's {@code reason} while the
 * incident is discounted for that reason (the API shows the discount in force). The
 * {@code reports} groups (which reports make an incident, how far apart) are for staff
 * only, as the candidate links are.
 */
@Component
class IncidentDisclosures implements KindDisclosures {

	private static final Set<String> KINDS = Set.of(ClusteringNewReports.CREATED, ClusteringNewReports.GREW,
			ClusteringNewReports.LINKED, ManagingIncidents.LINK_DECIDED, ManagingIncidents.MERGED,
			ManagingIncidents.SPLIT, ManagingIncidents.DISCOUNTED, ManagingIncidents.CLAIM, ManagingIncidents.EVIDENCE);

	private final CurrentViewer viewers;

	private final IncidentDirectory directory;

	IncidentDisclosures(CurrentViewer viewers, IncidentDirectory directory) {
		this.viewers = viewers;
		this.directory = directory;
	}

	@Override
	public Set<String> kinds() {
		return KINDS;
	}

	@Override
	public DisclosurePolicy forCurrentReader() {
		Viewer viewer = this.viewers.current();
		if (viewer.staff()) {
			return DisclosurePolicy.ALL;
		}
		return new DisclosurePolicy() {

			@Override
			public boolean mayOpen(String kind, String subject, String group) {
				return false;
			}

			@Override
			public boolean mayOpen(String kind, String subject, Disclosure disclosure) {
				if (!(disclosure.value() instanceof Map<?, ?> value)) {
					return false;
				}
				if (ManagingIncidents.CLAIM.equals(kind) && ManagingIncidents.CLAIM_GROUP.equals(disclosure.group())) {
					return value.get("side") instanceof String side && ReadingIncidents.mayReadClaimsOf(viewer, side)
							&& seen(subject, viewer).isPresent();
				}
				if (ManagingIncidents.DISCOUNTED.equals(kind) && ManagingIncidents.REASON.equals(disclosure.group())) {
					return seen(subject, viewer).map(IncidentRecord::discount)
						.filter(d -> d.reason().equals(value.get("reason")))
						.isPresent();
				}
				return false;
			}

		};
	}

	private Optional<IncidentRecord> seen(String subject, Viewer viewer) {
		try {
			return this.directory.current(UUID.fromString(subject), viewer);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
