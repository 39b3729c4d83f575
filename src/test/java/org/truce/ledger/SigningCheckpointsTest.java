package org.truce.ledger;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.Ed25519;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteFailure;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.NoteVerdict;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.VerifierKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A log signs checkpoints as C2SP signed notes with JDK Ed25519, and clients check them.
 */
class SigningCheckpointsTest {

	private static final HexFormat HEX = HexFormat.of();

	private static final String ORIGIN = "truce.example/syria-2016";

	private static final SignerKey LOG = LedgerKeys.log(ORIGIN);

	private static Checkpoint checkpoint(long size) {
		return new Checkpoint(ORIGIN, size, MerkleHashes.sha256(("tree " + size).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void ed25519FromTheJdkMatchesRfc8032TestOne() {
		// RFC 8032 §7.1, TEST 1: the empty message.
		KeyPair pair = Ed25519
			.fromSeed(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
		assertThat(HEX.formatHex(Ed25519.raw(pair.getPublic())))
			.isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
		assertThat(HEX.formatHex(Ed25519.sign(pair.getPrivate(), new byte[0]))).isEqualTo(
				"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
		assertThat(Ed25519.verify(Ed25519.publicKey(Ed25519.raw(pair.getPublic())), new byte[0],
				Ed25519.sign(pair.getPrivate(), new byte[0])))
			.isTrue();
	}

	@Test
	void aSignedCheckpointVerifiesWithTheLogsVerifierKey() {
		Note note = checkpoint(42).sign(LOG);
		VerifierKey key = VerifierKey.parse(LOG.verifierKey().encoded());
		CheckpointVerdict verdict = Checkpoint.verify(note.encoded(), ORIGIN, key);
		assertThat(verdict).isInstanceOf(CheckpointVerdict.Verified.class);
		assertThat(((CheckpointVerdict.Verified) verdict).checkpoint()).isEqualTo(checkpoint(42));
		assertThat(note.encoded()).startsWith(ORIGIN + "\n42\n").contains("\n\n\u2014 " + ORIGIN + " ");
	}

	@Test
	void theVerifierKeyFormatIsNamePlusHexIdPlusBase64OfTypeAndKey() {
		VerifierKey key = LOG.verifierKey();
		String[] parts = key.encoded().split("\\+", 3);
		assertThat(parts[0]).isEqualTo(ORIGIN);
		byte[] material = java.util.Base64.getDecoder().decode(parts[2]);
		assertThat(material).hasSize(33);
		assertThat(material[0]).isEqualTo((byte) 0x01);
		byte[] hashed = MerkleHashes.sha256(concat(ORIGIN.getBytes(StandardCharsets.UTF_8), new byte[] { 0x0A, 0x01 },
				java.util.Arrays.copyOfRange(material, 1, 33)));
		assertThat(parts[1]).isEqualTo(HEX.formatHex(hashed, 0, 4));
		assertThatIllegalArgumentException().isThrownBy(() -> VerifierKey.parse(ORIGIN + "+00000000+" + parts[2]))
			.withMessageContaining("does not match");
	}

	@Test
	void aSignerKeyReadBackSignsIdentically() {
		for (SignerKey key : List.of(LOG, SignerKey.generate("fresh.example", SignatureType.ED25519))) {
			SignerKey copy = SignerKey.parse(key.encoded());
			assertThat(copy.verifierKey()).isEqualTo(key.verifierKey());
			assertThat(copy.sign("text\n")).isEqualTo(key.sign("text\n"));
			assertThat(key.encoded())
				.startsWith("PRIVATE+KEY+" + key.name() + "+" + key.verifierKey().hexKeyId() + "+");
			assertThat(key.toString()).doesNotContain(key.encoded().split("\\+", 5)[4]);
		}
		assertThat(SignerKey.generate("a", SignatureType.ED25519).verifierKey())
			.isNotEqualTo(SignerKey.generate("a", SignatureType.ED25519).verifierKey());
	}

	@Test
	void signaturesFromUnknownKeysAreIgnored() {
		SignerKey stranger = SignerKey.generate("stranger.example", SignatureType.ED25519);
		Note note = checkpoint(7).sign(stranger);
		note = note.withSignature(LOG.sign(note.text()));
		assertThat(Checkpoint.verify(note.encoded(), ORIGIN, LOG.verifierKey()).verified()).isTrue();
		NoteVerdict verdict = note.verify(List.of(LOG.verifierKey(), stranger.verifierKey()));
		assertThat(((NoteVerdict.Verified) verdict).keys()).containsExactly(stranger.verifierKey(), LOG.verifierKey());
	}

	@Test
	void aNoteWithoutTheLogsSignatureIsRejected() {
		SignerKey other = SignerKey.generate(ORIGIN, SignatureType.ED25519);
		CheckpointVerdict verdict = Checkpoint.verify(checkpoint(7).sign(other).encoded(), ORIGIN, LOG.verifierKey());
		assertThat(((CheckpointVerdict.Rejected) verdict).failure()).isEqualTo(NoteFailure.NO_KNOWN_SIGNATURE);
	}

	@Test
	void aBadSignatureFromTheLogsKeyRejectsTheNote() {
		Note good = checkpoint(7).sign(LOG);
		NoteSignature signature = good.signatures().get(0);
		byte[] bytes = signature.signature();
		bytes[10] ^= 1;
		Note forged = Note.unsigned(checkpoint(8).body())
			.withSignature(new NoteSignature(signature.keyName(), signature.keyId(), signature.signature()));
		Note flipped = Note.unsigned(good.text())
			.withSignature(new NoteSignature(signature.keyName(), signature.keyId(), bytes));
		for (Note note : List.of(forged, flipped)) {
			CheckpointVerdict verdict = Checkpoint.verify(note, ORIGIN, LOG.verifierKey());
			assertThat(((CheckpointVerdict.Rejected) verdict).failure()).isEqualTo(NoteFailure.BAD_SIGNATURE);
		}
	}

	@Test
	void aCheckpointOfAnotherLogIsRejected() {
		SignerKey otherLog = SignerKey.generate("other.example/log", SignatureType.ED25519);
		Note note = new Checkpoint("other.example/log", 3, MerkleHashes.emptyRoot()).sign(otherLog);
		CheckpointVerdict verdict = Checkpoint.verify(note, ORIGIN, otherLog.verifierKey());
		assertThat(((CheckpointVerdict.Rejected) verdict).failure()).isEqualTo(NoteFailure.WRONG_ORIGIN);
	}

	@Test
	void extensionLinesAreSignedAndReadBack() {
		Checkpoint withExtension = new Checkpoint(ORIGIN, 5, MerkleHashes.emptyRoot(), List.of("time 1700000000"));
		Note note = withExtension.sign(LOG);
		CheckpointVerdict verdict = Checkpoint.verify(note.encoded(), ORIGIN, LOG.verifierKey());
		assertThat(((CheckpointVerdict.Verified) verdict).checkpoint().extensions()).containsExactly("time 1700000000");
	}

	@Test
	void malformedCheckpointTextIsRejected() {
		String root = java.util.Base64.getEncoder().encodeToString(MerkleHashes.emptyRoot());
		List<String> bad = List.of(ORIGIN + "\n08\n" + root + "\n", ORIGIN + "\n-1\n" + root + "\n", ORIGIN + "\n1\n",
				"\n1\n" + root + "\n", ORIGIN + "\n1\n" + root.substring(0, 43) + "\n",
				ORIGIN + "\n1\n" + java.util.Base64.getEncoder().encodeToString(new byte[31]) + "\n",
				ORIGIN + "\n1\n" + root + "\n\n", ORIGIN + "\n99999999999999999999\n" + root + "\n",
				ORIGIN + "\n 1\n" + root + "\n", ORIGIN + "\n1\n" + root);
		for (String text : bad) {
			assertThatIllegalArgumentException().as("%s", text).isThrownBy(() -> Checkpoint.parse(text));
		}
		for (String text : bad) {
			if (text.endsWith("\n") && !text.endsWith("\n\n")) {
				Note note = Note.unsigned(text).withSignature(LOG.sign(text));
				CheckpointVerdict verdict = Checkpoint.verify(note, ORIGIN, LOG.verifierKey());
				assertThat(verdict.verified()).as("%s", text).isFalse();
			}
		}
	}

	@Test
	void malformedNotesAreRejected() {
		String text = checkpoint(1).body();
		String line = LOG.sign(text).line();
		List<String> bad = List.of(text + line, text + "\n" + line.strip(), text + "\n",
				text + "\n" + line.replace("\u2014", "--"), text + "\n" + line.replace("\u2014 ", "\u2014"),
				text.replace("\n", "\r\n") + "\n" + line, text + "\n" + line.replace(ORIGIN, ORIGIN + "+x"),
				text + "\n" + line + "not a signature\n", text + "\n" + line.replace("=\n", "\n"),
				text + "\n" + "\u2014 " + ORIGIN + " AAAA\n", "no newline at all");
		for (String note : bad) {
			assertThatIllegalArgumentException().as("%s", note).isThrownBy(() -> Note.parse(note));
		}
		assertThatIllegalArgumentException().isThrownBy(
				() -> Note.parse(new byte[] { 'a', '\n', '\n', (byte) 0xe2, (byte) 0x80, ' ', 'k', ' ', 'A', '\n' }));
	}

	@Test
	void noteTextMayHoldBlankLinesAndManySignatures() {
		String text = "first\n\nthird\n";
		Note note = Note.unsigned(text);
		for (int i = 0; i < 20; i++) {
			note = note.withSignature(SignerKey.generate("k" + i, SignatureType.ED25519).sign(text));
		}
		note = note.withSignature(LOG.sign(text));
		Note read = Note.parse(note.encoded());
		assertThat(read.text()).isEqualTo(text);
		assertThat(read.signatures()).hasSize(21);
		assertThat(read.verify(List.of(LOG.verifierKey())).verified()).isTrue();
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
