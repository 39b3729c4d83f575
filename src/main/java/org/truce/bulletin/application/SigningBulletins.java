package org.truce.bulletin.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.bulletin.model.BulletinDraft;
import org.truce.bulletin.model.DissentAnnex;
import org.truce.determination.application.CoChairs;
import org.truce.determination.application.Determining;
import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.determination.model.Signatures;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Viewer;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.Sha256;

/**
 * Bulletins signed jointly: staff draft the public cut of a period's bulletin
 * ({@link PublicBulletinJson}), the co-chairs of the named sides sign it or dissent, and
 * the signature that reaches the quorum publishes it. The sign-off is the joint
 * determinations' ({@link Signatures}, {@link CoChairs}, the sides and quorum of
 * {@link Determining#sponsorQuorum}).
 *
 * <p>
 * Every change is a ledger entry appended in the same transaction. The entry of a draft
 * holds the SHA-256 of its bulletin.json, the agreement and the period, never the
 * bulletin: until it is published the draft is staff's, and the digest commits to it. The
 * text of a dissent is a salted commitment (group {@code text}), as a determination's
 * dissent is.
 *
 * <p>
 * Who reads what: monitors and co-chairs every draft; anyone else published bulletins
 * only. A draft the reader may not see is, to it, not found.
 */
@Service
public class SigningBulletins {

	public static final String DRAFTED = "bulletin-drafted";

	public static final String SIGNED = "bulletin-signed";

	public static final String DISSENTED = "bulletin-dissent";

	public static final String PUBLISHED = "bulletin-published";

	static final int MAX_DISSENT = 10_000;

	/** How often a signature is tried again when another change landed first. */
	private static final int ATTEMPTS = 3;

	private final BulletinDrafts store;

	private final PublicBulletinJson publicJson;

	private final Determining determining;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public SigningBulletins(BulletinDrafts store, PublicBulletinJson publicJson, Determining determining, Ledger ledger,
			TransactionTemplate tx, Clock clock) {
		this.store = store;
		this.publicJson = publicJson;
		this.determining = determining;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Drafts the public cut of the bulletin of an agreement and period, making the older
	 * drafts of that period stale.
	 * @param sides the sides that must sign; null or empty for the configured ones
	 */
	public BulletinDraft draft(String agreementId, LocalDate from, LocalDate to, List<String> sides, String userId,
			List<Grant> grants) {
		requireStaff(grants);
		List<Problem> problems = new ArrayList<>();
		String agreement = agreementId == null || agreementId.isBlank() ? null : agreementId.strip();
		if (agreement == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "agreement"));
		}
		if (from == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "from"));
		}
		if (to == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "to"));
		}
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Quorum quorum = this.determining.sponsorQuorum(sides);
		String canonical = this.publicJson.of(agreement, from, to);
		String digest = Sha256.hex(canonical.getBytes(StandardCharsets.UTF_8));
		Instant at = this.clock.instant();
		try {
			return this.tx.execute(status -> {
				requireUnpublished(agreement, from, to, null);
				int version = this.store.nextVersion(agreement, from, to);
				BulletinDraft made = BulletinDraft.draft(UUID.randomUUID(), agreement, from, to, version, canonical,
						digest, quorum, userId, at);
				List<UUID> stale = this.store.insertSuperseding(made, at);
				Map<String, Object> body = period(made);
				body.put("sides", quorum.sides());
				body.put("quorum", quorum.required());
				body.put("by", userId);
				body.put("at", at.toString());
				body.put("supersedes", stale.stream().map(UUID::toString).toList());
				this.ledger.append(List.of(new LedgerEntry(DRAFTED, made.id().toString(), body)));
				return made;
			});
		}
		catch (DuplicateKeyException ex) {
			throw new RejectedException(Problem.of(ErrorCode.BULLETIN_DRAFT_CONFLICT, null));
		}
	}

	/**
	 * A co-chair signs the draft it read, for its side; the signature that reaches the
	 * quorum publishes it. A named side that has not signed may still sign once it is
	 * published.
	 * @param read the draft's version or digest, as read (If-Match)
	 * @param side the side signed for; null for the co-chair's only side the draft names
	 */
	public BulletinDraft sign(UUID id, String read, String side, String userId, List<Grant> grants) {
		for (int attempt = 1;; attempt++) {
			BulletinDraft current = readable(id, grants);
			String signing = CoChairs.sideOf(current.quorum(), side, grants, "sign");
			requireCurrent(current, read);
			Optional<Signatures.Refusal> refused = current.refusal(signing);
			if (refused.isPresent()) {
				throw new RejectedException(CoChairs.refused(refused.get(), signing));
			}
			Instant at = this.clock.instant();
			BulletinDraft after = current.signedBy(new SignOff(signing, userId, current.version(), at));
			BulletinDraft signed = this.tx.execute(status -> {
				if (after.state() == BulletinDraft.State.PUBLISHED && current.state() == BulletinDraft.State.DRAFT) {
					requireUnpublished(current.agreementId(), current.from(), current.to(), current.id());
				}
				if (!this.store.sign(after, current.state())) {
					status.setRollbackOnly();
					return null;
				}
				List<LedgerEntry> entries = new ArrayList<>();
				Map<String, Object> body = new LinkedHashMap<>();
				body.put("draft", id.toString());
				body.put("by", userId);
				body.put("side", signing);
				body.put("version", current.version());
				body.put("digest", current.digest());
				body.put("at", at.toString());
				entries.add(new LedgerEntry(SIGNED, id.toString(), body));
				if (after.state() == BulletinDraft.State.PUBLISHED && current.state() == BulletinDraft.State.DRAFT) {
					Map<String, Object> published = period(after);
					published.put("signedBy", after.signOffs().stream().map(SignOff::side).toList());
					published.put("quorum", after.quorum().required());
					published.put("at", after.publishedAt().toString());
					entries.add(new LedgerEntry(PUBLISHED, id.toString(), published));
				}
				this.ledger.append(entries);
				return after;
			});
			if (signed != null) {
				return signed;
			}
			if (attempt == ATTEMPTS) {
				throw new RejectedException(Problem.of(ErrorCode.BULLETIN_DRAFT_CONFLICT, null));
			}
			// Another change landed first: read the draft again, and judge again.
		}
	}

	/**
	 * Refuses to draft, or to publish, a period whose bulletin another draft has
	 * published: a published bulletin is final, so that a period has one published
	 * bulletin at most.
	 * @param self the draft being published, or null when drafting
	 */
	private void requireUnpublished(String agreementId, LocalDate from, LocalDate to, UUID self) {
		this.store.published(agreementId, from, to).filter(p -> !p.equals(self)).ifPresent(p -> {
			throw new RejectedException(Problem.with(ErrorCode.BULLETIN_PERIOD_PUBLISHED, "to", "/bulletins/" + p));
		});
	}

	/**
	 * A co-chair of a named side records its side's dissent from the draft it read: an
	 * annex kept with it, and published with it.
	 * @param read the draft's version or digest, as read (If-Match)
	 * @param side the side dissenting; null for the co-chair's only side the draft names
	 */
	public DissentAnnex dissent(UUID id, String read, String text, String side, String userId, List<Grant> grants) {
		BulletinDraft current = readable(id, grants);
		String dissenting = CoChairs.sideOf(current.quorum(), side, grants, "dissent");
		String body = text == null ? "" : text.strip();
		if (body.isEmpty()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "text"));
		}
		if (body.length() > MAX_DISSENT) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_LONG, "text"));
		}
		requireCurrent(current, read);
		DissentAnnex dissent = new DissentAnnex(UUID.randomUUID(), id, dissenting, userId, body, this.clock.instant());
		return this.tx.execute(status -> {
			if (!this.store.addDissent(dissent)) {
				throw stale(this.store.find(id).orElse(current));
			}
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("draft", id.toString());
			entry.put("by", userId);
			entry.put("side", dissenting);
			entry.put("version", current.version());
			entry.put("digest", current.digest());
			entry.put("at", dissent.at().toString());
			this.ledger
				.append(List.of(LedgerEntry.of(DISSENTED, dissent.id().toString(), entry, Map.of("text", body))));
			return dissent;
		});
	}

	/** A draft or published bulletin, if the reader may see it. */
	public Optional<BulletinDraft> find(UUID id, Viewer viewer) {
		return this.store.find(id).filter(d -> visible(d, viewer));
	}

	/**
	 * Up to {@code limit} bulletins the reader may see, most recently changed first:
	 * every draft for staff, the published ones for anyone else.
	 * @param state only those in this state, or null for all the reader may see
	 */
	public List<BulletinDraft> list(BulletinDraft.State state, Viewer viewer, int limit) {
		if (viewer.staff()) {
			return this.store.list(state, limit);
		}
		if (state != null && state != BulletinDraft.State.PUBLISHED) {
			return List.of();
		}
		return this.store.list(BulletinDraft.State.PUBLISHED, limit);
	}

	/** The dissent annexes of a bulletin, if the reader may see it. */
	public List<DissentAnnex> dissents(BulletinDraft draft, Viewer viewer) {
		return visible(draft, viewer) ? this.store.dissents(draft.id()) : List.of();
	}

	private static boolean visible(BulletinDraft d, Viewer viewer) {
		return viewer.staff() || d.state() == BulletinDraft.State.PUBLISHED;
	}

	/** The draft a co-chair acts on: not found unless it may see it. */
	private BulletinDraft readable(UUID id, List<Grant> grants) {
		return this.store.find(id)
			.filter(d -> Viewer.staff(grants) || d.state() == BulletinDraft.State.PUBLISHED)
			.orElseThrow(() -> new RejectedException(
					Problem.with(ErrorCode.NOT_FOUND, "id", "/api/bulletins/drafts/" + id)));
	}

	private static void requireCurrent(BulletinDraft current, String read) {
		if (read == null || read.isBlank()) {
			throw new RejectedException(Problem.keyed(ErrorCode.VERSION_REQUIRED, "version", "draft"));
		}
		if (!current.current(read.strip())) {
			throw stale(current);
		}
	}

	private static RejectedException stale(BulletinDraft current) {
		return new RejectedException(current.state() == BulletinDraft.State.STALE
				? Problem.keyed(ErrorCode.BULLETIN_DRAFT_STALE, "version", "newer") : Problem
					.keyed(ErrorCode.BULLETIN_DRAFT_STALE, "version", "current", current.version(), current.digest()));
	}

	private static void requireStaff(List<Grant> grants) {
		if (!Viewer.staff(grants)) {
			throw new RejectedException(Problem.of(ErrorCode.FORBIDDEN, null));
		}
	}

	/**
	 * What every entry of a bulletin says of it: the draft, its period and its digest.
	 */
	private static Map<String, Object> period(BulletinDraft d) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("draft", d.id().toString());
		body.put("agreement", d.agreementId());
		body.put("from", d.from().toString());
		body.put("to", d.to().toString());
		body.put("version", d.version());
		body.put("digest", d.digest());
		return body;
	}

}
