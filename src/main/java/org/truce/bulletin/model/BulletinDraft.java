package org.truce.bulletin.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.truce.determination.model.Quorum;
import org.truce.determination.model.SignOff;
import org.truce.determination.model.Signatures;

/**
 * A bulletin put to the named sides for signature: the public cut of the bulletin of one
 * agreement and period, as its canonical JSON ({@code bulletin.json}, byte for byte) and
 * that JSON's SHA-256, which is what the sides sign. It is signed off as a joint
 * determination is ({@link Signatures}): a co-chair of each named side signs once, and
 * the signature that reaches the {@link Quorum} publishes it.
 *
 * <p>
 * {@code version} is the draft's number among the drafts of its agreement and period (1,
 * 2, ...): a newer draft makes the older ones {@link State#STALE}, and a signature or a
 * dissent names the version or the digest it read, so that it is never counted for
 * another text.
 *
 * @param canonical bulletin.json, as published
 * @param digest the SHA-256 of {@code canonical} (UTF-8), lower-case hex
 * @param signOffs the sides' signatures, in the order given
 * @param publishedAt when the signature that reached the quorum was given; null unless
 * published
 */
public record BulletinDraft(UUID id, String agreementId, LocalDate from, LocalDate to, int version, String canonical,
		String digest, Quorum quorum, State state, String draftedBy, Instant draftedAt, Instant updatedAt,
		Instant publishedAt, List<SignOff> signOffs) {

	/** Where a draft stands. */
	public enum State {

		/** Put to the sides, awaiting their signatures. */
		DRAFT,

		/**
		 * A newer draft of the same agreement and period exists: it can no longer be
		 * signed.
		 */
		STALE,

		/** The quorum signed it: it is public. */
		PUBLISHED

	}

	public BulletinDraft {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(agreementId, "agreementId");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(canonical, "canonical");
		Objects.requireNonNull(digest, "digest");
		Objects.requireNonNull(quorum, "quorum");
		Objects.requireNonNull(state, "state");
		signOffs = List.copyOf(signOffs);
		if ((state == State.PUBLISHED) != (publishedAt != null)) {
			throw new IllegalArgumentException("a published draft, and only one, has a time it was published");
		}
	}

	/** A new draft, with no signature. */
	public static BulletinDraft draft(UUID id, String agreementId, LocalDate from, LocalDate to, int version,
			String canonical, String digest, Quorum quorum, String by, Instant at) {
		return new BulletinDraft(id, agreementId, from, to, version, canonical, digest, quorum, State.DRAFT, by, at, at,
				null, List.of());
	}

	/** Its quorum and the signatures given: the sign-off of joint determinations. */
	public Signatures signatures() {
		return new Signatures(this.quorum, this.signOffs);
	}

	/**
	 * Whether a signature or a dissent that read {@code read} (the draft's version as a
	 * number, or its digest) was made against this text: the draft is not stale, and it
	 * names this draft's version or digest.
	 */
	public boolean current(String read) {
		return this.state != State.STALE
				&& (this.digest.equalsIgnoreCase(read) || String.valueOf(this.version).equals(read));
	}

	/** Why a side may not sign it, if it may not (a stale draft is checked before). */
	public java.util.Optional<Signatures.Refusal> refusal(String side) {
		return signatures().refusal(side, this.version, this.version);
	}

	/**
	 * The draft once {@code signOff} is added: published when it reaches the quorum (a
	 * side that signs after publication adds its signature to the published bulletin).
	 */
	public BulletinDraft signedBy(SignOff signOff) {
		Signatures after = signatures().with(signOff);
		boolean reached = this.state == State.DRAFT && after.reached();
		return new BulletinDraft(this.id, this.agreementId, this.from, this.to, this.version, this.canonical,
				this.digest, this.quorum, reached ? State.PUBLISHED : this.state, this.draftedBy, this.draftedAt,
				signOff.at(), reached ? signOff.at() : this.publishedAt, after.signOffs());
	}

}
