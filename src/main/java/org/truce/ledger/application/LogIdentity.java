package org.truce.ledger.application;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.VerifierKey;

/**
 * Who the log is: its origin (the first line of every checkpoint, naming the deployment),
 * its signing key, loaded on first use, and the witness keys of the sponsor sides whose
 * cosignatures it accepts.
 */
public final class LogIdentity {

	private final String origin;

	private final Supplier<SignerKey> keySource;

	private final Set<VerifierKey> witnesses;

	private volatile SignerKey key;

	private LogIdentity(String origin, Supplier<SignerKey> keySource, Set<VerifierKey> witnesses) {
		this.origin = origin;
		this.keySource = keySource;
		this.witnesses = Set.copyOf(witnesses);
	}

	/**
	 * @param witnesses verifier keys ({@code name+hexid+base64}) separated by commas or
	 * whitespace
	 */
	public static LogIdentity of(String origin, Supplier<SignerKey> keySource, String witnesses) {
		Set<VerifierKey> keys = Arrays.stream(witnesses.split("[,\\s]+"))
			.filter(s -> !s.isBlank())
			.map(VerifierKey::parse)
			.collect(Collectors.toSet());
		return new LogIdentity(origin, keySource, keys);
	}

	public String origin() {
		return this.origin;
	}

	public SignerKey key() {
		SignerKey k = this.key;
		if (k == null) {
			synchronized (this) {
				if (this.key == null) {
					this.key = this.keySource.get();
				}
				k = this.key;
			}
		}
		return k;
	}

	public VerifierKey verifierKey() {
		return key().verifierKey();
	}

	public Set<VerifierKey> witnesses() {
		return this.witnesses;
	}

}
