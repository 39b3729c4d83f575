package org.truce.deconfliction.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.deconfliction.application.DeclaringPositions;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProvingNotifications;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.deconfliction.model.PositionRecord;
import org.truce.geo.model.GeoJsonShape;
import org.truce.identity.model.Viewer;
import org.truce.identity.web.SignedIn;
import org.truce.shared.Asserted;
import org.truce.shared.ErrorCode;
import org.truce.shared.InstantFields;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.AssertedBody;
import org.truce.web.IdempotentPosts;
import org.truce.web.PathIds;

/**
 * Humanitarian notifications (registered by notifiers, acknowledged by the liaisons of
 * the parties concerned) and declared positions (co-chairs and the declaring side only).
 */
@RestController
class NotificationController {

	private final Notifying notifying;

	private final DeclaringPositions positions;

	private final ProvingNotifications proving;

	private final IdempotentPosts idempotent;

	private final RowCaps caps;

	NotificationController(Notifying notifying, DeclaringPositions positions, ProvingNotifications proving,
			IdempotentPosts idempotent, RowCaps caps) {
		this.caps = caps;
		this.notifying = notifying;
		this.positions = positions;
		this.proving = proving;
		this.idempotent = idempotent;
	}

	/**
	 * What a notifier posts. {@code geometry} is a GeoJSON geometry (RFC 7946); instants
	 * carry their offset.
	 */
	record NewNotificationBody(String kind, String name, String siteKind, String movementKind, JsonNode geometry,
			String from, String to, List<Notification.Vehicle> vehicles, String markings, List<String> parties,
			AssertedBody asserted) {

	}

	/**
	 * What a liaison posts to acknowledge: the party, when its side has several; and, for
	 * an acknowledgment entered after the fact, when it was given and on whose word.
	 */
	record AcknowledgmentBody(String party, AssertedBody asserted) {

	}

	/** What a liaison or co-chair declares. */
	record NewPositionBody(String side, String label, JsonNode area, String from, String to, AssertedBody asserted) {

	}

	@Operation(summary = "Register a notification of a protected site or a movement (notifiers)",
			description = "kind SITE (siteKind HOSPITAL, CLINIC, SCHOOL, AID_WAREHOUSE, SHELTER, WATER_STATION,"
					+ " POWER_STATION; geometry a GeoJSON Point or Polygon) or MOVEMENT (movementKind CONVOY,"
					+ " EVACUATION, STAFF_MOVEMENT; geometry a LineString route; from and to required). parties are"
					+ " actor ids; each party's liaison must acknowledge it. Refusals: 422 with WINDOW_REQUIRED,"
					+ " INTERVAL_END_BEFORE_START, GEOMETRY_INVALID, GEOMETRY_TYPE_NOT_ALLOWED, *_OUT_OF_RANGE,"
					+ " UNKNOWN_ACTOR, FIELD_REQUIRED, naming the field. Entered after the fact, asserted gives when it"
					+ " was notified (at, not later than now: else ASSERTED_AFTER_RECORDED), who asserts it (by,"
					+ " required with at: ASSERTED_BY_REQUIRED) and the document (document, url); without it, the"
					+ " time of recording is asserted by the signed-in user. A notification-sent ledger entry names the"
					+ " parties and holds the content only as a salted commitment. With an Idempotency-Key, a replay"
					+ " gets the first response again (201, Idempotent-Replayed: true) and stores nothing; the same"
					+ " key with another request is refused (IDEMPOTENCY_KEY_REUSED).")
	@PostMapping(path = "/api/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> register(@RequestBody NewNotificationBody body,
			@Parameter(description = IdempotentPosts.KEY_DESCRIPTION) @RequestHeader(name = "Idempotency-Key",
					required = false) String idempotencyKey) {
		SignedIn who = signedIn();
		Notifying.NewNotification in = new Notifying.NewNotification(body.kind(), body.name(), body.siteKind(),
				body.movementKind(), json(body.geometry()), InstantFields.withOffset("from", body.from()),
				InstantFields.withOffset("to", body.to()), body.vehicles(), body.markings(), body.parties(),
				AssertedBody.input(body.asserted()));
		return this.idempotent.create(who.userId(), idempotencyKey, "/api/notifications", body,
				() -> NotificationView.of(this.notifying.register(in, who.userId()), this.notifying.now()),
				view -> URI.create("/api/notifications/" + view.get("id").asString()), false);
	}

	@Operation(summary = "The notifications the reader may read, newest first",
			description = "Staff (monitors, co-chairs) read all; a notifier its own; a liaison those delivered to its"
					+ " side. withdrawn=true includes withdrawn ones. At most truce.limits.rows.notifications (1000);"
					+ " truncated: true says there were more.")
	@GetMapping("/api/notifications")
	Map<String, Object> list(@RequestParam(required = false) Boolean withdrawn) {
		Instant now = this.notifying.now();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("at", now);
		m.put("items",
				this.caps
					.cut("notifications",
							this.notifying.list(reader(), withdrawn == null || withdrawn,
									this.caps.ask("notifications")))
					.stream()
					.map(h -> NotificationView.of(h, now))
					.toList());
		return RowCaps.truncatedIf(m);
	}

	@Operation(summary = "One notification, with its status, transitions and acknowledgments",
			description = "A notification the reader may not read is not found (404).")
	@GetMapping("/api/notifications/{id}")
	NotificationView one(@PathVariable String id) {
		UUID uuid = uuid(id);
		return NotificationView.of(this.notifying.read(uuid, reader()).orElseThrow(() -> notFound(id)),
				this.notifying.now());
	}

	@Operation(summary = "Acknowledge a notification for your side (liaisons of a party concerned)",
			description = "Acknowledges for every party concerned of the liaison's side, or only the party named."
					+ " Idempotent: a party's first acknowledgment is kept. Each new acknowledgment is a"
					+ " notification-acknowledged ledger entry. A withdrawn notification: 409"
					+ " NOTIFICATION_WITHDRAWN. Entered after the fact, asserted says when the party acknowledged"
					+ " (not before the notification: ASSERTED_BEFORE_NOTIFIED), who asserts it and the document.")
	@PostMapping(path = "/api/notifications/{id}/acknowledgments")
	NotificationView acknowledge(@PathVariable String id, @RequestBody(required = false) AcknowledgmentBody body) {
		UUID uuid = uuid(id);
		NotificationHistory h = this.notifying.acknowledge(uuid, body == null ? null : body.party(),
				body == null ? Asserted.Input.NONE : AssertedBody.input(body.asserted()), reader());
		return NotificationView.of(h, this.notifying.now());
	}

	@Operation(summary = "Withdraw a notification (its notifier)",
			description = "Withdrawing again changes nothing. A notification-withdrawn ledger entry records it.")
	@PostMapping(path = "/api/notifications/{id}/withdrawal")
	NotificationView withdraw(@PathVariable String id) {
		UUID uuid = uuid(id);
		return NotificationView.of(this.notifying.withdraw(uuid, signedIn().userId()), this.notifying.now());
	}

	@Operation(summary = "Was this notified to a party before a strike? With the ledger proof",
			description = "before is an instant with offset, or a report's or incident's id (its earliest start is"
					+ " taken). The answer uses the asserted times: notifiedAt is when it was notified as asserted,"
					+ " notifiedAsserted says by whom and in what document, notificationRecordedAt when Truce"
					+ " recorded it (likewise for the acknowledgment). ledger proves the notification-sent entry and acknowledgmentLedger the party's"
					+ " acknowledgment: each has its index, leaf hash, canonical entry, and, once in a signed"
					+ " checkpoint, the RFC 9162 inclusion proof against the newest checkpoint and that checkpoint.")
	@GetMapping("/api/notifications/{id}/notified")
	Map<String, Object> notified(@PathVariable String id, @RequestParam(required = false) String party,
			@RequestParam(required = false) String before, Viewer viewer) {
		UUID uuid = uuid(id);
		DeconflictionReader reader = reader();
		if (this.notifying.read(uuid, reader).isEmpty()) {
			throw notFound(id);
		}
		return this.proving.notified(uuid, party, this.proving.strikeTime(before, viewer), reader);
	}

	@Operation(summary = "Notified sites and movements as GeoJSON, for the map",
			description = "Only those the reader may read (none for the public); withdrawn ones are left out. Each"
					+ " feature's properties: id, kind, name, siteKind, movementKind, from, to, status. At most"
					+ " truce.limits.rows.notifications (1000); truncated: true says there were more.")
	@GetMapping(path = "/api/map/notifications")
	Map<String, Object> map() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		List<Map<String, Object>> features = new ArrayList<>();
		List<NotificationHistory> readable = who == null ? RowCaps.cut(List.of(), this.caps.of("notifications"))
				: this.caps.cut("notifications", this.notifying.list(this.notifying.reader(who.userId(), who.grants()),
						false, this.caps.ask("notifications")));
		if (who != null) {
			Instant now = this.notifying.now();
			for (NotificationHistory h : readable) {
				Notification n = h.notification();
				Map<String, Object> properties = NotificationFeatures.properties(h, now);
				Map<String, Object> f = new LinkedHashMap<>();
				f.put("type", "Feature");
				f.put("id", n.id().toString());
				f.put("geometry", GeoJsonShape.of(n.geometry()));
				f.put("properties", properties);
				features.add(f);
			}
		}
		return RowCaps.truncatedIf(Map.of("type", "FeatureCollection", "features", features));
	}

	@Operation(summary = "Declare where your own forces operate (liaisons, co-chairs)",
			description = "The side is the actor your grant binds you to (name it in side when you have several)."
					+ " area is a GeoJSON Point, Polygon or MultiPolygon; from and to are required. Seen only by the"
					+ " co-chairs and the declaring side; its position-declared ledger entry holds only a salted"
					+ " commitment to the area and window. Bounded: an area over truce.positions.max-area-km2 (default"
					+ " 1000 km²) is refused with 422 POSITION_TOO_LARGE on area, a window over"
					+ " truce.positions.max-window-days (default 31) with 422 POSITION_WINDOW_TOO_LONG on to.")
	@PostMapping(path = "/api/positions", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> declare(@RequestBody NewPositionBody body) {
		PositionRecord r = this.positions.declare(new DeclaringPositions.NewPosition(body.side(), body.label(),
				json(body.area()), InstantFields.withOffset("from", body.from()),
				InstantFields.withOffset("to", body.to()), AssertedBody.input(body.asserted())), reader());
		return ResponseEntity.created(URI.create("/api/positions/" + r.position().id())).body(positionView(r));
	}

	@Operation(summary = "Declared positions (co-chairs: all; a liaison: its side's)",
			description = "At most truce.limits.rows.positions (1000); truncated: true says there were more.")
	@GetMapping("/api/positions")
	Map<String, Object> positions(@RequestParam(required = false) Boolean withdrawn) {
		return RowCaps.items(this.caps
			.cut("positions", this.positions.list(reader(), withdrawn != null && withdrawn, this.caps.ask("positions")))
			.stream()
			.map(NotificationController::positionView)
			.toList());
	}

	@Operation(summary = "Declared positions as GeoJSON, for the map",
			description = "Only those the reader may read: every one for a co-chair, its side's for a liaison, none"
					+ " for anyone else (the public included: an empty collection). Withdrawn ones are left out."
					+ " Each feature's properties: id, side, label, from, to. At most truce.limits.rows.positions"
					+ " (1000); truncated: true says there were more.")
	@GetMapping(path = "/api/map/positions")
	Map<String, Object> positionsMap() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		DeconflictionReader reader = who == null ? DeconflictionReader.PUBLIC
				: this.notifying.reader(who.userId(), who.grants());
		return RowCaps.truncatedIf(PositionFeatures
			.collection(this.caps.cut("positions", this.positions.list(reader, false, this.caps.ask("positions")))));
	}

	@Operation(summary = "Withdraw a declared position of your side (liaisons, co-chairs)")
	@PostMapping("/api/positions/{id}/withdrawal")
	Map<String, Object> withdrawPosition(@PathVariable String id) {
		return positionView(this.positions.withdraw(uuid(id), reader()));
	}

	private static Map<String, Object> positionView(PositionRecord r) {
		DeclaredPosition p = r.position();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", p.id().toString());
		m.put("side", p.side());
		m.put("label", p.label());
		m.put("area", GeoJsonShape.of(p.area()));
		m.put("from", p.from());
		m.put("to", p.to());
		m.put("declaredBy", p.declaredBy());
		m.put("declaredAt", p.asserted().at());
		m.put("asserted", p.asserted().fields());
		m.put("recordedAt", p.declaredAt());
		m.put("withdrawnAt", p.withdrawnAt());
		m.put("withdrawnBy", r.withdrawnBy());
		String content = DeclaringPositions.content(p);
		m.put("content", Map.of("salt", r.contentSalt(), "value", content, "commitment",
				org.truce.ledger.model.SaltedCommitment.of(r.contentSalt(), content)));
		return m;
	}

	private DeconflictionReader reader() {
		SignedIn who = signedIn();
		return this.notifying.reader(who.userId(), who.grants());
	}

	private static SignedIn signedIn() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return who;
	}

	private static String json(JsonNode node) {
		return node == null || node.isNull() ? null : node.toString();
	}

	static UUID uuid(String id) {
		return PathIds.uuid(id, "/api/notifications/" + id);
	}

	private static RejectedException notFound(String id) {
		return PathIds.notFound("/api/notifications/" + id);
	}

}
