package org.truce.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published vectors of {@code src/test/resources/ledger/rfc6962-vectors.md}, read
 * from the Markdown as data: leaf inputs, subtree hashes, roots by size, inclusion and
 * consistency proofs (written as ranges of the subtree table), and the checkpoint
 * example.
 */
record PublishedVectors(List<byte[]> leafInputs, Map<String, byte[]> subtrees, Map<Integer, byte[]> roots,
		List<Inclusion> inclusions, List<Consistency> consistencies, String verifierKey,
		List<SignedCheckpoint> checkpoints) {

	static final Path FILE = Path.of("src/test/resources/ledger/rfc6962-vectors.md");

	private static final HexFormat HEX = HexFormat.of();

	/** Leaf {@code index} of a tree of {@code size} has the proof {@code ranges}. */
	record Inclusion(int size, int index, List<String> ranges) {
	}

	/**
	 * The tree of {@code size2} extends that of {@code size1} by the proof
	 * {@code ranges}.
	 */
	record Consistency(int size1, int size2, List<String> ranges) {
	}

	/** A signed checkpoint note of a tree of {@code size} leaves. */
	record SignedCheckpoint(int size, String note) {
	}

	List<byte[]> hashes(List<String> ranges) {
		List<byte[]> hashes = new ArrayList<>();
		for (String range : ranges) {
			byte[] hash = this.subtrees.get(range);
			if (hash == null) {
				throw new IllegalStateException("The vectors name an unknown subtree " + range);
			}
			hashes.add(hash);
		}
		return hashes;
	}

	static PublishedVectors load() {
		String text;
		try {
			text = Files.readString(FILE, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> sections = sections(text);
		List<byte[]> leaves = new ArrayList<>();
		Matcher leaf = Pattern.compile("`([^`]*)`").matcher(section(sections, "Leaf inputs"));
		while (leaf.find()) {
			leaves.add(HEX.parseHex(leaf.group(1).replace("\"", "")));
		}
		Map<String, byte[]> subtrees = new LinkedHashMap<>();
		for (String line : codeBlock(section(sections, "Subtree hashes"))) {
			String[] parts = line.trim().split("\\s+");
			subtrees.put(parts[0], HEX.parseHex(parts[1]));
		}
		Map<Integer, byte[]> roots = new LinkedHashMap<>();
		for (String line : codeBlock(section(sections, "Roots by tree size"))) {
			String[] parts = line.trim().split("\\s+");
			roots.put(Integer.parseInt(parts[0]), HEX.parseHex(parts[1]));
		}
		List<Inclusion> inclusions = new ArrayList<>();
		Pattern inclusion = Pattern.compile("(\\d+):\\[([^\\]]*)\\]");
		for (String line : codeBlock(section(sections, "Inclusion proofs"))) {
			int size = size(line);
			Matcher m = inclusion.matcher(line.substring(line.indexOf(' ')));
			while (m.find()) {
				inclusions.add(new Inclusion(size, Integer.parseInt(m.group(1)), ranges(m.group(2))));
			}
		}
		List<Consistency> consistencies = new ArrayList<>();
		Pattern consistency = Pattern.compile("(\\d+)->\\[([^\\]]*)\\]");
		for (String line : codeBlock(section(sections, "Consistency proofs"))) {
			int size = size(line);
			Matcher m = consistency.matcher(line);
			while (m.find()) {
				consistencies.add(new Consistency(Integer.parseInt(m.group(1)), size, ranges(m.group(2))));
			}
		}
		String checkpointSection = section(sections, "Checkpoints");
		Matcher vkey = Pattern.compile("`([^`\\s+]+\\+[0-9a-f]{8}\\+[A-Za-z0-9+/=]+)`").matcher(checkpointSection);
		if (!vkey.find()) {
			throw new IllegalStateException("No verifier key in the checkpoint section");
		}
		List<SignedCheckpoint> checkpoints = new ArrayList<>();
		String note = String.join("\n", codeBlock(checkpointSection)) + "\n";
		checkpoints.add(new SignedCheckpoint(Integer.parseInt(note.split("\n")[1]), note));
		Matcher other = Pattern
			.compile("size-(\\d+) checkpoint[^`]*has root `([^`]+)`[^`]*signature line\\s*`([^`]+)`", Pattern.DOTALL)
			.matcher(checkpointSection);
		while (other.find()) {
			String origin = note.split("\n")[0];
			checkpoints.add(new SignedCheckpoint(Integer.parseInt(other.group(1)),
					origin + "\n" + other.group(1) + "\n" + other.group(2) + "\n\n" + other.group(3) + "\n"));
		}
		return new PublishedVectors(leaves, subtrees, roots, inclusions, consistencies, vkey.group(1), checkpoints);
	}

	private static int size(String line) {
		Matcher m = Pattern.compile("^\\s*n=(\\d+)").matcher(line);
		if (!m.find()) {
			throw new IllegalStateException("Expected n=<size> at the start of: " + line);
		}
		return Integer.parseInt(m.group(1));
	}

	private static List<String> ranges(String list) {
		List<String> ranges = new ArrayList<>();
		for (String range : list.trim().split("\\s+")) {
			if (!range.isEmpty()) {
				ranges.add(range);
			}
		}
		return ranges;
	}

	/** Second-level sections by heading. */
	private static Map<String, String> sections(String text) {
		Map<String, String> sections = new LinkedHashMap<>();
		String[] parts = text.split("\n## ");
		for (int i = 1; i < parts.length; i++) {
			int end = parts[i].indexOf('\n');
			sections.put(parts[i].substring(0, end).trim(), parts[i].substring(end + 1));
		}
		return sections;
	}

	private static String section(Map<String, String> sections, String headingStart) {
		return sections.entrySet()
			.stream()
			.filter((e) -> e.getKey().startsWith(headingStart))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No section '" + headingStart + "' in " + FILE));
	}

	/** The lines of the first fenced code block of a section. */
	private static List<String> codeBlock(String section) {
		String[] lines = section.split("\n", -1);
		List<String> block = new ArrayList<>();
		boolean inside = false;
		for (String line : lines) {
			if (line.startsWith("```")) {
				if (inside) {
					return block;
				}
				inside = true;
			}
			else if (inside) {
				block.add(line);
			}
		}
		throw new IllegalStateException("No complete code block in section");
	}

}
