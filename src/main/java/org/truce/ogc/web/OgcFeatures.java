package org.truce.ogc.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.MingledArea;
import org.truce.agreement.model.Zone;
import org.truce.agreement.web.AgreementFeatures;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.deconfliction.web.NotificationFeatures;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.incident.application.ReadingIncidents;
import org.truce.incident.web.IncidentJson;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.report.web.ReportQueryParser;
import org.truce.report.web.ReportView;
import org.truce.web.RowCaps;

/**
 * The collections of {@code /ogc} and their features, each read through the application
 * service that the REST API's controller of the same data calls, with the request's
 * reader: reports as {@code GET /api/reports} cuts them (store-side, by the reader's
 * scope, paged by its keyset cursor), incidents as {@code GET /api/incidents}, notified
 * sites and movements as {@code GET /api/map/notifications} (none for the public), and
 * the agreements' zones, mingled areas and the control map, which everyone reads, as
 * their GeoJSON endpoints give them. Lists other than reports are read whole for the
 * reader (at most their row cap) and then filtered and paged, so that a count or a page
 * is only ever of what the reader may see.
 */
@Component
class OgcFeatures {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final ReadingReports reports;

	private final ReadingIncidents incidents;

	private final AgreementCatalogue agreements;

	private final Notifying notifying;

	private final RowCaps caps;

	private final JsonMapper json;

	OgcFeatures(ReadingReports reports, ReadingIncidents incidents, AgreementCatalogue agreements, Notifying notifying,
			RowCaps caps, JsonMapper json) {
		this.reports = reports;
		this.incidents = incidents;
		this.agreements = agreements;
		this.notifying = notifying;
		this.caps = caps;
		this.json = json;
	}

	/**
	 * What a collection holds: its kind, and the agreement for zones and mingled areas.
	 */
	enum Kind {

		REPORTS("reports"), INCIDENTS("incidents"), ZONES("zones-"), MINGLED("mingled-"),
		CONTROL_AREAS("control-areas"), NOTIFIED_PLACES("notified-places");

		final String id;

		Kind(String id) {
			this.id = id;
		}

		/** The key of its title and description in messages.properties. */
		String messageKey() {
			return "ogc.collection." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		}

	}

	/** A collection: its id ({@code reports}, {@code zones-<agreement>}) and kind. */
	record Collection(String id, Kind kind, String agreementId) {

	}

	/** A feature: its id, geometry (or null), properties, and its time if it has one. */
	record Feature(String id, Geometry geometry, Map<String, Object> properties, Instant start, Instant end) {

	}

	/**
	 * A page of features, the cursor of the next page (or null), the offset of this
	 * page's first feature in a list read whole (or -1 when paged by a keyset cursor),
	 * and how many features match in all when that is known (or null).
	 */
	record Page(List<Feature> features, String next, int offset, Long matched) {

	}

	List<Collection> collections() {
		List<Collection> all = new ArrayList<>();
		all.add(new Collection(Kind.REPORTS.id, Kind.REPORTS, null));
		all.add(new Collection(Kind.INCIDENTS.id, Kind.INCIDENTS, null));
		for (String agreement : this.agreements.all().keySet().stream().sorted().toList()) {
			all.add(new Collection(Kind.ZONES.id + agreement, Kind.ZONES, agreement));
			all.add(new Collection(Kind.MINGLED.id + agreement, Kind.MINGLED, agreement));
		}
		all.add(new Collection(Kind.CONTROL_AREAS.id, Kind.CONTROL_AREAS, null));
		all.add(new Collection(Kind.NOTIFIED_PLACES.id, Kind.NOTIFIED_PLACES, null));
		return all;
	}

	Optional<Collection> collection(String id) {
		return collections().stream().filter(c -> c.id().equals(id)).findFirst();
	}

	Page items(Collection c, OgcQuery query, Viewer viewer) {
		if (c.kind() == Kind.REPORTS) {
			return reports(query, viewer);
		}
		Whole whole = whole(c, viewer);
		List<Feature> matching = whole.features()
			.stream()
			.filter(f -> query.meets(f.geometry()) && query.meets(f.start(), f.end()))
			.toList();
		int offset = query.offset();
		int end = (int) Math.min((long) offset + query.limit(), matching.size());
		List<Feature> page = offset >= matching.size() ? List.of() : matching.subList(offset, end);
		String next = end < matching.size() ? OgcQuery.offsetCursor(end) : null;
		return new Page(page, next, offset, whole.cut() ? null : (long) matching.size());
	}

	Optional<Feature> item(Collection c, String featureId, Viewer viewer) {
		if (c.kind() == Kind.REPORTS) {
			UUID id;
			try {
				id = UUID.fromString(featureId);
			}
			catch (IllegalArgumentException ex) {
				return Optional.empty();
			}
			return this.reports.byId(id, viewer).map(this::report);
		}
		return whole(c, viewer).features().stream().filter(f -> f.id().equals(featureId)).findFirst();
	}

	private Page reports(OgcQuery query, Viewer viewer) {
		OgcQuery.Box box = query.bbox();
		// A box across the antimeridian is read as its band of latitude, and each report
		// is
		// then matched at the point the reader is shown.
		ReportQuery.BoundingBox storeBox = box == null ? null
				: box.crossesAntimeridian() ? new ReportQuery.BoundingBox(-180, box.south(), 180, box.north())
						: new ReportQuery.BoundingBox(box.west(), box.south(), box.east(), box.north());
		ReportQuery.Cursor after = query.cursor() == null ? null : ReportQueryParser.decodeCursor(query.cursor());
		ReportQuery q = new ReportQuery(storeBox, null, query.from(), query.to(), null, null, null, false, after,
				query.limit());
		ReportPage page = this.reports.find(q, viewer);
		List<Feature> features = page.reports()
			.stream()
			.filter(r -> query.meets(r.where().longitude(), r.where().latitude()))
			.map(this::report)
			.toList();
		return new Page(features, page.next() == null ? null : ReportQueryParser.encodeCursor(page.next()), -1, null);
	}

	private Feature report(Report r) {
		Map<String, Object> properties = this.json.convertValue(ReportView.of(r), MAP);
		properties.remove("id");
		return new Feature(r.id().toString(), OgcQuery.point(r.where().longitude(), r.where().latitude()), properties,
				r.when().start(), r.when().end());
	}

	/** A list read whole for the reader, and whether it was cut at its row cap. */
	private record Whole(List<Feature> features, boolean cut) {

	}

	private Whole whole(Collection c, Viewer viewer) {
		return switch (c.kind()) {
			case INCIDENTS -> incidents(viewer);
			case ZONES -> new Whole(zones(c.agreementId()), false);
			case MINGLED -> new Whole(mingled(c.agreementId()), false);
			case CONTROL_AREAS -> new Whole(controlAreas(), false);
			case NOTIFIED_PLACES -> notifiedPlaces();
			case REPORTS -> throw new IllegalStateException("reports are paged by the store");
		};
	}

	private Whole incidents(Viewer viewer) {
		int cap = this.caps.of("incidents");
		List<ReadingIncidents.IncidentView> seen = this.incidents.recent(cap + 1, viewer);
		List<Feature> features = new ArrayList<>();
		for (ReadingIncidents.IncidentView v : RowCaps.cut(seen, cap)) {
			IncidentJson incident = IncidentJson.of(v);
			Map<String, Object> properties = this.json.convertValue(incident, MAP);
			properties.remove("id");
			Geometry point = incident.where() == null ? null
					: OgcQuery.point(incident.where().longitude(), incident.where().latitude());
			features.add(new Feature(incident.id().toString(), point, properties,
					incident.when() == null ? null : incident.when().start(),
					incident.when() == null ? null : incident.when().end()));
		}
		return new Whole(features, seen.size() > cap);
	}

	private List<Feature> zones(String agreementId) {
		Agreement a = this.agreements.latest(agreementId).orElseThrow();
		return a.zones()
			.stream()
			.map((Zone z) -> new Feature(z.id(), z.geometry(), AgreementFeatures.zone(a, z), null, null))
			.toList();
	}

	private List<Feature> mingled(String agreementId) {
		Agreement a = this.agreements.latest(agreementId).orElseThrow();
		return this.agreements.controlMap()
			.mingled(a)
			.stream()
			.map((MingledArea m) -> new Feature(AgreementFeatures.mingledId(m), m.geometry(),
					AgreementFeatures.mingled(m), m.period().start(), m.period().end()))
			.toList();
	}

	private List<Feature> controlAreas() {
		return this.agreements.controlMap()
			.areas()
			.stream()
			.sorted(Comparator.comparing(ControlArea::id))
			.map(c -> new Feature(c.id(), c.geometry(), AgreementFeatures.controlArea(c), c.valid().start(),
					c.valid().end()))
			.toList();
	}

	private Whole notifiedPlaces() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			return new Whole(List.of(), false);
		}
		int cap = this.caps.of("notifications");
		List<NotificationHistory> readable = this.notifying.list(this.notifying.reader(who.userId(), who.grants()),
				false, cap + 1);
		Instant now = this.notifying.now();
		List<Feature> features = RowCaps.cut(readable, cap)
			.stream()
			.map(h -> new Feature(h.notification().id().toString(), h.notification().geometry(),
					NotificationFeatures.properties(h, now), h.notification().from(), h.notification().to()))
			.toList();
		return new Whole(features, readable.size() > cap);
	}

}
