package org.truce.determination.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The joint sign-off, shared by whatever the named sides sign together (a determination,
 * a bulletin): the {@link Quorum} of sides, and the sign-offs given so far. A co-chair of
 * a named side signs once for its side, and only the version it read; the sign-off that
 * reaches the quorum makes the thing signed take effect.
 *
 * @param signOffs in the order given, one per side
 */
public record Signatures(Quorum quorum, List<SignOff> signOffs) {

	/** Why a sign-off is refused. */
	public enum Refusal {

		/** The signer's side is not named. */
		SIDE_NOT_NAMED,

		/** A co-chair of that side has already signed. */
		ALREADY_SIGNED,

		/** The sign-off names a version that is no longer the current one. */
		STALE_VERSION

	}

	public Signatures {
		Objects.requireNonNull(quorum, "quorum");
		signOffs = List.copyOf(signOffs);
	}

	/** The sides that have signed. */
	public Set<String> signedSides() {
		return this.signOffs.stream().map(SignOff::side).collect(Collectors.toUnmodifiableSet());
	}

	/** The named sides that have not signed yet, in the order named. */
	public List<String> awaiting() {
		Set<String> signed = signedSides();
		return this.quorum.sides().stream().filter(s -> !signed.contains(s)).toList();
	}

	public Optional<SignOff> of(String side) {
		return this.signOffs.stream().filter(s -> s.side().equals(side)).findFirst();
	}

	/** Whether the sign-offs given reach the quorum. */
	public boolean reached() {
		return this.quorum.reachedBy(signedSides());
	}

	/**
	 * Why {@code side} may not sign version {@code version} of what is now at version
	 * {@code current}, if it may not.
	 */
	public Optional<Refusal> refusal(String side, int version, int current) {
		if (!this.quorum.names(side)) {
			return Optional.of(Refusal.SIDE_NOT_NAMED);
		}
		if (signedSides().contains(side)) {
			return Optional.of(Refusal.ALREADY_SIGNED);
		}
		if (version != current) {
			return Optional.of(Refusal.STALE_VERSION);
		}
		return Optional.empty();
	}

	/** These signatures and one more (checked beforehand with {@link #refusal}). */
	public Signatures with(SignOff signOff) {
		List<SignOff> signed = new ArrayList<>(this.signOffs);
		signed.add(signOff);
		return new Signatures(this.quorum, signed);
	}

}
