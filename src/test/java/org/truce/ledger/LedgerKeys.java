package org.truce.ledger;

import java.nio.charset.StandardCharsets;

import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;

/**
 * Test keys derived from their names (the seed is SHA-256 of the name), so every run
 * signs with the same keys. Never use such keys outside tests.
 */
final class LedgerKeys {

	private LedgerKeys() {
	}

	/** A log's checkpoint key (Ed25519, type 0x01). */
	static SignerKey log(String name) {
		return SignerKey.fromSeed(name, SignatureType.ED25519, seed(name));
	}

	/** A witness's cosigner key (type 0x04). */
	static SignerKey witness(String name) {
		return SignerKey.fromSeed(name, SignatureType.COSIGNATURE_V1, seed(name));
	}

	private static byte[] seed(String name) {
		return MerkleHashes.sha256(("truce test key " + name).getBytes(StandardCharsets.UTF_8));
	}

}
