package org.truce.agreement.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.truce.agreement.model.DocumentError;

/**
 * Reads a composed YAML node tree and records every fault with the line and column of the
 * node at fault. Each reader method returns null (or an empty value) on a fault, so that
 * one pass can report all of them.
 */
final class YamlNodes {

	private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");

	private final String file;

	private final List<DocumentError> errors = new ArrayList<>();

	YamlNodes(String file) {
		this.file = file;
	}

	String file() {
		return this.file;
	}

	List<DocumentError> errors() {
		return this.errors;
	}

	void error(Node node, String message) {
		int line = node == null ? 1 : node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
		int column = node == null ? 1 : node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
		this.errors.add(new DocumentError(this.file, line, column, message));
	}

	/** A fault with a stable code, at a path such as {@code terms[2].text.ru}. */
	void error(Node node, org.truce.shared.ErrorCode code, String pointer, String message) {
		int line = node == null ? 1 : node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
		int column = node == null ? 1 : node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
		this.errors.add(new DocumentError(this.file, line, column, message, code, pointer));
	}

	void error(int line, int column, String message) {
		this.errors.add(new DocumentError(this.file, line, column, message));
	}

	/**
	 * The entries of a mapping, refusing keys not in {@code allowed} and duplicate keys.
	 */
	Map<String, Node> mapping(Node node, String what, Set<String> allowed) {
		if (!(node instanceof MappingNode mapping)) {
			error(node, what + " must be a mapping");
			return Map.of();
		}
		Map<String, Node> out = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				error(tuple.getKeyNode(), "keys of " + what + " must be plain text");
				continue;
			}
			if (allowed != null && !allowed.contains(key.getValue())) {
				error(key, "unknown key '" + key.getValue() + "' in " + what + "; expected one of " + allowed);
				continue;
			}
			if (out.put(key.getValue(), tuple.getValueNode()) != null) {
				error(key, "duplicate key '" + key.getValue() + "' in " + what);
			}
		}
		return out;
	}

	List<Node> sequence(Node node, String what) {
		if (node == null) {
			return List.of();
		}
		if (!(node instanceof SequenceNode sequence)) {
			error(node, what + " must be a list");
			return List.of();
		}
		return sequence.getValue();
	}

	String text(Map<String, Node> map, Node parent, String key, boolean required) {
		Node node = map.get(key);
		if (node == null) {
			if (required) {
				error(parent, "missing required key '" + key + "'");
			}
			return null;
		}
		return text(node, key);
	}

	/** A scalar's text; null for YAML's null ({@code null}, {@code ~} or nothing). */
	String text(Node node, String what) {
		if (!(node instanceof ScalarNode scalar)) {
			error(node, what + " must be a single value");
			return null;
		}
		if (scalar.isPlain() && NULLS.contains(scalar.getValue())) {
			return null;
		}
		return scalar.getValue();
	}

	List<String> texts(Node node, String what) {
		List<String> out = new ArrayList<>();
		for (Node item : sequence(node, what)) {
			String value = text(item, what + " item");
			if (value != null) {
				out.add(value);
			}
		}
		return out;
	}

	/**
	 * An instant written with its zone offset, such as {@code 2016-02-27T00:00:00+02:00}.
	 * A date or a time without its offset is refused, naming the key: an agreement's
	 * times are written as the parties wrote them, with the offset then in force
	 * (Damascus kept UTC+2 in winter and UTC+3 in summer in 2016), never guessed.
	 */
	Instant instant(Map<String, Node> map, Node parent, String key, boolean required) {
		String value = text(map, parent, key, required);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			error(map.get(key), key + ": '" + value + "' " + withoutOffset(value)
					+ "; write the time with its zone offset, such as 2016-02-27T00:00:00+02:00");
			return null;
		}
	}

	private static String withoutOffset(String value) {
		try {
			LocalDateTime.parse(value);
			return "is a time without its zone offset";
		}
		catch (DateTimeParseException notLocal) {
			try {
				LocalDate.parse(value);
				return "is a date without a time and zone offset";
			}
			catch (DateTimeParseException notADate) {
				return "is not a time with its zone offset";
			}
		}
	}

	Duration duration(Map<String, Node> map, Node parent, String key) {
		String value = text(map, parent, key, false);
		if (value == null) {
			return null;
		}
		try {
			return Duration.parse(value);
		}
		catch (DateTimeParseException ex) {
			error(map.get(key), "'" + value + "' is not an ISO 8601 duration, such as PT48H");
			return null;
		}
	}

	Integer integer(Map<String, Node> map, Node parent, String key, boolean required) {
		String value = text(map, parent, key, required);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			error(map.get(key), "'" + value + "' is not a whole number");
			return null;
		}
	}

	Double number(Map<String, Node> map, Node parent, String key, boolean required) {
		String value = text(map, parent, key, required);
		if (value == null) {
			return null;
		}
		try {
			return Double.valueOf(value);
		}
		catch (NumberFormatException ex) {
			error(map.get(key), "'" + value + "' is not a number");
			return null;
		}
	}

	/**
	 * A scalar-only tree as plain Java values (maps, lists, strings), for embedded
	 * GeoJSON.
	 */
	Object plain(Node node) {
		if (node instanceof ScalarNode scalar) {
			String v = scalar.getValue();
			try {
				return Double.valueOf(v);
			}
			catch (NumberFormatException ex) {
				return v;
			}
		}
		if (node instanceof SequenceNode sequence) {
			List<Object> out = new ArrayList<>();
			sequence.getValue().forEach(n -> out.add(plain(n)));
			return out;
		}
		if (node instanceof MappingNode mapping) {
			Map<String, Object> out = new LinkedHashMap<>();
			for (NodeTuple t : mapping.getValue()) {
				out.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
			}
			return out;
		}
		return null;
	}

}
