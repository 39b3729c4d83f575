package org.truce.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CosignaturePolicy;
import org.truce.ledger.model.Cosignature;
import org.truce.ledger.model.Ed25519;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.VerifierKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Each sponsor side's witness cosigns checkpoints (C2SP tlog-cosignature v1), and a
 * client treats a checkpoint as final only when every side has.
 */
class WitnessCosignaturesTest {

	private static final String ORIGIN = "truce.example/log";

	private static final SignerKey LOG = LedgerKeys.log(ORIGIN);

	private static final SignerKey SIDE_A = LedgerKeys.witness("witness.side-a.example");

	private static final SignerKey SIDE_B = LedgerKeys.witness("witness.side-b.example");

	private static final CosignaturePolicy EVERY_SIDE = new CosignaturePolicy(
			Set.of(SIDE_A.verifierKey(), SIDE_B.verifierKey()));

	private static final long TIME = 1_700_000_000L;

	private static Note checkpoint(long size) {
		return new Checkpoint(ORIGIN, size, MerkleHashes.sha256(("root " + size).getBytes(StandardCharsets.UTF_8)))
			.sign(LOG);
	}

	@Test
	void theCosignatureSignsTheHeaderTheTimeAndTheWholeCheckpoint() {
		Note note = checkpoint(10);
		NoteSignature line = Cosignature.sign(SIDE_A, note.text(), TIME);
		byte[] bytes = line.signature();
		assertThat(bytes).hasSize(8 + 64);
		assertThat(ByteBuffer.wrap(bytes).getLong()).isEqualTo(TIME);
		byte[] message = ("cosignature/v1\ntime 1700000000\n" + note.text()).getBytes(StandardCharsets.UTF_8);
		assertThat(Ed25519.verify(SIDE_A.verifierKey().jdkPublicKey(), message, Arrays.copyOfRange(bytes, 8, 72)))
			.isTrue();
		byte[] id = MerkleHashes.sha256(concat(SIDE_A.name().getBytes(StandardCharsets.UTF_8),
				new byte[] { 0x0A, 0x04 }, SIDE_A.verifierKey().publicKey()));
		assertThat(line.keyId()).isEqualTo(ByteBuffer.wrap(id).getInt());
		assertThat(line.keyId())
			.isNotEqualTo(VerifierKey.ed25519(SIDE_A.name(), SIDE_A.verifierKey().publicKey()).keyId());
	}

	@Test
	void aCheckpointCosignedByEverySideIsFinal() {
		Note note = Cosignature.cosign(Cosignature.cosign(checkpoint(10), SIDE_A, TIME), SIDE_B, TIME + 5);
		Note read = Note.parse(note.encoded());
		CosignaturePolicy.Status status = EVERY_SIDE.evaluate(read);
		assertThat(status.isFinal()).isTrue();
		assertThat(status.sides()).extracting(CosignaturePolicy.Side::timestamp).containsExactly(TIME, TIME + 5);
		assertThat(Checkpoint.verify(read, ORIGIN, LOG.verifierKey()).verified()).isTrue();
	}

	@Test
	void aCheckpointCosignedByOneSideOfTwoIsNotFinal() {
		Note note = Cosignature.cosign(checkpoint(10), SIDE_A, TIME);
		CosignaturePolicy.Status status = EVERY_SIDE.evaluate(note);
		assertThat(status.isFinal()).isFalse();
		assertThat(status.cosigned()).containsExactly(SIDE_A.verifierKey());
		assertThat(status.missing()).containsExactly(SIDE_B.verifierKey());
		assertThat(EVERY_SIDE.isFinal(checkpoint(10))).isFalse();
	}

	@Test
	void aCosignatureCopiedFromAnotherCheckpointDoesNotCount() {
		NoteSignature forOther = Cosignature.sign(SIDE_B, checkpoint(9).text(), TIME);
		Note note = Cosignature.cosign(checkpoint(10), SIDE_A, TIME).withSignature(forOther);
		CosignaturePolicy.Status status = EVERY_SIDE.evaluate(note);
		assertThat(status.isFinal()).isFalse();
		assertThat(status.sides().get(1).state()).isEqualTo(CosignaturePolicy.State.INVALID);
	}

	@Test
	void aChangedTimestampBreaksTheCosignature() {
		NoteSignature line = Cosignature.sign(SIDE_B, checkpoint(10).text(), TIME);
		for (long other : List.of(TIME + 1, -1L)) {
			byte[] bytes = line.signature();
			ByteBuffer.wrap(bytes).putLong(other);
			Note note = Cosignature.cosign(checkpoint(10), SIDE_A, TIME)
				.withSignature(new NoteSignature(line.keyName(), line.keyId(), bytes));
			assertThat(EVERY_SIDE.evaluate(note).sides().get(1).state()).isEqualTo(CosignaturePolicy.State.INVALID);
		}
	}

	@Test
	void aLogSignatureIsNotACosignature() {
		SignerKey plain = SignerKey.fromSeed(SIDE_B.name(), SignatureType.ED25519, seed(SIDE_B));
		Note note = Cosignature.cosign(checkpoint(10), SIDE_A, TIME).withSignature(plain.sign(checkpoint(10).text()));
		assertThat(EVERY_SIDE.evaluate(note).sides().get(1).state()).isEqualTo(CosignaturePolicy.State.MISSING);
	}

	@Test
	void cosignerKeysRoundTripInTheVerifierKeyFormatWithTypeFour() {
		VerifierKey key = VerifierKey.parse(SIDE_A.verifierKey().encoded());
		assertThat(key.type()).isEqualTo(SignatureType.COSIGNATURE_V1);
		assertThat(java.util.Base64.getDecoder().decode(key.encoded().split("\\+", 3)[2])[0]).isEqualTo((byte) 0x04);
		assertThat(key).isEqualTo(SIDE_A.verifierKey());
		assertThatIllegalArgumentException().isThrownBy(() -> new CosignaturePolicy(Set.of(LOG.verifierKey())));
		assertThatIllegalArgumentException().isThrownBy(() -> Cosignature.sign(LOG, "x\n", TIME));
		assertThatIllegalStateException().isThrownBy(() -> SIDE_A.sign("x\n"));
	}

	/** The 32-byte Ed25519 seed inside a signer key's text form. */
	private static byte[] seed(SignerKey key) {
		String encoded = key.encoded();
		byte[] material = java.util.Base64.getDecoder().decode(encoded.split("\\+", 5)[4]);
		return Arrays.copyOfRange(material, 1, material.length);
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
