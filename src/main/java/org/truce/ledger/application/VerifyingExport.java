package org.truce.ledger.application;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.model.Checkpoint;
import org.truce.ledger.model.CheckpointVerdict;
import org.truce.ledger.model.CosignaturePolicy;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.LedgerEntry;
import org.truce.ledger.model.MerkleFrontier;
import org.truce.ledger.model.MerkleHashes;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteFailure;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.StandardBase64;
import org.truce.ledger.model.VerifierKey;

/**
 * Verifies an exported ledger ({@link ExportedLedger}) offline, with nothing but its
 * files and the keys the verifier trusts:
 * <ol>
 * <li>every checkpoint file is a checkpoint of its size, of the log's origin, signed by
 * the log key;</li>
 * <li>every line of {@code entries.jsonl} is entry 0, 1, 2… in turn; its text is JSON in
 * RFC 8785 canonical form ({@link CanonicalText}: the same verdict as re-serialising the
 * parsed value with {@code CanonicalJson} and comparing character for character); its
 * kind and subject are the text's; its leaf hash is recomputed from the text;</li>
 * <li>the leaves rebuild the tree ({@link MerkleFrontier}, constant memory), whose root
 * at each checkpoint's size must be the root the checkpoint signs: so all checkpoints
 * describe one tree and are mutually consistent, and every entry is covered by one;</li>
 * <li>with required cosigners, every required side's cosignatures verify and at least one
 * checkpoint is cosigned by all of them (the log is final up to the largest);</li>
 * <li>every line of {@code disclosures.jsonl}, if there is one, is of an exported entry
 * of its kind and subject, in index order, and its salt and value hash to the entry's
 * commitment for its group ({@link Disclosure}). Its failures are reported after those of
 * the entries, since a changed entry also fails its disclosures.</li>
 * </ol>
 * The first failure is returned (the smallest checkpoint, or the first entry, that
 * disagrees). Entries are checked in parallel batches and folded into the tree in order.
 *
 * <p>
 * Limits of the canonical-form check: every number is compared as written, so none is
 * rounded away (JCS numbers are IEEE-754 doubles: an integer beyond ±2<sup>53</sup> is
 * canonical only as the exact value of a double, written as ECMAScript writes it).
 * Jackson's default read limits apply (nesting 500 levels, numbers of 1,000 digits,
 * strings of 100,000,000 characters, member names of 50,000) as does the canonical
 * serialiser's nesting limit of 256 levels; an entry beyond them is reported as not
 * canonical, though no Truce entry comes near them.
 */
public final class VerifyingExport {

	private static final int BATCH = 4096;

	private static final Pattern NOTE_NAME = Pattern.compile("(0|[1-9][0-9]{0,17})\\.note");

	private static final JsonMapper LINES = JsonMapper.builder().build();

	/**
	 * For disclosure lines and the entries they open: a member name twice is an error, so
	 * that a line cannot show one value and have another checked.
	 */
	private static final JsonMapper STRICT = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	/**
	 * The keys the verifier trusts.
	 *
	 * @param logKey the log's key, or null to use log.pub from the export (and say so)
	 * @param origin the log's origin, or null for the log key's name
	 * @param requiredCosigners witness keys (type 0x04) that must have cosigned
	 */
	public record Trust(VerifierKey logKey, String origin, List<VerifierKey> requiredCosigners) {

		public Trust {
			requiredCosigners = List.copyOf(requiredCosigners);
		}

	}

	private final Path dir;

	private final Trust trust;

	private final List<String> warnings = new ArrayList<>();

	private final Map<VerifierKey, Tally> tallies = new LinkedHashMap<>();

	private VerifierKey logKey;

	private boolean logKeyFromExport;

	private String origin;

	private long entries;

	private long checkpoints;

	private String root;

	private long finalSize = -1;

	private Openings openings;

	private VerifyingExport(Path dir, Trust trust) {
		this.dir = dir;
		this.trust = trust;
	}

	public static ExportVerdict verify(Path dir, Trust trust) {
		return new VerifyingExport(dir, trust).run();
	}

	private ExportVerdict run() {
		try {
			keys();
			TreeMap<Long, byte[]> roots = checkpoints();
			entries(roots);
			cosignatures();
			return new ExportVerdict.Valid(summary());
		}
		catch (Failure failure) {
			return new ExportVerdict.Invalid(failure.failure, failure.detail, summary());
		}
	}

	private ExportVerdict.Summary summary() {
		List<ExportVerdict.Cosigner> cosigners = new ArrayList<>();
		this.tallies.forEach((key, t) -> cosigners
			.add(new ExportVerdict.Cosigner(key, t.required, t.cosigned, t.newestSize, t.invalid)));
		Openings openings = this.openings;
		return new ExportVerdict.Summary(this.entries, this.checkpoints, this.logKey, this.logKeyFromExport, this.root,
				cosigners, this.finalSize, openings != null && openings.present(),
				openings == null ? 0 : openings.checked, this.warnings);
	}

	// ------------------------------------------------------------------ keys

	private void keys() {
		Path pub = this.dir.resolve(ExportedLedger.LOG_KEY);
		VerifierKey shipped = null;
		String shippedProblem = null;
		if (Files.exists(pub)) {
			try {
				shipped = VerifierKey.parse(read(pub).strip());
			}
			catch (IllegalArgumentException ex) {
				shippedProblem = ex.getMessage();
			}
		}
		if (this.trust.logKey() != null) {
			this.logKey = this.trust.logKey();
			if (shipped != null && !shipped.equals(this.logKey)) {
				this.warnings.add("log.pub in the export is " + shipped
						+ ", not the log key given; checking with the key" + " given.");
			}
		}
		else if (shipped != null) {
			this.logKey = shipped;
			this.logKeyFromExport = true;
			this.warnings.add("TRUSTING THE LOG KEY SHIPPED IN THE EXPORT (log.pub: " + shipped + "). Anyone who"
					+ " rewrote the export could have replaced it; pass --log-key with the key obtained from the log's"
					+ " operator to make this verification mean something.");
		}
		else if (shippedProblem != null) {
			throw new Failure(ExportFailure.BAD_KEY, ExportedLedger.LOG_KEY + ": " + shippedProblem);
		}
		else {
			throw new Failure(ExportFailure.MISSING_FILE, ExportedLedger.LOG_KEY + ", and no log key was given");
		}
		if (this.logKey.type() != SignatureType.ED25519) {
			throw new Failure(ExportFailure.BAD_KEY, this.logKey + " is not a log key (type 0x01)");
		}
		this.origin = this.trust.origin() != null ? this.trust.origin() : this.logKey.name();
		for (VerifierKey key : this.trust.requiredCosigners()) {
			if (key.type() != SignatureType.COSIGNATURE_V1) {
				throw new Failure(ExportFailure.BAD_KEY, key + " is not a witness's cosigner key (type 0x04)");
			}
			this.tallies.put(key, new Tally(true));
		}
		Path witnesses = this.dir.resolve(ExportedLedger.WITNESS_KEYS);
		if (Files.exists(witnesses)) {
			for (String line : read(witnesses).split("\n")) {
				if (line.isBlank()) {
					continue;
				}
				try {
					VerifierKey key = VerifierKey.parse(line);
					if (key.type() == SignatureType.COSIGNATURE_V1) {
						this.tallies.putIfAbsent(key, new Tally(false));
					}
					else {
						this.warnings.add("witnesses.pub: ignored " + line.strip() + " (not a cosigner key)");
					}
				}
				catch (IllegalArgumentException ex) {
					this.warnings.add("witnesses.pub: ignored a malformed key: " + ex.getMessage());
				}
			}
		}
	}

	// ------------------------------------------------------------ checkpoints

	private TreeMap<Long, byte[]> checkpoints() {
		Path folder = this.dir.resolve(ExportedLedger.CHECKPOINTS);
		if (!Files.isDirectory(folder)) {
			throw new Failure(ExportFailure.MISSING_FILE, "the directory " + ExportedLedger.CHECKPOINTS + "/");
		}
		TreeMap<Long, Path> files = new TreeMap<>();
		try (Stream<Path> listing = Files.list(folder)) {
			for (Path file : (Iterable<Path>) listing::iterator) {
				Matcher m = NOTE_NAME.matcher(file.getFileName().toString());
				if (m.matches() && Files.isRegularFile(file)) {
					files.put(Long.parseLong(m.group(1)), file);
				}
				else {
					this.warnings.add("ignored " + ExportedLedger.CHECKPOINTS + "/" + file.getFileName()
							+ " (not named <size>.note)");
				}
			}
		}
		catch (IOException ex) {
			throw new Failure(ExportFailure.UNREADABLE, ExportedLedger.CHECKPOINTS + "/: " + ex.getMessage());
		}
		this.checkpoints = files.size();
		CosignaturePolicy cosigners = this.tallies.isEmpty() ? null : new CosignaturePolicy(this.tallies.keySet());
		TreeMap<Long, byte[]> roots = new TreeMap<>();
		for (Map.Entry<Long, Path> file : files.entrySet()) {
			long size = file.getKey();
			String name = ExportedLedger.CHECKPOINTS + "/" + file.getValue().getFileName();
			Note note;
			try {
				note = Note.parse(Files.readAllBytes(file.getValue()));
			}
			catch (IllegalArgumentException ex) {
				throw new Failure(ExportFailure.MALFORMED_CHECKPOINT, name + ": " + ex.getMessage());
			}
			catch (IOException ex) {
				throw new Failure(ExportFailure.UNREADABLE, name + ": " + ex.getMessage());
			}
			CheckpointVerdict verdict = Checkpoint.verify(note, this.origin, this.logKey);
			if (verdict instanceof CheckpointVerdict.Rejected rejected) {
				throw new Failure(rejected.failure() == NoteFailure.MALFORMED_CHECKPOINT
						? ExportFailure.MALFORMED_CHECKPOINT : ExportFailure.BAD_CHECKPOINT_SIGNATURE,
						name + ": " + rejected.message());
			}
			Checkpoint checkpoint = ((CheckpointVerdict.Verified) verdict).checkpoint();
			if (checkpoint.size() != size) {
				throw new Failure(ExportFailure.MALFORMED_CHECKPOINT,
						name + " holds the checkpoint of size " + checkpoint.size());
			}
			roots.put(size, checkpoint.rootHash());
			if (cosigners != null) {
				tally(size, cosigners.evaluate(note));
			}
		}
		return roots;
	}

	private void tally(long size, CosignaturePolicy.Status status) {
		boolean everyRequired = true;
		for (CosignaturePolicy.Side side : status.sides()) {
			Tally t = this.tallies.get(side.key());
			switch (side.state()) {
				case COSIGNED -> {
					t.cosigned++;
					t.newestSize = size;
				}
				case INVALID -> {
					t.invalid++;
					if (t.firstInvalidSize < 0) {
						t.firstInvalidSize = size;
					}
				}
				case MISSING -> {
				}
			}
			if (t.required && side.state() != CosignaturePolicy.State.COSIGNED) {
				everyRequired = false;
			}
		}
		if (everyRequired && !this.trust.requiredCosigners().isEmpty()) {
			this.finalSize = size;
		}
	}

	// ---------------------------------------------------------------- entries

	private void entries(TreeMap<Long, byte[]> roots) {
		Path file = this.dir.resolve(ExportedLedger.ENTRIES);
		MerkleFrontier tree = new MerkleFrontier();
		Iterator<Map.Entry<Long, byte[]>> pending = roots.entrySet().iterator();
		Map.Entry<Long, byte[]> next = pending.hasNext() ? pending.next() : null;
		long checked = 0;
		if (next != null && next.getKey() == 0) {
			checkRoot(tree, next, 0);
			next = pending.hasNext() ? pending.next() : null;
		}
		try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				Openings openings = new Openings(this.dir)) {
			this.openings = openings;
			List<String> batch = new ArrayList<>(BATCH);
			while (true) {
				batch.clear();
				String line;
				while (batch.size() < BATCH && (line = in.readLine()) != null) {
					batch.add(line);
				}
				if (batch.isEmpty()) {
					break;
				}
				long first = tree.size();
				byte[][] leaves = new byte[batch.size()][];
				Failure[] failures = new Failure[batch.size()];
				IntStream.range(0, batch.size()).parallel().forEach((j) -> {
					try {
						leaves[j] = leaf(batch.get(j), first + j);
					}
					catch (Failure f) {
						failures[j] = f;
					}
				});
				for (int j = 0; j < batch.size(); j++) {
					if (failures[j] != null) {
						throw failures[j];
					}
					tree.append(leaves[j]);
					this.entries = tree.size();
					while (next != null && next.getKey() == tree.size()) {
						checkRoot(tree, next, checked);
						checked = next.getKey();
						next = pending.hasNext() ? pending.next() : null;
					}
				}
				openings.check(batch, first);
			}
			this.root = StandardBase64.encode(tree.root());
			if (next != null) {
				throw new Failure(ExportFailure.CHECKPOINT_BEYOND_ENTRIES,
						ExportedLedger.CHECKPOINTS + "/" + next.getKey() + ExportedLedger.NOTE_SUFFIX
								+ " is of a tree of " + next.getKey() + " entries; the export has " + tree.size());
			}
			long covered = roots.isEmpty() ? 0 : roots.lastKey();
			if (tree.size() > covered) {
				throw new Failure(ExportFailure.UNCOVERED_ENTRIES,
						"entries " + covered + " to " + (tree.size() - 1) + " come after the newest checkpoint"
								+ (roots.isEmpty() ? " (there is none)" : " (size " + covered + ")"));
			}
			// Disclosures last: when one fails against a changed entry, the entry's
			// failure
			// is the one to report.
			openings.finish(tree.size());
		}
		catch (NoSuchFileException ex) {
			throw new Failure(ExportFailure.MISSING_FILE, ExportedLedger.ENTRIES);
		}
		catch (CharacterCodingException ex) {
			throw new Failure(ExportFailure.UNREADABLE, ExportedLedger.ENTRIES + ": not valid UTF-8 within the " + BATCH
					+ " lines after entry " + tree.size() + " (" + ex + ")");
		}
		catch (IOException ex) {
			throw new Failure(ExportFailure.UNREADABLE, ExportedLedger.ENTRIES + ": " + ex.getMessage());
		}
	}

	private static void checkRoot(MerkleFrontier tree, Map.Entry<Long, byte[]> checkpoint, long previous) {
		byte[] rebuilt = tree.root();
		if (!MerkleHashes.same(rebuilt, checkpoint.getValue())) {
			throw new Failure(ExportFailure.ROOT_MISMATCH, ExportedLedger.CHECKPOINTS + "/" + checkpoint.getKey()
					+ ExportedLedger.NOTE_SUFFIX + " signs root " + StandardBase64.encode(checkpoint.getValue())
					+ ", but the first " + checkpoint.getKey() + " entries give " + StandardBase64.encode(rebuilt)
					+ ": an entry from " + previous + " to " + (checkpoint.getKey() - 1)
					+ " was changed, dropped, added or moved" + (previous == 0 ? ""
							: " (the entries before " + previous + " match the checkpoint of " + previous + ")"));
		}
	}

	/** The leaf hash of one line's entry, after checking the line. */
	private static byte[] leaf(String line, long index) {
		Line read = Line.read(line, index);
		if (read.index() != index) {
			throw new Failure(ExportFailure.OUT_OF_SEQUENCE, "line " + (index + 1) + " holds entry " + read.index()
					+ " where entry " + index + " belongs (an entry is missing, added or moved)");
		}
		String where = "entry " + index + " (line " + (index + 1) + ")";
		CanonicalText.Verdict verdict = CanonicalText.check(read.entry());
		if (verdict instanceof CanonicalText.NotCanonical not) {
			throw new Failure(ExportFailure.NOT_CANONICAL, where + ": " + not.reason());
		}
		CanonicalText.Canonical document = (CanonicalText.Canonical) verdict;
		if (!document.object() || document.oddSubject() || !read.kind().equals(document.kind())
				|| !Objects.equals(read.subject(), document.subject())) {
			throw new Failure(ExportFailure.MISLABELLED,
					where + ": the line says kind " + read.kind() + " and subject " + read.subject()
							+ ", the text says kind " + document.kind() + " and subject "
							+ (document.oddSubject() ? "(not a string)" : document.subject()));
		}
		return MerkleHashes.leafHash(read.entry().getBytes(StandardCharsets.UTF_8));
	}

	/** One line of entries.jsonl, read with a streaming parser. */
	private record Line(long index, String kind, String subject, String entry) {

		static Line read(String line, long expected) {
			String where = "line " + (expected + 1);
			Long index = null;
			String kind = null;
			String subject = null;
			boolean subjectSeen = false;
			String entry = null;
			try (JsonParser parser = LINES.createParser(line)) {
				if (parser.nextToken() != JsonToken.START_OBJECT) {
					throw new Failure(ExportFailure.MALFORMED_LINE, where + " is not a JSON object");
				}
				JsonToken token;
				while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					JsonToken value = parser.nextToken();
					boolean repeated = switch (name) {
						case "index" -> {
							if (value != JsonToken.VALUE_NUMBER_INT) {
								throw new Failure(ExportFailure.MALFORMED_LINE,
										where + ": \"index\" is not an integer");
							}
							boolean seen = index != null;
							index = parser.getLongValue();
							yield seen;
						}
						case "kind" -> {
							boolean seen = kind != null;
							kind = requireString(parser, value, where, name, false);
							yield seen;
						}
						case "subject" -> {
							boolean seen = subjectSeen;
							subjectSeen = true;
							subject = requireString(parser, value, where, name, true);
							yield seen;
						}
						case "entry" -> {
							boolean seen = entry != null;
							entry = requireString(parser, value, where, name, false);
							yield seen;
						}
						default -> {
							parser.skipChildren();
							yield false;
						}
					};
					if (repeated) {
						throw new Failure(ExportFailure.MALFORMED_LINE, where + " has \"" + name + "\" twice");
					}
				}
				if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
					throw new Failure(ExportFailure.MALFORMED_LINE, where + " is not one JSON object");
				}
			}
			catch (JacksonException ex) {
				throw new Failure(ExportFailure.MALFORMED_LINE, where + " is not JSON: " + ex.getOriginalMessage());
			}
			if (index == null || kind == null || entry == null) {
				throw new Failure(ExportFailure.MALFORMED_LINE, where + " lacks \"index\", \"kind\" or \"entry\"");
			}
			return new Line(index, kind, subject, entry);
		}

		private static String requireString(JsonParser parser, JsonToken value, String where, String name,
				boolean nullable) {
			if (value == JsonToken.VALUE_STRING) {
				return parser.getString();
			}
			if (nullable && value == JsonToken.VALUE_NULL) {
				return null;
			}
			throw new Failure(ExportFailure.MALFORMED_LINE,
					where + ": \"" + name + "\" is not a string" + (nullable ? " or null" : ""));
		}

	}

	// ------------------------------------------------------------ disclosures

	/**
	 * {@code disclosures.jsonl}, read along with the entries: the lines of each batch of
	 * entries are checked once that batch is read, in parallel, and the first failure is
	 * kept for {@link #finish}. The lines must come in index order, so that neither file
	 * is held in memory.
	 */
	private static final class Openings implements AutoCloseable {

		private final BufferedReader in;

		private long lineNumber;

		private Opening ahead;

		private long lastIndex;

		private Failure failure;

		long checked;

		Openings(Path dir) {
			Path file = dir.resolve(ExportedLedger.DISCLOSURES);
			try {
				this.in = Files.exists(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8) : null;
			}
			catch (IOException ex) {
				throw new Failure(ExportFailure.UNREADABLE, ExportedLedger.DISCLOSURES + ": " + ex.getMessage());
			}
		}

		boolean present() {
			return this.in != null;
		}

		/**
		 * Checks the disclosures of the entries {@code [first, first + lines.size())}.
		 */
		void check(List<String> lines, long first) {
			long end = first + lines.size();
			List<Opening> batch = new ArrayList<>();
			Opening next;
			while (this.failure == null && (next = peek()) != null && next.index() < end) {
				this.ahead = null;
				batch.add(next);
			}
			Failure[] failures = new Failure[batch.size()];
			IntStream.range(0, batch.size()).parallel().forEach((j) -> {
				Opening o = batch.get(j);
				try {
					o.check(lines.get((int) (o.index() - first)));
				}
				catch (Failure f) {
					failures[j] = f;
				}
			});
			for (Failure f : failures) {
				if (f != null) {
					this.failure = f;
					return;
				}
				this.checked++;
			}
		}

		/**
		 * After the last entry: fails with the first disclosure that failed, or with a
		 * disclosure of an entry beyond the last.
		 */
		void finish(long entries) {
			Opening beyond = this.failure == null ? peek() : null;
			if (beyond != null) {
				this.failure = new Failure(ExportFailure.DISCLOSURE_WITHOUT_ENTRY,
						beyond.where() + ": entry " + beyond.index() + ", but the export has " + entries + " entries");
			}
			if (this.failure != null) {
				throw this.failure;
			}
		}

		/**
		 * The next line, read, or null at the end of the file; records a malformed line.
		 */
		private Opening peek() {
			if (this.ahead != null || this.in == null || this.failure != null) {
				return this.ahead;
			}
			String line;
			try {
				line = this.in.readLine();
			}
			catch (IOException ex) {
				this.failure = new Failure(ExportFailure.UNREADABLE,
						ExportedLedger.DISCLOSURES + ": after line " + this.lineNumber + ": " + ex.getMessage());
				return null;
			}
			if (line == null) {
				return null;
			}
			this.lineNumber++;
			try {
				Opening read = Opening.read(line, this.lineNumber);
				if (read.index() < this.lastIndex) {
					throw new Failure(ExportFailure.MALFORMED_DISCLOSURE, read.where() + ": entry " + read.index()
							+ " comes after entry " + this.lastIndex + " (the lines are in index order)");
				}
				this.lastIndex = read.index();
				this.ahead = read;
			}
			catch (Failure f) {
				this.failure = f;
			}
			return this.ahead;
		}

		@Override
		public void close() throws IOException {
			if (this.in != null) {
				this.in.close();
			}
		}

	}

	/** One line of disclosures.jsonl, parsed; the value is checked in {@link #check}. */
	private record Opening(long line, long index, String kind, String subject, String group, String salt,
			JsonNode value) {

		static Opening read(String text, long line) {
			String where = ExportedLedger.DISCLOSURES + " line " + line;
			JsonNode node;
			try {
				node = STRICT.readTree(text);
			}
			catch (JacksonException ex) {
				throw new Failure(ExportFailure.MALFORMED_DISCLOSURE,
						where + " is not JSON: " + ex.getOriginalMessage());
			}
			if (node == null || !node.isObject()) {
				throw new Failure(ExportFailure.MALFORMED_DISCLOSURE, where + " is not a JSON object");
			}
			JsonNode index = node.get("index");
			if (index == null || !index.isIntegralNumber() || !index.canConvertToLong() || index.asLong() < 0) {
				throw new Failure(ExportFailure.MALFORMED_DISCLOSURE, where + ": \"index\" is not an entry's index");
			}
			for (String name : List.of("kind", "subject", "group", "salt")) {
				if (node.get(name) == null || !node.get(name).isString()) {
					throw new Failure(ExportFailure.MALFORMED_DISCLOSURE,
							where + ": \"" + name + "\" is missing or not a string");
				}
			}
			if (!node.has("value")) {
				throw new Failure(ExportFailure.MALFORMED_DISCLOSURE, where + " has no \"value\"");
			}
			return new Opening(line, index.asLong(), node.get("kind").asString(), node.get("subject").asString(),
					node.get("group").asString(), node.get("salt").asString(), node.get("value"));
		}

		String where() {
			return ExportedLedger.DISCLOSURES + " line " + this.line;
		}

		/** Checks this disclosure against its entry's line of entries.jsonl. */
		void check(String entryLine) {
			Line entry = Line.read(entryLine, this.index);
			String about = "entry " + this.index + " (" + entry.kind() + " " + entry.subject() + ")";
			if (!this.kind.equals(entry.kind()) || !this.subject.equals(entry.subject())) {
				throw new Failure(ExportFailure.DISCLOSURE_WITHOUT_ENTRY,
						where() + " is of " + this.kind + " " + this.subject + ", but " + about + " is of another");
			}
			JsonNode commitments = STRICT.readTree(entry.entry()).path("body").path(LedgerEntry.COMMITMENTS);
			JsonNode commitment = commitments.path(this.group);
			if (!commitment.isString()) {
				throw new Failure(ExportFailure.UNKNOWN_DISCLOSURE_GROUP,
						where() + ": " + about + " commits to no group \"" + this.group + "\""
								+ (commitments.isObject() && !commitments.isEmpty()
										? " (its groups: " + String.join(", ", commitments.propertyNames()) + ")"
										: " (it has no commitments)"));
			}
			Disclosure disclosure;
			try {
				disclosure = new Disclosure(this.group, this.salt, STRICT.treeToValue(this.value, Object.class));
			}
			catch (IllegalArgumentException | JacksonException ex) {
				throw new Failure(ExportFailure.MALFORMED_DISCLOSURE, where() + ": " + ex.getMessage());
			}
			if (!disclosure.verify(commitment.asString())) {
				throw new Failure(ExportFailure.DISCLOSURE_MISMATCH,
						where() + ": the " + this.group + " group of " + about + ": SHA-256(salt + \".\" + value) is "
								+ disclosure.commitment() + ", but the entry commits to " + commitment.asString());
			}
		}

	}

	// ----------------------------------------------------------- cosignatures

	private void cosignatures() {
		for (Map.Entry<VerifierKey, Tally> e : this.tallies.entrySet()) {
			Tally t = e.getValue();
			if (t.invalid > 0) {
				String detail = e.getKey().name() + " on " + ExportedLedger.CHECKPOINTS + "/" + t.firstInvalidSize
						+ ExportedLedger.NOTE_SUFFIX + (t.invalid > 1 ? " and " + (t.invalid - 1) + " more" : "");
				if (t.required) {
					throw new Failure(ExportFailure.INVALID_COSIGNATURE, detail);
				}
				this.warnings.add("a cosignature that does not verify, by a witness in witnesses.pub: " + detail);
			}
		}
		if (!this.trust.requiredCosigners().isEmpty() && this.finalSize < 0) {
			List<String> sides = new ArrayList<>();
			this.tallies.forEach((key, t) -> {
				if (t.required) {
					sides.add(key.name() + (t.newestSize < 0 ? " cosigned none" : " cosigned up to " + t.newestSize));
				}
			});
			throw new Failure(ExportFailure.NOT_FINAL, String.join("; ", sides));
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new Failure(ExportFailure.UNREADABLE, file.getFileName() + ": " + ex.getMessage());
		}
	}

	private static final class Tally {

		final boolean required;

		long cosigned;

		long newestSize = -1;

		long invalid;

		long firstInvalidSize = -1;

		Tally(boolean required) {
			this.required = required;
		}

	}

	/** The first failure, carried out of the checks to {@link #run}. */
	private static final class Failure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final ExportFailure failure;

		final String detail;

		Failure(ExportFailure failure, String detail) {
			super(failure.format(detail), null, false, false);
			this.failure = failure;
			this.detail = detail;
		}

	}

}
