package org.truce.agreement.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Applies an amendment document (a version that names, under {@code amends}, the version
 * it amends and lists only its changes under {@code changes}) to the full node tree of
 * the version it amends, giving the full tree of the new version, which is then read as
 * any full document. Every change names its sources. The format is described in
 * {@code scenarios/AGREEMENTS.md}.
 */
final class Amendments {

	/** The keys of an amendment document. */
	static final Set<String> TOP = Set.of("id", "version", "amends", "inForceFrom", "title", "source", "changes");

	/** What an amendment may change. */
	static final Set<String> CHANGES = Set.of("effective", "clock", "parties", "excluded", "bindsAssociated",
			"declarations", "zones", "terms");

	private static final String SOURCES = "sources";

	private Amendments() {
	}

	/**
	 * The full tree of the amended version, {@code base} (itself full), with the
	 * amendment's changes applied and its own version, in-force time, and title and
	 * source where it gives them; the faults go to {@code y}, each naming its key path.
	 * @param m the amendment's entries
	 * @param baseVersion the amended version, to name it in faults
	 */
	static Node apply(YamlNodes y, Map<String, Node> m, Node root, Node base, int baseVersion) {
		Map<String, Node> full = new LinkedHashMap<>(y.mapping(base, "version " + baseVersion, null));
		for (String own : List.of("version", "inForceFrom", "title", "source")) {
			if (m.containsKey(own)) {
				full.put(own, m.get(own));
			}
		}
		if (!m.containsKey("inForceFrom")) {
			y.error(root, "missing required key 'inForceFrom': from when the amendment governs incidents");
		}
		Node changesNode = m.get("changes");
		if (changesNode == null) {
			y.error(root, "missing required key 'changes': what the amendment changes in version " + baseVersion);
			return null;
		}
		Map<String, Node> changes = y.mapping(changesNode, "changes", CHANGES);
		if (changes.isEmpty() && changesNode instanceof MappingNode) {
			y.error(changesNode, "changes: an amendment changes at least one thing");
		}
		changes.forEach((what, change) -> {
			String path = "changes." + what;
			switch (what) {
				case "effective", "clock" -> {
					Node replaced = withoutSources(y, change, path);
					if (replaced != null) {
						full.put(what, replaced);
					}
				}
				case "parties", "excluded", "bindsAssociated" ->
					full.put(what, names(y, change, path, full.get(what), what, baseVersion));
				case "declarations" -> full.put(what, declarations(y, change, path, full.get(what)));
				default -> full.put(what, byId(y, change, path, full.get(what), what, baseVersion));
			}
		});
		List<NodeTuple> tuples = new ArrayList<>();
		full.forEach((key, value) -> tuples.add(new NodeTuple(scalar(key, null), value)));
		return new MappingNode(Tag.MAP, true, tuples, FlowStyle.BLOCK, root.getStartMark(), root.getEndMark());
	}

	/**
	 * {@code {add: [...], remove: [...], sources: [...]}} over a list of actor ids.
	 */
	private static Node names(YamlNodes y, Node change, String path, Node current, String what, int baseVersion) {
		Map<String, Node> cm = y.mapping(change, path, Set.of("add", "remove", SOURCES));
		sources(y, cm, change, path);
		List<Node> out = new ArrayList<>(y.sequence(current, what));
		for (Node removed : y.sequence(cm.get("remove"), path + ".remove")) {
			String name = y.text(removed, path + ".remove item");
			if (name != null && !out.removeIf(n -> name.equals(text(n)))) {
				y.error(removed, path + ".remove: '" + name + "' is not in '" + what + "' of version " + baseVersion);
			}
		}
		for (Node added : y.sequence(cm.get("add"), path + ".add")) {
			String name = y.text(added, path + ".add item");
			if (name != null && out.stream().anyMatch(n -> name.equals(text(n)))) {
				y.error(added, path + ".add: '" + name + "' is already in '" + what + "' of version " + baseVersion);
			}
			else if (name != null) {
				out.add(added);
			}
		}
		return sequence(out, change);
	}

	/** {@code {add: [...], sources: [...]}}: declarations made since. */
	private static Node declarations(YamlNodes y, Node change, String path, Node current) {
		Map<String, Node> cm = y.mapping(change, path, Set.of("add", SOURCES));
		sources(y, cm, change, path);
		List<Node> out = new ArrayList<>(y.sequence(current, "declarations"));
		out.addAll(y.sequence(cm.get("add"), path + ".add"));
		return sequence(out, change);
	}

	/**
	 * {@code {add: [...], replace: [...], remove: [{id, sources}]}} over a list of
	 * mappings with ids (zones, terms): each added or replacing item has its
	 * {@code sources}, as each removal does.
	 */
	private static Node byId(YamlNodes y, Node change, String path, Node current, String what, int baseVersion) {
		Map<String, Node> cm = y.mapping(change, path, Set.of("add", "replace", "remove"));
		String one = what.equals("terms") ? "term" : "zone";
		List<Node> out = new ArrayList<>(y.sequence(current, what));
		List<Node> removals = y.sequence(cm.get("remove"), path + ".remove");
		for (int i = 0; i < removals.size(); i++) {
			String at = path + ".remove[" + i + "]";
			Node removal = removals.get(i);
			Map<String, Node> rm = y.mapping(removal, at, Set.of("id", SOURCES));
			sources(y, rm, removal, at);
			String id = y.text(rm, removal, "id", true);
			int index = indexOf(out, id);
			if (id != null && index < 0) {
				y.error(rm.get("id"), at + ": no " + one + " '" + id + "' in version " + baseVersion + " to remove");
			}
			else if (id != null) {
				out.remove(index);
			}
		}
		List<Node> replacements = y.sequence(cm.get("replace"), path + ".replace");
		for (int i = 0; i < replacements.size(); i++) {
			String at = path + ".replace[" + i + "]";
			Node replacement = withoutSources(y, replacements.get(i), at);
			String id = idOf(replacements.get(i));
			int index = indexOf(out, id);
			if (id == null) {
				y.error(replacements.get(i), at + ": a replacing " + one + " needs the 'id' of the one it replaces");
			}
			else if (index < 0) {
				y.error(replacements.get(i),
						at + ": no " + one + " '" + id + "' in version " + baseVersion + " to replace");
			}
			else if (replacement != null) {
				out.set(index, replacement);
			}
		}
		List<Node> additions = y.sequence(cm.get("add"), path + ".add");
		for (int i = 0; i < additions.size(); i++) {
			String at = path + ".add[" + i + "]";
			Node addition = withoutSources(y, additions.get(i), at);
			String id = idOf(additions.get(i));
			if (id != null && indexOf(out, id) >= 0) {
				y.error(additions.get(i), at + ": " + one + " '" + id + "' is already in version " + baseVersion
						+ "; replace it instead");
			}
			else if (addition != null) {
				out.add(addition);
			}
		}
		return sequence(out, change);
	}

	/**
	 * The mapping without its {@code sources}, which it must have; null when it is not a
	 * mapping.
	 */
	private static Node withoutSources(YamlNodes y, Node node, String path) {
		if (!(node instanceof MappingNode mapping)) {
			y.error(node, path + " must be a mapping");
			return null;
		}
		Map<String, Node> entries = y.mapping(node, path, null);
		sources(y, entries, node, path);
		List<NodeTuple> kept = mapping.getValue().stream().filter(t -> !SOURCES.equals(text(t.getKeyNode()))).toList();
		return new MappingNode(mapping.getTag(), true, kept, mapping.getFlowStyle(), mapping.getStartMark(),
				mapping.getEndMark());
	}

	/** Every change names its sources: a non-empty list of texts. */
	private static void sources(YamlNodes y, Map<String, Node> entries, Node parent, String path) {
		if (y.texts(entries.get(SOURCES), path + "." + SOURCES).isEmpty()) {
			y.error(parent, path + ": needs 'sources', where the change is documented");
		}
	}

	private static int indexOf(List<Node> items, String id) {
		for (int i = 0; id != null && i < items.size(); i++) {
			if (id.equals(idOf(items.get(i)))) {
				return i;
			}
		}
		return -1;
	}

	private static String idOf(Node item) {
		if (item instanceof MappingNode mapping) {
			for (NodeTuple t : mapping.getValue()) {
				if ("id".equals(text(t.getKeyNode()))) {
					return text(t.getValueNode());
				}
			}
		}
		return null;
	}

	private static String text(Node node) {
		return node instanceof ScalarNode scalar ? scalar.getValue() : null;
	}

	private static ScalarNode scalar(String value, Node at) {
		return new ScalarNode(Tag.STR, true, value, ScalarStyle.PLAIN,
				at == null ? Optional.empty() : at.getStartMark(), at == null ? Optional.empty() : at.getEndMark());
	}

	private static SequenceNode sequence(List<Node> items, Node at) {
		return new SequenceNode(Tag.SEQ, true, items, FlowStyle.BLOCK, at.getStartMark(), at.getEndMark());
	}

}
