package org.truce.deconfliction.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.locationtech.jts.geom.Geometry;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.deconfliction.model.Acknowledgment;
import org.truce.deconfliction.model.MovementKind;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.deconfliction.model.SiteKind;
import org.truce.geo.model.GeoJsonShape;
import org.truce.identity.application.Readers;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.Viewer;
import org.truce.ledger.application.AssertedEntries;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.CanonicalJson;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.shared.Asserted;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Registers humanitarian notifications, records the parties' acknowledgments and the
 * notifiers' withdrawals, and reads them, each change with its ledger entry in the same
 * transaction.
 *
 * <p>
 * The ledger is public, while a notification is for the staff, its notifier and the
 * parties concerned: a hospital's position or a convoy's route and timing must not be
 * published to everyone. So the entries hold, in the clear, only who notified whom and
 * when; what was notified (its name, kinds, geometry, window, vehicles and markings) is
 * held as a salted commitment ({@link SaltedCommitment}): SHA-256(salt + "." +
 * {@link #content canonical JSON of the content}). Those who may read the notification
 * get the salt and the content with it, and can check them against the entry offline.
 * <ul>
 * <li>{@code notification-sent}, subject the notification's id: {@code {kind, parties,
 * notifiedBy, notifiedAt, contentCommitment, asserted}}</li>
 * <li>{@code notification-acknowledged}, subject {@code <id>/<party>}:
 * {@code {notification, party, acknowledgedBy, acknowledgedAt, asserted}}</li>
 * <li>{@code notification-withdrawn}, subject the notification's id: {@code {withdrawnBy,
 * withdrawnAt}}</li>
 * </ul>
 * {@code notifiedAt} and {@code acknowledgedAt} are when Truce recorded them;
 * {@code asserted} is when they happened as asserted, {@code {at, by,
 * provenanceCommitment}} ({@link AssertedEntries}): a notification or acknowledgment
 * entered after the fact asserts an earlier time, on the word of a named person or
 * office, citing a document. Every answer that depends on time uses the asserted time.
 */
@Service
public class Notifying {

	public static final String SENT = "notification-sent";

	public static final String ACKNOWLEDGED = "notification-acknowledged";

	public static final String WITHDRAWN = "notification-withdrawn";

	public static final int MAX_NAME = 500;

	public static final int MAX_MARKINGS = 2000;

	public static final int MAX_VEHICLES = 200;

	public static final int MAX_PARTIES = 50;

	public static final int MAX_LIST = 1000;

	private static final Set<String> SITE_GEOMETRIES = Set.of("Point", "Polygon");

	private static final Set<String> MOVEMENT_GEOMETRIES = Set.of("LineString");

	private final Notifications store;

	private final ActorDirectory actors;

	private final Readers readers;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public Notifying(Notifications store, ActorDirectory actors, Readers readers, Ledger ledger, TransactionTemplate tx,
			Clock clock) {
		this.store = store;
		this.actors = actors;
		this.readers = readers;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * What a notifier sends. Kinds are names of {@link Notification.Kind},
	 * {@link SiteKind} and {@link MovementKind}, case-insensitive.
	 *
	 * @param geometry the GeoJSON geometry's JSON text
	 * @param asserted when it was notified, by whose word and in what document, if it is
	 * entered after the fact; {@link Asserted.Input#NONE} (or null) for now
	 */
	public record NewNotification(String kind, String name, String siteKind, String movementKind, String geometry,
			Instant from, Instant to, List<Notification.Vehicle> vehicles, String markings, List<String> parties,
			Asserted.Input asserted) {

		public NewNotification(String kind, String name, String siteKind, String movementKind, String geometry,
				Instant from, Instant to, List<Notification.Vehicle> vehicles, String markings, List<String> parties) {
			this(kind, name, siteKind, movementKind, geometry, from, to, vehicles, markings, parties,
					Asserted.Input.NONE);
		}

	}

	/** The reader a user's grants make. */
	public DeconflictionReader reader(String userId, Collection<Grant> grants) {
		boolean coChair = grants.stream().anyMatch(g -> g.role() == Role.CO_CHAIR);
		boolean staff = Viewer.staff(grants);
		boolean notifier = grants.stream().anyMatch(g -> g.role() == Role.NOTIFIER);
		List<Grant> liaison = grants.stream().filter(g -> g.role() == Role.LIAISON).toList();
		Set<String> side = liaison.isEmpty() ? Set.of() : this.readers.viewer(userId, liaison).sideActorIds();
		List<String> declarable = grants.stream()
			.filter(g -> g.role() == Role.LIAISON || g.role() == Role.CO_CHAIR)
			.map(Grant::actorId)
			.filter(a -> a != null && !a.isBlank())
			.distinct()
			.sorted()
			.toList();
		return new DeconflictionReader(userId, staff, coChair, notifier, side, declarable);
	}

	/**
	 * Registers a notification, delivered at once to the liaisons of its parties.
	 * @throws RejectedException with every problem found: FIELD_REQUIRED,
	 * UNKNOWN_ENUM_VALUE, GEOMETRY_INVALID, GEOMETRY_TYPE_NOT_ALLOWED, LATITUDE/LONGITUDE
	 * _OUT_OF_RANGE, WINDOW_REQUIRED (a movement without its window),
	 * INTERVAL_END_BEFORE_START (a window ending before it starts), UNKNOWN_ACTOR,
	 * TOO_LONG, TOO_MANY_ITEMS, and those of {@link Asserted#resolve} on {@code asserted}
	 * (ASSERTED_AFTER_RECORDED, ASSERTED_BY_REQUIRED)
	 */
	public NotificationHistory register(NewNotification in, String userId) {
		List<Problem> problems = new ArrayList<>();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		Notification.Kind kind = enumValue(Notification.Kind.class, "kind", in.kind(), true, problems);
		String name = in.name() == null ? null : in.name().strip();
		if (name == null || name.isEmpty()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "name"));
		}
		else if (name.length() > MAX_NAME) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, "name"));
		}
		SiteKind siteKind = null;
		MovementKind movementKind = null;
		Geometry geometry = null;
		if (kind == Notification.Kind.SITE) {
			siteKind = enumValue(SiteKind.class, "siteKind", in.siteKind(), true, problems);
			geometry = GeometryInput.read("geometry", in.geometry(), SITE_GEOMETRIES, problems);
		}
		else if (kind == Notification.Kind.MOVEMENT) {
			movementKind = enumValue(MovementKind.class, "movementKind", in.movementKind(), true, problems);
			geometry = GeometryInput.read("geometry", in.geometry(), MOVEMENT_GEOMETRIES, problems);
			if (in.from() == null) {
				problems.add(Problem.of(ErrorCode.WINDOW_REQUIRED, "from"));
			}
			if (in.to() == null) {
				problems.add(Problem.of(ErrorCode.WINDOW_REQUIRED, "to"));
			}
		}
		if (in.from() != null && in.to() != null && in.to().isBefore(in.from())) {
			problems.add(Problem.of(ErrorCode.INTERVAL_END_BEFORE_START, "to"));
		}
		List<Notification.Vehicle> vehicles = in.vehicles() == null ? List.of() : in.vehicles();
		if (vehicles.size() > MAX_VEHICLES) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "vehicles"));
		}
		for (int i = 0; i < vehicles.size() && i < MAX_VEHICLES; i++) {
			Notification.Vehicle v = vehicles.get(i);
			if (v == null || v.type() == null || v.type().isBlank()) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "vehicles[" + i + "].type"));
			}
			else if (tooLong(v.type()) || tooLong(v.registration()) || tooLong(v.markings())) {
				problems.add(Problem.of(ErrorCode.TOO_LONG, "vehicles[" + i + "]"));
			}
		}
		if (in.markings() != null && in.markings().length() > MAX_MARKINGS) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, "markings"));
		}
		Set<String> parties = parties(in.parties(), problems);
		Asserted asserted = Asserted.resolve("asserted", in.asserted(), now, userId, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Notification n = new Notification(UUID.randomUUID(), kind, name, siteKind, movementKind, geometry,
				millis(in.from()), millis(in.to()),
				vehicles.stream()
					.map(v -> new Notification.Vehicle(v.type().strip(), blankToNull(v.registration()),
							blankToNull(v.markings())))
					.toList(),
				blankToNull(in.markings()), parties, userId, now, asserted, null, 1);
		String salt = SaltedCommitment.newSalt();
		this.tx.executeWithoutResult(status -> {
			this.store.insert(n, salt);
			this.ledger.append(List.of(sentEntry(n, salt)));
		});
		return this.store.byId(n.id()).orElseThrow();
	}

	/**
	 * Records the acknowledgment of each party concerned of the liaison's side (only
	 * {@code party} when given). Idempotent: a party that acknowledged already keeps its
	 * first acknowledgment, and nothing new is written for it.
	 * @throws RejectedException NOT_FOUND when the notification is not delivered to the
	 * liaison's side (or does not exist); FORBIDDEN when {@code party} is not of its side
	 * or not concerned; NOTIFICATION_WITHDRAWN
	 */
	public NotificationHistory acknowledge(UUID id, String party, DeconflictionReader liaison) {
		return acknowledge(id, party, Asserted.Input.NONE, liaison);
	}

	/**
	 * The same, for an acknowledgment entered after the fact: {@code asserted} says when
	 * the party acknowledged, on whose word and in what document.
	 * @throws RejectedException as above, and those of {@link Asserted#resolve} on
	 * {@code asserted}; ASSERTED_BEFORE_NOTIFIED when it asserts a time before the
	 * notification was notified
	 */
	public NotificationHistory acknowledge(UUID id, String party, Asserted.Input assertedInput,
			DeconflictionReader liaison) {
		NotificationHistory h = this.store.byId(id)
			.filter(x -> liaison.concerns(x.notification()))
			.orElseThrow(() -> notFound(id));
		Notification n = h.notification();
		List<String> mine = n.parties().stream().filter(liaison.side()::contains).sorted().toList();
		if (party != null && !party.isBlank()) {
			if (!mine.contains(party.strip())) {
				throw new RejectedException(
						Problem.keyed(ErrorCode.FORBIDDEN, "party", "notifiedParty", party.strip()));
			}
			mine = List.of(party.strip());
		}
		if (n.withdrawnAt() != null) {
			throw new RejectedException(Problem.with(ErrorCode.NOTIFICATION_WITHDRAWN, "id", n.withdrawnAt()));
		}
		List<String> parties = mine;
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<Problem> problems = new ArrayList<>();
		Asserted asserted = Asserted.resolve("asserted", assertedInput, now, liaison.userId(), problems);
		if (asserted != null && asserted.at().isBefore(n.notifiedAsAsserted())) {
			problems.add(Problem.keyed(ErrorCode.ASSERTED_BEFORE_NOTIFIED, "asserted.at", "when", "asserted.at",
					n.notifiedAsAsserted()));
		}
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		String salt = h.contentSalt();
		this.tx.executeWithoutResult(status -> {
			List<LedgerEntry> entries = new ArrayList<>();
			for (String p : parties) {
				Acknowledgment a = new Acknowledgment(id, p, liaison.userId(), now, asserted);
				if (this.store.acknowledge(a)) {
					entries.add(acknowledgedEntry(a, salt));
				}
			}
			this.ledger.append(entries);
		});
		return this.store.byId(id).orElseThrow();
	}

	/**
	 * Withdraws a notification its notifier registered. Withdrawing it again changes
	 * nothing.
	 * @throws RejectedException NOT_FOUND when it is not the user's own notification
	 */
	public NotificationHistory withdraw(UUID id, String userId) {
		this.store.byId(id).filter(h -> h.notification().notifiedBy().equals(userId)).orElseThrow(() -> notFound(id));
		this.tx.executeWithoutResult(status -> {
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			if (this.store.withdraw(id, userId, now)) {
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("withdrawnBy", userId);
				body.put("withdrawnAt", now.toString());
				this.ledger.append(List.of(new LedgerEntry(WITHDRAWN, id.toString(), body)));
			}
		});
		return this.store.byId(id).orElseThrow();
	}

	/** One notification, if the reader may read it. */
	public Optional<NotificationHistory> read(UUID id, DeconflictionReader reader) {
		return this.store.byId(id).filter(h -> reader.mayRead(h.notification()));
	}

	/**
	 * The notifications the reader may read, newest first: all for staff; a notifier's
	 * own; those delivered to a liaison's side. The public gets none.
	 */
	public List<NotificationHistory> list(DeconflictionReader reader, boolean includeWithdrawn) {
		return list(reader, includeWithdrawn, MAX_LIST);
	}

	/** As {@link #list(DeconflictionReader, boolean)}, at most {@code limit} of them. */
	public List<NotificationHistory> list(DeconflictionReader reader, boolean includeWithdrawn, int limit) {
		if (reader.staff()) {
			return this.store.find(new Notifications.Query(null, null, includeWithdrawn, limit));
		}
		Map<UUID, NotificationHistory> found = new LinkedHashMap<>();
		if (reader.notifier() && reader.userId() != null) {
			this.store.find(new Notifications.Query(null, reader.userId(), includeWithdrawn, limit))
				.forEach(h -> found.put(h.notification().id(), h));
		}
		if (!reader.side().isEmpty()) {
			this.store.find(new Notifications.Query(reader.side(), null, includeWithdrawn, limit))
				.forEach(h -> found.putIfAbsent(h.notification().id(), h));
		}
		return found.values()
			.stream()
			.sorted((a, b) -> b.notification().notifiedAsAsserted().compareTo(a.notification().notifiedAsAsserted()))
			.limit(limit)
			.toList();
	}

	/** The current time, as the service judges windows. */
	public Instant now() {
		return this.clock.instant();
	}

	/**
	 * The canonical JSON (RFC 8785) of what a notification commits to: its kind, name,
	 * site or movement kind, geometry (GeoJSON), window, vehicles and markings. Absent
	 * values are JSON null.
	 */
	public static String content(Notification n) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", n.kind().name());
		m.put("name", n.name());
		m.put("siteKind", n.siteKind() == null ? null : n.siteKind().name());
		m.put("movementKind", n.movementKind() == null ? null : n.movementKind().name());
		m.put("geometry", GeoJsonShape.of(n.geometry()));
		m.put("from", n.from() == null ? null : n.from().toString());
		m.put("to", n.to() == null ? null : n.to().toString());
		List<Object> vehicles = new ArrayList<>();
		for (Notification.Vehicle v : n.vehicles()) {
			Map<String, Object> vm = new LinkedHashMap<>();
			vm.put("type", v.type());
			vm.put("registration", v.registration());
			vm.put("markings", v.markings());
			vehicles.add(vm);
		}
		m.put("vehicles", vehicles);
		m.put("markings", n.markings());
		return CanonicalJson.serialize(m);
	}

	/** The commitment to a notification's content that its sent entry holds. */
	public static String contentCommitment(NotificationHistory h) {
		return SaltedCommitment.of(h.contentSalt(), content(h.notification()));
	}

	/** The ledger subject of a party's acknowledgment. */
	public static String acknowledgmentSubject(UUID id, String party) {
		return id + "/" + party;
	}

	private Set<String> parties(List<String> given, List<Problem> problems) {
		Set<String> parties = new LinkedHashSet<>();
		if (given == null || given.isEmpty()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "parties"));
			return parties;
		}
		if (given.size() > MAX_PARTIES) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "parties"));
			return parties;
		}
		for (int i = 0; i < given.size(); i++) {
			String p = given.get(i);
			if (p == null || p.isBlank()) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "parties[" + i + "]"));
			}
			else if (this.actors.registry().byId(p.strip()).isEmpty()) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_ACTOR, "parties[" + i + "]", p.strip()));
			}
			else {
				parties.add(p.strip());
			}
		}
		return parties;
	}

	static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value, boolean required,
			List<Problem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, field));
			}
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
		}
		catch (IllegalArgumentException ex) {
			List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field, "oneOf", field, String.join(", ", allowed)));
			return null;
		}
	}

	private static boolean tooLong(String s) {
		return s != null && s.length() > MAX_NAME;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Instant millis(Instant i) {
		return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
	}

	private static RejectedException notFound(UUID id) {
		return new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", "/api/notifications/" + id));
	}

	private static LedgerEntry sentEntry(Notification n, String salt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("kind", n.kind().name());
		body.put("parties", n.parties().stream().sorted().toList());
		body.put("notifiedBy", n.notifiedBy());
		body.put("notifiedAt", n.notifiedAt().toString());
		body.put("contentCommitment", SaltedCommitment.of(salt, content(n)));
		body.put("asserted", AssertedEntries.body(n.asserted(), salt, n.id().toString()));
		return new LedgerEntry(SENT, n.id().toString(), body);
	}

	private static LedgerEntry acknowledgedEntry(Acknowledgment a, String salt) {
		Map<String, Object> body = new LinkedHashMap<>();
		String subject = acknowledgmentSubject(a.notificationId(), a.party());
		body.put("notification", a.notificationId().toString());
		body.put("party", a.party());
		body.put("acknowledgedBy", a.by());
		body.put("acknowledgedAt", a.at().toString());
		body.put("asserted", AssertedEntries.body(a.asserted(), salt, subject));
		return new LedgerEntry(ACKNOWLEDGED, subject, body);
	}

}
