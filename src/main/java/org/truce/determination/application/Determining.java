package org.truce.determination.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.ActorDirectory;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.determination.model.Comment;
import org.truce.determination.model.Determination;
import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.determination.model.Signatures;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.IncidentDirectory;
import org.truce.incident.model.IncidentRecord;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.Asserted;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.VisibleRows;

/**
 * Joint determinations: drafting and editing them (monitors and co-chairs), signing them
 * off (co-chairs of the sides they name), and commenting or dissenting. Every change is a
 * ledger entry appended in the same transaction, naming users by id; a determination's
 * rationale and a comment's text are in the log as salted commitments (group
 * {@code text}), opened to staff.
 *
 * <p>
 * Who reads what: monitors and co-chairs every determination; anyone else only effective
 * determinations about incidents they may see. A determination the reader may not see is,
 * to it, not found.
 */
@Service
public class Determining {

	public static final String DRAFTED = "determination-drafted";

	public static final String EDITED = "determination-edited";

	public static final String SIGNED = "determination-signed";

	public static final String EFFECTIVE = "determination-effective";

	public static final String COMMENTED = "determination-comment";

	public static final String DISSENTED = "determination-dissent";

	static final int MAX_RATIONALE = 20_000;

	static final int MAX_COMMENT = 10_000;

	static final int MAX_SIDES = 10;

	private final Determinations store;

	private final IncidentDirectory incidents;

	private final AgreementCatalogue agreements;

	private final ActorDirectory actors;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final List<String> defaultSides;

	private final Integer quorum;

	public Determining(Determinations store, IncidentDirectory incidents, AgreementCatalogue agreements,
			ActorDirectory actors, Ledger ledger, TransactionTemplate tx, Clock clock,
			@Value("${truce.determinations.sides:united-states,russia}") List<String> defaultSides,
			@Value("${truce.determinations.quorum:#{null}}") Integer quorum) {
		this.store = store;
		this.incidents = incidents;
		this.agreements = agreements;
		this.actors = actors;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
		this.defaultSides = defaultSides.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
		if (this.defaultSides.isEmpty()) {
			throw new IllegalArgumentException("truce.determinations.sides names no side");
		}
		if (quorum != null && quorum < 1) {
			throw new IllegalArgumentException("truce.determinations.quorum must be at least 1, not " + quorum);
		}
		this.quorum = quorum;
	}

	/**
	 * What a draft or an edit says.
	 *
	 * @param sides the sponsor sides that must sign (actor ids); null or empty for the
	 * configured ones
	 */
	public record Draft(String agreementId, String termId, String actorId,
			org.truce.determination.model.Verdict verdict, String rationale, List<String> sides) {

	}

	/** The sides a draft names when it names none. */
	public List<String> defaultSides() {
		return this.defaultSides;
	}

	/** Drafts a determination about the open incident the id stands for. */
	public Determination draft(UUID incidentId, Draft draft, String userId, List<Grant> grants) {
		requireStaff(grants);
		IncidentRecord incident = this.incidents.current(incidentId)
			.orElseThrow(() -> notFound("incident", "/api/incidents/" + incidentId));
		Validated valid = validate(draft);
		Instant at = this.clock.instant();
		Determination made = Determination.draft(UUID.randomUUID(), incident.id(), valid.subject(), valid.rationale(),
				valid.quorum(), userId, at);
		return this.tx.execute(status -> {
			this.store.insert(made);
			Map<String, Object> body = described(made, userId, at);
			this.ledger.append(List.of(withText(DRAFTED, versionSubject(made), body, made.rationale())));
			return made;
		});
	}

	/**
	 * Replaces what a draft says, against the version read. Sign-offs of the earlier text
	 * are cleared (the ledger entry lists them); an effective determination is not
	 * edited.
	 */
	public Determination edit(UUID id, int version, Draft draft, String userId, List<Grant> grants) {
		requireStaff(grants);
		Determination current = this.store.find(id).orElseThrow(() -> notFound("id", "/api/determinations/" + id));
		Validated valid = validate(draft);
		Instant at = this.clock.instant();
		Determination.Changed changed = changed(
				current.edit(valid.subject(), valid.rationale(), valid.quorum(), version, at), current, null);
		return this.tx.execute(status -> {
			stored(changed.after(), current.version());
			Map<String, Object> body = described(changed.after(), userId, at);
			body.put("clearedSignOffs", changed.cleared().stream().map(SignOff::side).toList());
			this.ledger
				.append(List.of(withText(EDITED, versionSubject(changed.after()), body, changed.after().rationale())));
			return changed.after();
		});
	}

	/**
	 * A co-chair signs the version read, for its side.
	 * @param side the side signed for; null for the co-chair's only side the
	 * determination names
	 */
	public Determination signOff(UUID id, int version, String side, String userId, List<Grant> grants) {
		return signOff(id, version, side, Asserted.Input.NONE, userId, grants);
	}

	/**
	 * The same for a signature given before it is entered (at a meeting, in a letter):
	 * {@code asserted} says when, on whose word and in what document. The
	 * {@code determination-signed} entry holds {@code asserted: {at, by}} in the clear
	 * and the document as a salted commitment ({@code commitments.provenance}).
	 * @throws RejectedException those of {@link Asserted#resolve} on {@code asserted}
	 */
	public Determination signOff(UUID id, int version, String side, Asserted.Input assertedInput, String userId,
			List<Grant> grants) {
		Determination current = this.store.find(id).orElseThrow(() -> notFound("id", "/api/determinations/" + id));
		String signing = sideOf(current, side, grants, "sign");
		Instant at = this.clock.instant();
		List<Problem> problems = new ArrayList<>();
		Asserted asserted = Asserted.resolve("asserted", assertedInput, at, userId, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Determination.Changed changed = changed(current.signOff(signing, userId, version, at, asserted), current,
				signing);
		return this.tx.execute(status -> {
			stored(changed.after(), current.version());
			List<LedgerEntry> entries = new ArrayList<>();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("by", userId);
			body.put("side", signing);
			body.put("version", version);
			body.put("at", at.toString());
			Map<String, Object> groups = new LinkedHashMap<>();
			assertion(asserted, body, groups);
			entries.add(LedgerEntry.of(SIGNED, id.toString(), body, groups));
			if (changed.madeEffective()) {
				Map<String, Object> effective = new LinkedHashMap<>();
				effective.put("at", changed.after().effectiveAt().toString());
				effective.put("signedBy", changed.after().signOffs().stream().map(SignOff::side).toList());
				effective.put("quorum", changed.after().quorum().required());
				effective.put("version", changed.after().version());
				entries.add(new LedgerEntry(EFFECTIVE, id.toString(), effective));
			}
			this.ledger.append(entries);
			return changed.after();
		});
	}

	/**
	 * Keeps a comment (any monitor or co-chair) or a dissent (a co-chair of a side the
	 * determination names) with the determination.
	 * @param side for a dissent, the side dissenting; null for the co-chair's only named
	 * side
	 */
	public Comment comment(UUID id, String text, boolean dissent, String side, String userId, List<Grant> grants) {
		return comment(id, text, dissent, side, Asserted.Input.NONE, userId, grants);
	}

	/**
	 * The same for a comment or dissent given before it is entered (at a meeting, in a
	 * statement): {@code asserted} says when, on whose word and in what document. The
	 * entry holds {@code asserted: {at, by}} in the clear and the document as a salted
	 * commitment ({@code commitments.provenance}), beside the committed text.
	 * @throws RejectedException those of {@link Asserted#resolve} on {@code asserted}
	 */
	public Comment comment(UUID id, String text, boolean dissent, String side, Asserted.Input assertedInput,
			String userId, List<Grant> grants) {
		requireStaff(grants);
		Determination current = this.store.find(id).orElseThrow(() -> notFound("id", "/api/determinations/" + id));
		String body = text == null ? "" : text.strip();
		List<Problem> problems = new ArrayList<>();
		if (body.isEmpty()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "text"));
		}
		else if (body.length() > MAX_COMMENT) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, "text"));
		}
		Instant at = this.clock.instant();
		Asserted asserted = Asserted.resolve("asserted", assertedInput, at, userId, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		String dissenting = dissent ? sideOf(current, side, grants, "dissent") : null;
		Comment comment = new Comment(UUID.randomUUID(), id, userId, dissenting, dissent, body, at, asserted);
		return this.tx.execute(status -> {
			this.store.addComment(comment);
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("by", userId);
			entry.put("determination", id.toString());
			if (dissenting != null) {
				entry.put("side", dissenting);
			}
			entry.put("version", current.version());
			entry.put("at", comment.at().toString());
			Map<String, Object> groups = new LinkedHashMap<>();
			groups.put("text", body);
			if (asserted.differsFrom(comment.at(), userId)) {
				assertion(asserted, entry, groups);
			}
			this.ledger.append(
					List.of(LedgerEntry.of(dissent ? DISSENTED : COMMENTED, comment.id().toString(), entry, groups)));
			return comment;
		});
	}

	/** A determination, if the reader may see it. */
	public Optional<Determination> find(UUID id, Viewer viewer) {
		return this.store.find(id).filter(d -> visible(d, viewer));
	}

	/**
	 * The determinations about the incident an id stands for, as the reader may see them:
	 * those drafted about it, or about the id itself before a merge.
	 * @return empty when the reader may not see the incident
	 */
	public Optional<List<Determination>> aboutIncident(UUID incidentId, Viewer viewer) {
		Optional<IncidentRecord> incident = this.incidents.current(incidentId, viewer);
		if (incident.isEmpty()) {
			return Optional.empty();
		}
		List<UUID> ids = incident.get().id().equals(incidentId) ? List.of(incidentId)
				: List.of(incident.get().id(), incidentId);
		return Optional.of(this.store.aboutIncidents(ids).stream().filter(d -> visible(d, viewer)).toList());
	}

	/**
	 * Up to {@code limit} determinations the reader may see, most recently changed first.
	 */
	public List<Determination> list(Determination.Status status, String awaiting, Viewer viewer, int limit) {
		if (!viewer.seesSources() && status == Determination.Status.DRAFT) {
			return List.of();
		}
		Determination.Status asked = viewer.seesSources() ? status : Determination.Status.EFFECTIVE;
		if (!viewer.seesSources() && awaiting != null) {
			return List.of();
		}
		// A reader who sees only part of the record may see few of a batch: read further.
		return VisibleRows.first(limit, n -> this.store.list(asked, awaiting, n), d -> visible(d, viewer));
	}

	/** The comments and dissents on a determination, if the reader may see it. */
	public List<Comment> comments(Determination determination, Viewer viewer) {
		return visible(determination, viewer) ? this.store.comments(determination.id()) : List.of();
	}

	/** The open incident a determination's incident id now stands for, if any. */
	public Optional<IncidentRecord> incidentOf(Determination determination) {
		return this.incidents.current(determination.incidentId());
	}

	private boolean visible(Determination d, Viewer viewer) {
		if (viewer.seesSources()) {
			return true;
		}
		return d.status() == Determination.Status.EFFECTIVE
				&& this.incidents.current(d.incidentId(), viewer).isPresent();
	}

	private record Validated(Determination.Subject subject, String rationale, Quorum quorum) {

	}

	private Validated validate(Draft draft) {
		List<Problem> problems = new ArrayList<>();
		String agreement = text(draft.agreementId());
		String term = text(draft.termId());
		String actor = text(draft.actorId());
		String rationale = draft.rationale() == null ? null : draft.rationale().strip();
		if (agreement == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "agreement"));
		}
		else if (this.agreements.versions(agreement).isEmpty()) {
			problems.add(Problem.with(ErrorCode.UNKNOWN_AGREEMENT, "agreement", agreement));
		}
		else if (term == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "term"));
		}
		else if (this.agreements.versions(agreement)
			.stream()
			.noneMatch(a -> a.terms().stream().anyMatch(t -> t.id().equals(term)))) {
			problems.add(Problem.with(ErrorCode.UNKNOWN_TERM, "term", term));
		}
		if (actor == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "actor"));
		}
		else if (this.actors.registry().byId(actor).isEmpty()) {
			problems.add(Problem.with(ErrorCode.UNKNOWN_ACTOR, "actor", actor));
		}
		if (draft.verdict() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "verdict"));
		}
		if (rationale == null || rationale.isEmpty()) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "rationale"));
		}
		else if (rationale.length() > MAX_RATIONALE) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, "rationale"));
		}
		List<String> sides = sides(draft.sides(), problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		return new Validated(new Determination.Subject(agreement, term, actor, draft.verdict()), rationale,
				Quorum.of(sides, this.quorum));
	}

	/**
	 * The quorum of the sponsor sides asked for, under the configured number
	 * ({@code truce.determinations.quorum}): what anything the sides sign jointly (a
	 * bulletin) must gather.
	 * @param asked the sides (actor ids); null or empty for the configured ones
	 * @throws RejectedException TOO_MANY_ITEMS or UNKNOWN_ACTOR on {@code sides}
	 */
	public Quorum sponsorQuorum(List<String> asked) {
		List<Problem> problems = new ArrayList<>();
		List<String> sides = sides(asked, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		return Quorum.of(sides, this.quorum);
	}

	private List<String> sides(List<String> asked, List<Problem> problems) {
		List<String> sides = asked == null ? List.of()
				: asked.stream().map(Determining::text).filter(s -> s != null).distinct().toList();
		if (sides.isEmpty()) {
			sides = this.defaultSides;
		}
		if (sides.size() > MAX_SIDES) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "sides"));
		}
		for (String side : sides) {
			if (this.actors.registry().byId(side).isEmpty()) {
				problems.add(Problem.with(ErrorCode.UNKNOWN_ACTOR, "sides", side));
			}
		}
		return sides;
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/**
	 * The side a co-chair acts for on a determination: the one asked for, or its only
	 * co-chair side the determination names.
	 */
	private static String sideOf(Determination d, String asked, List<Grant> grants, String action) {
		return CoChairs.sideOf(d.quorum(), asked, grants, action);
	}

	private static Determination.Changed changed(Determination.Outcome outcome, Determination current, String side) {
		if (outcome instanceof Determination.Changed changed) {
			return changed;
		}
		Determination.Refusal reason = ((Determination.Refused) outcome).reason();
		throw new RejectedException(switch (reason) {
			case STALE_VERSION -> stale(current.version());
			case SIDE_NOT_NAMED -> CoChairs.refused(Signatures.Refusal.SIDE_NOT_NAMED, side);
			case ALREADY_SIGNED -> CoChairs.refused(Signatures.Refusal.ALREADY_SIGNED, side);
			case ALREADY_EFFECTIVE -> Problem.of(ErrorCode.DETERMINATION_EFFECTIVE, null);
		});
	}

	private static Problem stale(int current) {
		return Problem.keyed(ErrorCode.STALE_VERSION, "version", "determination", current);
	}

	/** Stores a change, unless another was stored since {@code expected}. */
	private void stored(Determination after, int expected) {
		if (!this.store.update(after, expected)) {
			int now = this.store.find(after.id()).map(Determination::version).orElse(expected);
			throw new RejectedException(stale(now));
		}
	}

	private static void requireStaff(List<Grant> grants) {
		if (!Viewer.staff(grants)) {
			throw new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null));
		}
	}

	private static RejectedException notFound(String field, String path) {
		return new RejectedException(Problem.with(ErrorCode.NOT_FOUND, field, path));
	}

	private static Map<String, Object> described(Determination d, String userId, Instant at) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("determination", d.id().toString());
		body.put("by", userId);
		body.put("at", at.toString());
		body.put("incident", d.incidentId().toString());
		body.put("agreement", d.subject().agreementId());
		body.put("term", d.subject().termId());
		body.put("actor", d.subject().actorId());
		body.put("verdict", d.subject().verdict().name());
		body.put("sides", d.quorum().sides());
		body.put("quorum", d.quorum().required());
		body.put("version", d.version());
		return body;
	}

	/** An entry with the body in the clear and the text as a salted commitment. */
	/**
	 * Puts what a record asserts into its entry: {@code asserted: {at, by}} in the clear,
	 * and the document and its address, if any, as the committed group
	 * {@code provenance}.
	 */
	private static void assertion(Asserted asserted, Map<String, Object> clear, Map<String, Object> groups) {
		Map<String, Object> assertion = new LinkedHashMap<>();
		assertion.put("at", asserted.at().toString());
		assertion.put("by", asserted.by());
		clear.put("asserted", assertion);
		if (asserted.document() != null || asserted.url() != null) {
			Map<String, Object> provenance = new LinkedHashMap<>();
			provenance.put("document", asserted.document());
			provenance.put("url", asserted.url());
			groups.put("provenance", provenance);
		}
	}

	private static LedgerEntry withText(String kind, String subject, Map<String, Object> body, String text) {
		return LedgerEntry.of(kind, subject, body, Map.of("text", text));
	}

	/**
	 * The subject of an entry holding a version's text, {@code <id>/v<version>}: each
	 * text is committed under a subject of its own.
	 */
	private static String versionSubject(Determination d) {
		return d.id() + "/v" + d.version();
	}

}
