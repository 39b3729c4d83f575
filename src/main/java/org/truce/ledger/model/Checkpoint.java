package org.truce.ledger.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A transparency log checkpoint (c2sp.org/tlog-checkpoint): the note text <pre>
 * &lt;origin&gt;
 * &lt;tree size, decimal, no leading zeros&gt;
 * &lt;root hash, standard base64&gt;
 * [extension lines]
 * </pre> each line ending in a newline. The origin names the log (Truce: the deployment).
 * A checkpoint becomes trustworthy only as a signed note ({@link #verify}). Immutable.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

	private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,18}");

	public Checkpoint {
		if (origin == null || origin.isEmpty() || origin.contains("\n")) {
			throw new IllegalArgumentException("A checkpoint's origin is one non-empty line");
		}
		if (size < 0) {
			throw new IllegalArgumentException("A tree size cannot be negative");
		}
		MerkleHashes.requireHash(rootHash, "root hash");
		rootHash = rootHash.clone();
		extensions = List.copyOf(extensions);
		for (String line : extensions) {
			if (line.isEmpty() || line.contains("\n")) {
				throw new IllegalArgumentException("An extension line is one non-empty line");
			}
		}
	}

	public Checkpoint(String origin, long size, byte[] rootHash) {
		this(origin, size, rootHash, List.of());
	}

	/**
	 * Reads a checkpoint from note text.
	 * @throws IllegalArgumentException if it is not one
	 */
	public static Checkpoint parse(String text) {
		if (!text.endsWith("\n")) {
			throw new IllegalArgumentException("Checkpoint text ends with a newline");
		}
		String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
		if (lines.length < 3) {
			throw new IllegalArgumentException("A checkpoint has at least three lines: origin, size, root hash");
		}
		if (!DECIMAL.matcher(lines[1]).matches()) {
			throw new IllegalArgumentException("The tree size is a decimal number without leading zeros: " + lines[1]);
		}
		long size;
		try {
			size = Long.parseLong(lines[1]);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("The tree size is too large: " + lines[1], ex);
		}
		byte[] root = StandardBase64.decode(lines[2]);
		if (root.length != MerkleHashes.LENGTH) {
			throw new IllegalArgumentException("The root hash is 32 bytes, not " + root.length);
		}
		return new Checkpoint(lines[0], size, root, new ArrayList<>(Arrays.asList(lines).subList(3, lines.length)));
	}

	/**
	 * Checks a signed checkpoint: the note must be well formed, verified by the log's key
	 * (other signatures, e.g. cosignatures, are ignored here), its text a checkpoint, and
	 * its origin {@code origin}.
	 */
	public static CheckpointVerdict verify(String signedNote, String origin, VerifierKey logKey) {
		Note note;
		try {
			note = Note.parse(signedNote);
		}
		catch (IllegalArgumentException ex) {
			return new CheckpointVerdict.Rejected(NoteFailure.MALFORMED_NOTE, ex.getMessage());
		}
		return verify(note, origin, logKey);
	}

	/** As {@link #verify(String, String, VerifierKey)}, for a parsed note. */
	public static CheckpointVerdict verify(Note note, String origin, VerifierKey logKey) {
		if (logKey.type() != SignatureType.ED25519) {
			throw new IllegalArgumentException("A log signs checkpoints with an Ed25519 (0x01) key");
		}
		NoteVerdict verdict = note.verify(List.of(logKey));
		if (verdict instanceof NoteVerdict.Rejected rejected) {
			return new CheckpointVerdict.Rejected(rejected.failure(), rejected.detail());
		}
		Checkpoint checkpoint;
		try {
			checkpoint = parse(note.text());
		}
		catch (IllegalArgumentException ex) {
			return new CheckpointVerdict.Rejected(NoteFailure.MALFORMED_CHECKPOINT, ex.getMessage());
		}
		if (!checkpoint.origin().equals(origin)) {
			return new CheckpointVerdict.Rejected(NoteFailure.WRONG_ORIGIN,
					"expected " + origin + ", found " + checkpoint.origin());
		}
		return new CheckpointVerdict.Verified(checkpoint, note);
	}

	@Override
	public byte[] rootHash() {
		return this.rootHash.clone();
	}

	/** The note text. */
	public String body() {
		StringBuilder out = new StringBuilder();
		out.append(this.origin).append('\n').append(this.size).append('\n');
		out.append(StandardBase64.encode(this.rootHash)).append('\n');
		this.extensions.forEach((line) -> out.append(line).append('\n'));
		return out.toString();
	}

	/** This checkpoint as a note signed by the log's key. */
	public Note sign(SignerKey logKey) {
		String body = body();
		return Note.unsigned(body).withSignature(logKey.sign(body));
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Checkpoint c && this.origin.equals(c.origin) && this.size == c.size
				&& Arrays.equals(this.rootHash, c.rootHash) && this.extensions.equals(c.extensions);
	}

	@Override
	public int hashCode() {
		return this.origin.hashCode() * 31 + Long.hashCode(this.size) + Arrays.hashCode(this.rootHash);
	}

	@Override
	public String toString() {
		return "Checkpoint[" + body().replace('\n', ' ').strip() + "]";
	}

}
