package org.truce.agreement.application;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryTransformer;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import tools.jackson.databind.json.JsonMapper;

import org.truce.agreement.model.ActorSelector;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ClockSpec;
import org.truce.agreement.model.DailyHours;
import org.truce.agreement.model.Declaration;
import org.truce.agreement.model.Dispute;
import org.truce.agreement.model.DocumentError;
import org.truce.agreement.model.Period;
import org.truce.agreement.model.Protected;
import org.truce.agreement.model.RouteDistances;
import org.truce.agreement.model.Term;
import org.truce.agreement.model.TermTexts;
import org.truce.agreement.model.TermException;
import org.truce.agreement.model.Zone;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.EventType;
import org.truce.shared.ErrorCode;
import org.truce.shared.LanguageTags;

/**
 * Reads agreement documents (YAML) into {@link Agreement} values, reporting every fault
 * with its file, line and column. The format is described in
 * {@code scenarios/README-agreements.md}.
 */
public final class AgreementDocuments {

	private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	/** Metres per degree of latitude, mean over the ellipsoid; for buffering routes. */
	private static final double METRES_PER_DEGREE = 111_132.0;

	private static final Set<String> TOP = Set.of("id", "version", "inForceFrom", "title", "source", "effective",
			"area", "parties", "bindsAssociated", "excluded", "sides", "declarations", "zones", "terms", "clock",
			"disputes", "languages", "authentic");

	/**
	 * How deeply flow collections may nest; no agreement needs more than a few levels.
	 */
	static final int MAX_NESTING = 64;

	private final BoundaryLookup boundaries;

	private final JsonMapper json = JsonMapper.builder().build();

	public AgreementDocuments(BoundaryLookup boundaries) {
		this.boundaries = boundaries;
	}

	/** The agreement, or the faults that kept it from being read. */
	public record Parsed(Agreement agreement, List<DocumentError> errors) {

		public boolean ok() {
			return this.errors.isEmpty();
		}

	}

	/**
	 * The text of each earlier version of an agreement that an amendment may amend, as
	 * stored or as given alongside it.
	 */
	@FunctionalInterface
	public interface EarlierVersions {

		/** No earlier version is known: an amendment cannot be resolved. */
		EarlierVersions NONE = (id, version) -> Optional.empty();

		Optional<String> text(String agreementId, int version);

		/**
		 * The versions among these documents' texts, as each states its id and version.
		 */
		static EarlierVersions among(java.util.Collection<String> texts) {
			Map<String, String> byVersion = new java.util.HashMap<>();
			texts.forEach(text -> header(text).ifPresent(h -> byVersion.putIfAbsent(h.id() + " " + h.version(), text)));
			return (id, version) -> Optional.ofNullable(byVersion.get(id + " " + version));
		}

	}

	/** A document read on its own: an amendment's amended version is not known. */
	public Parsed parse(String file, Reader reader) {
		return parse(file, reader, EarlierVersions.NONE);
	}

	/**
	 * A document; an amendment is resolved into the full version, applying its changes to
	 * the version it amends, which {@code earlier} gives.
	 */
	public Parsed parse(String file, Reader reader, EarlierVersions earlier) {
		YamlNodes y = new YamlNodes(file);
		String text;
		try {
			text = readAll(reader);
		}
		catch (java.io.IOException ex) {
			y.error(1, 1, "cannot be read: " + ex.getMessage());
			return new Parsed(null, y.errors());
		}
		Node root = compose(y, text);
		if (root == null) {
			return new Parsed(null, y.errors());
		}
		Node full = resolve(y, root, earlier);
		if (full == null || !y.errors().isEmpty()) {
			return new Parsed(null, y.errors());
		}
		Agreement agreement = read(y, full);
		return y.errors().isEmpty() ? new Parsed(agreement, List.of()) : new Parsed(null, y.errors());
	}

	/**
	 * The id, version and amended version (null for a full document) a document states,
	 * to load versions in order; empty when it does not state them plainly.
	 */
	public static Optional<Header> header(String text) {
		YamlNodes y = new YamlNodes("");
		Node root = compose(y, text);
		if (!(root instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) {
			return Optional.empty();
		}
		Map<String, Node> m = y.mapping(root, "the agreement", null);
		String id = m.containsKey("id") ? y.text(m, root, "id", true) : null;
		Integer version = m.containsKey("version") ? y.integer(m, root, "version", true) : Integer.valueOf(1);
		Integer amends = m.containsKey("amends") ? y.integer(m, root, "amends", true) : null;
		return id == null || version == null || !y.errors().isEmpty() ? Optional.empty()
				: Optional.of(new Header(id, version, amends));
	}

	/**
	 * What a document says of itself.
	 *
	 * @param id the agreement's id
	 * @param version its version
	 * @param amends the version it amends, or null for a full document
	 */
	public record Header(String id, int version, Integer amends) {

	}

	/**
	 * The full tree of a document: itself, or for an amendment the version it amends
	 * (itself resolved) with its changes applied.
	 */
	private static Node resolve(YamlNodes y, Node root, EarlierVersions earlier) {
		if (!(root instanceof org.snakeyaml.engine.v2.nodes.MappingNode mapping) || mapping.getValue()
			.stream()
			.noneMatch(t -> t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode k
					&& k.getValue().equals("amends"))) {
			return root;
		}
		Map<String, Node> m = y.mapping(root, "the amendment", Amendments.TOP);
		String id = y.text(m, root, "id", true);
		Integer version = y.integer(m, root, "version", true);
		Integer amends = y.integer(m, root, "amends", true);
		if (id == null || version == null || amends == null) {
			return null;
		}
		if (amends < 1 || amends >= version) {
			y.error(m.get("amends"),
					"amends: an amendment amends an earlier version, from 1 to " + (version - 1) + ", not " + amends);
			return null;
		}
		Optional<String> baseText = earlier.text(id, amends);
		if (baseText.isEmpty()) {
			y.error(m.get("amends"), "amends: version " + amends + " of " + id
					+ " is not known; load it first, or check it together with this document");
			return null;
		}
		YamlNodes by = new YamlNodes(id + " version " + amends);
		Node baseRoot = compose(by, baseText.get());
		Node base = baseRoot == null ? null : resolve(by, baseRoot, earlier);
		if (base == null || !by.errors().isEmpty()) {
			y.error(m.get("amends"), "amends: version " + amends + " of " + id + " cannot be read: "
					+ (by.errors().isEmpty() ? "" : by.errors().get(0)));
			return null;
		}
		return Amendments.apply(y, m, root, base, amends);
	}

	/** The document's node tree, or null after a fault. */
	private static Node compose(YamlNodes y, String text) {
		Node root;
		int[] deep = flowNestedDeeperThan(text, MAX_NESTING);
		if (deep != null) {
			y.error(deep[0], deep[1], "not valid YAML: nested more than " + MAX_NESTING + " levels deep");
			return null;
		}
		try {
			root = new Compose(LoadSettings.builder().setLabel(y.file()).build()).composeString(text).orElse(null);
		}
		catch (StackOverflowError ex) {
			// The YAML parser recurses once per level of nesting and has no limit of its
			// own: block nesting ("- - - ...") that the flow check above does not count
			// ends here, and the whole stack of the parse has unwound.
			y.error(1, 1, "not valid YAML: nested too deeply to read");
			return null;
		}
		catch (MarkedYamlEngineException ex) {
			int line = ex.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
			int column = ex.getProblemMark().map(m -> m.getColumn() + 1).orElse(1);
			y.error(line, column, "not valid YAML: " + ex.getProblem());
			return null;
		}
		catch (YamlEngineException ex) {
			y.error(1, 1, "not valid YAML: " + ex.getMessage());
			return null;
		}
		if (root == null) {
			y.error(1, 1, "the document is empty");
		}
		return root;
	}

	/**
	 * Where flow collections ({@code [} and {@code {}, outside quotes and comments) are
	 * first nested deeper than {@code max}, as {@code {line, column}} from 1; or null.
	 */
	static int[] flowNestedDeeperThan(String text, int max) {
		int depth = 0;
		int line = 1;
		int column = 0;
		char quote = 0;
		boolean comment = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			column++;
			if (c == '\n') {
				line++;
				column = 0;
				comment = false;
				continue;
			}
			if (comment) {
				continue;
			}
			if (quote != 0) {
				if (c == '\\' && quote == '"') {
					i++;
					column++;
				}
				else if (c == quote) {
					quote = 0;
				}
				continue;
			}
			if (c == '"' || c == '\'') {
				quote = c;
			}
			else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
				comment = true;
			}
			else if (c == '[' || c == '{') {
				if (++depth > max) {
					return new int[] { line, column };
				}
			}
			else if ((c == ']' || c == '}') && depth > 0) {
				depth--;
			}
		}
		return null;
	}

	private static String readAll(Reader reader) throws java.io.IOException {
		StringBuilder out = new StringBuilder();
		char[] buffer = new char[8192];
		for (int n; (n = reader.read(buffer)) != -1;) {
			out.append(buffer, 0, n);
		}
		return out.toString();
	}

	private Agreement read(YamlNodes y, Node root) {
		Map<String, Node> m = y.mapping(root, "the agreement", TOP);
		String id = y.text(m, root, "id", true);
		Integer version = m.containsKey("version") ? y.integer(m, root, "version", true) : Integer.valueOf(1);
		if (version != null && version < 1) {
			y.error(m.get("version"), "version must be 1 or more");
		}
		Node effectiveNode = m.get("effective");
		List<Dispute> disputes = new ArrayList<>(disputes(y, m.get("disputes"), effectiveNode, null));
		Period effective = disputes.isEmpty() ? period(y, effectiveNode, root, "effective", true)
				: hull(disputes.get(0).views());
		if (effectiveNode == null && !disputes.isEmpty()) {
			y.error(root, "missing required key 'effective'");
		}
		DailyHours daily = dailyHours(y, effectiveNode, effective, "effective");
		Instant inForceFrom = y.instant(m, root, "inForceFrom", false);
		Set<String> parties = new LinkedHashSet<>(y.texts(m.get("parties"), "parties"));
		Set<String> excluded = new LinkedHashSet<>(y.texts(m.get("excluded"), "excluded"));
		for (String both : parties) {
			if (excluded.contains(both)) {
				y.error(m.get("excluded"), "'" + both + "' is listed both as a party and as excluded");
			}
		}
		Set<String> bindsAssociated = new LinkedHashSet<>(y.texts(m.get("bindsAssociated"), "bindsAssociated"));
		for (String party : bindsAssociated) {
			if (!parties.contains(party)) {
				y.error(m.get("bindsAssociated"), "'" + party + "' binds its associated forces but is not a party");
			}
		}
		Map<String, Set<String>> sides = new LinkedHashMap<>();
		if (m.containsKey("sides")) {
			Map<String, Node> sm = y.mapping(m.get("sides"), "sides", null);
			sm.forEach((side, list) -> sides.put(side, new LinkedHashSet<>(y.texts(list, "side " + side))));
		}
		List<Declaration> declarations = new ArrayList<>();
		for (Node d : y.sequence(m.get("declarations"), "declarations")) {
			Map<String, Node> dm = y.mapping(d, "a declaration", Set.of("actor", "accepted", "left", "note"));
			String actor = y.text(dm, d, "actor", true);
			Instant accepted = y.instant(dm, d, "accepted", false);
			Instant left = y.instant(dm, d, "left", false);
			String note = y.text(dm, d, "note", false);
			if (accepted == null && left == null && !dm.containsKey("accepted") && !dm.containsKey("left")) {
				y.error(d, "a declaration needs 'accepted' or 'left'");
			}
			if (actor != null && accepted != null) {
				declarations.add(new Declaration(actor, Declaration.Kind.ACCEPTED, accepted, note));
			}
			if (actor != null && left != null) {
				declarations.add(new Declaration(actor, Declaration.Kind.LEFT, left, note));
			}
		}
		List<Zone> zones = new ArrayList<>();
		for (Node z : y.sequence(m.get("zones"), "zones")) {
			Zone zone = zone(y, z);
			if (zone != null) {
				if (zones.stream().anyMatch(other -> other.id().equals(zone.id()))) {
					y.error(z, "zone id '" + zone.id() + "' is used twice");
				}
				zones.add(zone);
			}
		}
		String area = y.text(m, root, "area", false);
		if (area != null && zones.stream().noneMatch(z -> z.id().equals(area))) {
			y.error(m.get("area"), "area '" + area + "' is not one of the zones");
		}
		Languages languages = languages(y, m);
		List<Term> terms = new ArrayList<>();
		Node termsNode = m.get("terms");
		if (termsNode == null) {
			y.error(root, "missing required key 'terms'");
		}
		List<Node> termNodes = y.sequence(termsNode, "terms");
		for (int i = 0; i < termNodes.size(); i++) {
			Node t = termNodes.get(i);
			Term term = term(y, t, zones, parties, sides.keySet(), languages, "terms[" + i + "]");
			if (term != null) {
				if (terms.stream().anyMatch(other -> other.id().equals(term.id()))) {
					y.error(t, "term id '" + term.id() + "' is used twice");
				}
				terms.add(term);
			}
		}
		disputes.addAll(disputes(y, m.get("disputes"), effectiveNode, terms));
		checkViews(y, m.get("disputes"), disputes);
		ClockSpec clock = m.containsKey("clock") ? clock(y, m.get("clock")) : null;
		for (Term term : terms) {
			Period span = term.window() == null || effective == null ? effective : term.window().intersect(effective);
			if (term.daily() != null && span != null && span.end() == null) {
				y.error(termsNode, "term '" + term.id() + "' has daily hours, but neither its window nor the"
						+ " agreement's effective period has an end");
			}
		}
		if (!y.errors().isEmpty() || id == null || version == null || effective == null) {
			return null;
		}
		return new Agreement(id, version, inForceFrom == null ? effective.start() : inForceFrom,
				y.text(m, root, "title", false), y.text(m, root, "source", false), effective, area, parties, excluded,
				sides, declarations, zones, terms, clock, bindsAssociated, daily, disputes);
	}

	/**
	 * The disputed facts of one kind: the agreement's effective period ({@code terms}
	 * null; at most one such dispute), whose views each state the start or end they hold,
	 * the rest coming from {@code effective}; or a term's distances from a route (with
	 * the terms read), whose views each state the metres they hold by side and class.
	 * Disputes of the other kind are skipped.
	 */
	private List<Dispute> disputes(YamlNodes y, Node node, Node effectiveNode, List<Term> terms) {
		List<Node> items = y.sequence(node, "disputes");
		Map<String, Node> base = effectiveNode == null || terms != null ? Map.of()
				: y.mapping(effectiveNode, "effective", Set.of("from", "to", "daily"));
		List<Dispute> out = new ArrayList<>();
		boolean periodSeen = false;
		for (Node d : items) {
			boolean ofTerm = d instanceof org.snakeyaml.engine.v2.nodes.MappingNode mapping && mapping.getValue()
				.stream()
				.anyMatch(t -> t.getKeyNode() instanceof org.snakeyaml.engine.v2.nodes.ScalarNode k
						&& k.getValue().equals("term"));
			if (ofTerm != (terms != null)) {
				periodSeen |= !ofTerm;
				continue;
			}
			Map<String, Node> dm = y.mapping(d, "a dispute", Set.of("id", "fact", "term", "views"));
			String id = y.text(dm, d, "id", true);
			String fact = y.text(dm, d, "fact", true);
			Term term = null;
			if (ofTerm) {
				String termId = y.text(dm, d, "term", true);
				term = terms.stream().filter(t -> t.id().equals(termId)).findFirst().orElse(null);
				if (termId != null && term == null) {
					y.error(dm.get("term"), "term '" + termId + "' is not defined in this agreement");
				}
				else if (term != null && term.distances() == null) {
					y.error(dm.get("term"), "term '" + termId + "' has no distances to dispute");
					term = null;
				}
			}
			else if (periodSeen) {
				y.error(d, "only one dispute over the effective period: state each view's start and end in it");
				continue;
			}
			periodSeen |= !ofTerm;
			List<Dispute.View> views = new ArrayList<>();
			for (Node v : y.sequence(dm.get("views"), "views")) {
				Map<String, Node> vm = y.mapping(v, "a view",
						Set.of("id", "label", "heldBy", "sources", ofTerm ? "metres" : "effective", "note"));
				String viewId = y.text(vm, v, "id", true);
				String label = y.text(vm, v, "label", true);
				List<String> heldBy = y.texts(vm.get("heldBy"), "heldBy");
				List<String> sources = y.texts(vm.get("sources"), "sources");
				if (heldBy.isEmpty()) {
					y.error(v, "a view needs 'heldBy': who holds it");
				}
				if (sources.isEmpty()) {
					y.error(v, "a view needs 'sources': where it is documented");
				}
				if (viewId != null && viewId.contains("+")) {
					y.error(vm.get("id"), "a view id may not contain '+', which joins the ids of views held together");
				}
				if (ofTerm && !vm.containsKey("metres")) {
					y.error(v, "missing required key 'metres': the term's distances under this view");
				}
				Period effective = ofTerm ? null : viewPeriod(y, vm.get("effective"), v, base);
				RouteDistances distances = !ofTerm || term == null || !vm.containsKey("metres") ? null
						: metres(y, vm.get("metres"), term.distances());
				if (viewId != null && (effective != null || distances != null)) {
					views.add(new Dispute.View(viewId, label == null ? viewId : label, heldBy, sources, effective,
							distances));
				}
			}
			if (y.sequence(dm.get("views"), "views").size() < 2) {
				y.error(d, "a dispute needs two or more views");
			}
			if (id != null && views.size() >= 2) {
				out.add(new Dispute(id, fact, term == null ? null : term.id(), views));
			}
		}
		return out;
	}

	/**
	 * Every dispute's views have ids unique in the agreement, and their combinations are
	 * at most {@link Agreement#MAX_COMBINATIONS}.
	 */
	private static void checkViews(YamlNodes y, Node node, List<Dispute> disputes) {
		Set<String> viewIds = new LinkedHashSet<>();
		for (Dispute d : disputes) {
			for (Dispute.View v : d.views()) {
				if (!viewIds.add(v.id())) {
					y.error(node, "view id '" + v.id() + "' is used twice");
				}
			}
		}
		long combinations = disputes.stream().mapToLong(d -> d.views().size()).reduce(1, (a, b) -> a * b);
		if (combinations > Agreement.MAX_COMBINATIONS) {
			y.error(node,
					"the views of the disputed facts combine in " + combinations + " ways, more than "
							+ Agreement.MAX_COMBINATIONS + ": each combination is judged in full, so they are bounded;"
							+ " keep the views that sources hold");
		}
	}

	/**
	 * A view's effective period: its own 'from' and 'to' where it gives them, else the
	 * agreement's.
	 */
	private Period viewPeriod(YamlNodes y, Node node, Node parent, Map<String, Node> base) {
		if (node == null) {
			y.error(parent, "missing required key 'effective': the effective period under this view");
			return null;
		}
		Map<String, Node> vm = y.mapping(node, "a view's effective period", Set.of("from", "to"));
		Instant from = vm.containsKey("from") ? y.instant(vm, node, "from", true) : y.instant(base, node, "from", true);
		Instant to = vm.containsKey("to") ? y.instant(vm, node, "to", false) : y.instant(base, node, "to", false);
		if (from == null) {
			return null;
		}
		if (to != null && to.isBefore(from)) {
			y.error(node, "the view's effective period ends before it starts");
			return null;
		}
		return new Period(from, to);
	}

	/** The smallest period that holds every view's effective period. */
	private static Period hull(List<Dispute.View> views) {
		if (views.isEmpty()) {
			return null;
		}
		Instant from = views.stream().map(v -> v.effective().start()).min(Instant::compareTo).orElseThrow();
		Instant to = views.stream().anyMatch(v -> v.effective().end() == null) ? null
				: views.stream().map(v -> v.effective().end()).max(Instant::compareTo).orElseThrow();
		return new Period(from, to);
	}

	/**
	 * The daily hours of a period ({@code daily: {from: "08:00", to: "19:00", zone:
	 * Asia/Damascus}}), or null; they need a period with an end.
	 */
	private static DailyHours dailyHours(YamlNodes y, Node periodNode, Period period, String what) {
		if (!(periodNode instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) {
			return null;
		}
		Node node = y.mapping(periodNode, what, null).get("daily");
		if (node == null) {
			return null;
		}
		Map<String, Node> dm = y.mapping(node, "daily", Set.of("from", "to", "zone"));
		LocalTime from = localTime(y, dm, node, "from");
		LocalTime to = localTime(y, dm, node, "to");
		String zoneText = y.text(dm, node, "zone", true);
		ZoneId zone = null;
		if (zoneText != null) {
			try {
				zone = ZoneId.of(zoneText);
			}
			catch (DateTimeException ex) {
				y.error(dm.get("zone"), "'" + zoneText + "' is not a time zone, such as Asia/Damascus");
			}
		}
		if (from != null && to != null && !to.isAfter(from)) {
			y.error(node, "daily hours must end after they start, on the same day");
			return null;
		}
		if (period != null && period.end() == null) {
			y.error(node, "daily hours need a period with an end ('to')");
			return null;
		}
		return from == null || to == null || zone == null ? null : new DailyHours(from, to, zone);
	}

	private static LocalTime localTime(YamlNodes y, Map<String, Node> map, Node parent, String key) {
		String value = y.text(map, parent, key, true);
		if (value == null) {
			return null;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			y.error(map.get(key), "'" + value + "' is not a local time of day, such as 08:00");
			return null;
		}
	}

	private Period period(YamlNodes y, Node node, Node parent, String what, boolean required) {
		if (node == null) {
			if (required) {
				y.error(parent, "missing required key '" + what + "'");
			}
			return null;
		}
		Map<String, Node> pm = y.mapping(node, what, Set.of("from", "to", "daily"));
		Instant from = y.instant(pm, node, "from", true);
		Instant to = y.instant(pm, node, "to", false);
		if (from == null) {
			return null;
		}
		if (to != null && to.isBefore(from)) {
			y.error(pm.get("to"), what + " ends before it starts");
			return null;
		}
		return new Period(from, to);
	}

	private Zone zone(YamlNodes y, Node node) {
		Map<String, Node> zm = y.mapping(node, "a zone",
				Set.of("id", "name", "polygon", "boundary", "route", "widthMetres", "bufferMetres", "note"));
		String id = y.text(zm, node, "id", true);
		String name = y.text(zm, node, "name", false);
		int kinds = (zm.containsKey("polygon") ? 1 : 0) + (zm.containsKey("boundary") ? 1 : 0)
				+ (zm.containsKey("route") ? 1 : 0);
		if (kinds != 1) {
			y.error(node, "a zone needs exactly one of 'polygon', 'boundary' or 'route'");
			return null;
		}
		Geometry geometry = null;
		String definition = null;
		LineString route = null;
		if (zm.containsKey("polygon")) {
			geometry = geoJson(y, zm.get("polygon"));
			definition = "GeoJSON polygon";
		}
		else if (zm.containsKey("boundary")) {
			Node b = zm.get("boundary");
			Map<String, Node> bm = y.mapping(b, "a boundary reference", Set.of("layer", "pcode", "name"));
			String layer = y.text(bm, b, "layer", true);
			String reference = bm.containsKey("pcode") ? y.text(bm, b, "pcode", true) : y.text(bm, b, "name", false);
			if (reference == null) {
				y.error(b, "a boundary reference needs 'pcode' or 'name'");
			}
			else if (layer != null) {
				Optional<Geometry> found = this.boundaries.find(layer, reference);
				if (found.isEmpty()) {
					y.error(b, "no feature of layer '" + layer + "' has the p-code or name '" + reference + "'");
				}
				geometry = found.orElse(null);
				definition = "boundary " + layer + " " + reference;
			}
		}
		else {
			Double width = y.number(zm, node, "widthMetres", true);
			Coordinate[] line = coordinates(y, zm.get("route"));
			if (width != null && width <= 0) {
				y.error(zm.get("widthMetres"), "widthMetres must be positive");
			}
			else if (width != null && line != null) {
				route = GEOMETRY.createLineString(line);
				geometry = buffer(line, width / 2);
				definition = "route buffered to " + Math.round(width) + " m";
			}
		}
		if (zm.containsKey("bufferMetres")) {
			Double around = y.number(zm, node, "bufferMetres", true);
			if (zm.containsKey("route")) {
				y.error(zm.get("bufferMetres"), "a route has 'widthMetres', not 'bufferMetres'");
			}
			else if (around != null && around <= 0) {
				y.error(zm.get("bufferMetres"), "bufferMetres must be positive");
			}
			else if (around != null && geometry != null) {
				geometry = buffer(geometry.buffer(0), around);
				definition = definition + ", and all within " + Math.round(around) + " m of it";
			}
		}
		if (geometry != null && !(geometry instanceof Polygonal)) {
			y.error(node, "a zone must be a Polygon or MultiPolygon");
			return null;
		}
		if (geometry != null && !geometry.isValid()) {
			geometry = geometry.buffer(0);
		}
		return id == null || geometry == null ? null
				: new Zone(id, name == null ? id : name, geometry, definition, route);
	}

	private Geometry geoJson(YamlNodes y, Node node) {
		try {
			return new GeoJsonReader(GEOMETRY).read(this.json.writeValueAsString(y.plain(node)));
		}
		catch (ParseException | RuntimeException ex) {
			y.error(node, "not a GeoJSON geometry: " + ex.getMessage());
			return null;
		}
	}

	private Coordinate[] coordinates(YamlNodes y, Node node) {
		List<Coordinate> out = new ArrayList<>();
		for (Node point : y.sequence(node, "route")) {
			List<String> lonLat = y.texts(point, "a route point");
			try {
				if (lonLat.size() != 2) {
					throw new NumberFormatException();
				}
				double lon = Double.parseDouble(lonLat.get(0));
				double lat = Double.parseDouble(lonLat.get(1));
				if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
					throw new NumberFormatException();
				}
				out.add(new Coordinate(lon, lat));
			}
			catch (NumberFormatException ex) {
				y.error(point, "a route point is [longitude, latitude] in degrees");
			}
		}
		if (out.size() < 2) {
			y.error(node, "a route needs at least two points");
			return null;
		}
		return out.toArray(Coordinate[]::new);
	}

	/**
	 * Buffers a lon/lat line by {@code halfWidthMetres} in a local equirectangular
	 * projection centred on the line (longitudes scaled by the cosine of its mean
	 * latitude), accurate to well under 1 % over the length of a road.
	 */
	static Geometry buffer(Coordinate[] line, double halfWidthMetres) {
		return buffer(GEOMETRY.createLineString(line), halfWidthMetres);
	}

	/**
	 * Buffers a lon/lat geometry by {@code metres} in the same local projection, centred
	 * on the geometry's mean latitude.
	 */
	static Geometry buffer(Geometry geometry, double metres) {
		double meanLat = Arrays.stream(geometry.getCoordinates()).mapToDouble(c -> c.y).average().orElse(0);
		double scale = Math.cos(Math.toRadians(meanLat));
		Geometry projected = new GeometryTransformer() {
			@Override
			protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
					org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
				Coordinate[] out = new Coordinate[coords.size()];
				for (int i = 0; i < out.length; i++) {
					out[i] = new Coordinate(coords.getX(i) * scale, coords.getY(i));
				}
				return this.factory.getCoordinateSequenceFactory().create(out);
			}
		}.transform(geometry);
		Geometry buffered = projected.buffer(metres / METRES_PER_DEGREE, 8);
		return new GeometryTransformer() {
			@Override
			protected org.locationtech.jts.geom.CoordinateSequence transformCoordinates(
					org.locationtech.jts.geom.CoordinateSequence coords, Geometry parent) {
				Coordinate[] out = new Coordinate[coords.size()];
				for (int i = 0; i < out.length; i++) {
					out[i] = new Coordinate(coords.getX(i) / scale, coords.getY(i));
				}
				return this.factory.getCoordinateSequenceFactory().create(out);
			}
		}.transform(buffered);
	}

	/**
	 * The languages a document's terms are written in, by canonical BCP 47 tag, in the
	 * document's order, and the authentic ones among them.
	 */
	private record Languages(List<String> all, Set<String> authentic) {

	}

	/**
	 * {@code languages: [en, ru, ar]} and {@code authentic: [en, ru]}; without them, one
	 * language, English, authentic. Authentic languages must be among the languages.
	 */
	private static Languages languages(YamlNodes y, Map<String, Node> m) {
		if (!m.containsKey("languages") && !m.containsKey("authentic")) {
			return new Languages(List.of(TermTexts.DEFAULT_LANGUAGE), Set.of(TermTexts.DEFAULT_LANGUAGE));
		}
		List<String> all = tags(y, m.get("languages"), "languages");
		Set<String> authentic = new LinkedHashSet<>(tags(y, m.get("authentic"), "authentic"));
		if (!m.containsKey("languages")) {
			y.error(m.get("authentic"), "authentic languages need the list of 'languages' they are among");
		}
		if (m.containsKey("languages") && authentic.isEmpty()) {
			y.error(m.get("languages"),
					"name at least one authentic language: authentic: [" + String.join(", ", all) + "]");
		}
		for (String tag : authentic) {
			if (!all.contains(tag)) {
				y.error(m.get("authentic"), "authentic language '" + tag + "' is not listed in languages");
			}
		}
		return new Languages(all, authentic);
	}

	private static List<String> tags(YamlNodes y, Node node, String what) {
		List<String> out = new ArrayList<>();
		List<Node> items = y.sequence(node, what);
		for (int i = 0; i < items.size(); i++) {
			String tag = y.text(items.get(i), what + " item");
			if (tag == null) {
				continue;
			}
			Optional<String> canonical = LanguageTags.canonical(tag);
			if (canonical.isEmpty()) {
				y.error(items.get(i), ErrorCode.INVALID_LANGUAGE_TAG, what + "[" + i + "]",
						"'" + tag + "' is not a BCP 47 language tag, such as en, ru or ar");
			}
			else if (out.contains(canonical.get())) {
				y.error(items.get(i), "language '" + canonical.get() + "' is listed twice in " + what);
			}
			else {
				out.add(canonical.get());
			}
		}
		return out;
	}

	/**
	 * A term's {@code text}: one string (English), or a mapping from language tag to
	 * text, which must have a text in every authentic language and no language the
	 * document does not list.
	 */
	private static TermTexts texts(YamlNodes y, Node node, Node termNode, String termId, Languages languages,
			String pointer) {
		Map<String, String> byLanguage = new LinkedHashMap<>();
		if (node == null) {
			y.error(termNode, "missing required key 'text'");
			return null;
		}
		if (node instanceof org.snakeyaml.engine.v2.nodes.MappingNode) {
			Map<String, String> given = new LinkedHashMap<>();
			y.mapping(node, "a term's texts", null).forEach((tag, textNode) -> {
				String text = y.text(textNode, "the text in " + tag);
				Optional<String> canonical = LanguageTags.canonical(tag);
				if (canonical.isEmpty()) {
					y.error(textNode, ErrorCode.INVALID_LANGUAGE_TAG, pointer + ".text." + tag,
							"'" + tag + "' is not a BCP 47 language tag, such as en, ru or ar");
				}
				else if (!languages.all().contains(canonical.get())) {
					y.error(textNode,
							"language '" + canonical.get() + "' is not listed in languages " + languages.all());
				}
				else if (text != null) {
					given.put(canonical.get(), text.strip());
				}
			});
			languages.all().stream().filter(given::containsKey).forEach(l -> byLanguage.put(l, given.get(l)));
		}
		else {
			String text = y.text(node, "text");
			if (text != null) {
				byLanguage.put(TermTexts.DEFAULT_LANGUAGE, text);
			}
		}
		boolean complete = true;
		for (String tag : languages.authentic()) {
			if (!byLanguage.containsKey(tag)) {
				complete = false;
				y.error(node, ErrorCode.TEXT_MISSING_IN_AUTHENTIC_LANGUAGE, pointer + ".text." + tag,
						"term '" + termId + "' has no text in '" + tag + "', an authentic language of this document"
								+ " (authentic: " + languages.authentic() + ")");
			}
		}
		return complete ? new TermTexts(byLanguage, languages.authentic()) : null;
	}

	private Term term(YamlNodes y, Node node, List<Zone> zones, Set<String> parties, Set<String> sides,
			Languages languages, String pointer) {
		Map<String, Node> tm = y.mapping(node, "a term",
				Set.of("id", "text", "prohibits", "by", "against", "zones", "window", "exceptions", "distances"));
		String id = y.text(tm, node, "id", true);
		TermTexts texts = texts(y, tm.get("text"), node, id, languages, pointer);
		String text = texts == null ? null
				: texts.byLanguage().getOrDefault(TermTexts.DEFAULT_LANGUAGE, texts.shown(null).text());
		Set<EventType> prohibits = eventTypes(y, tm.get("prohibits"), "prohibits");
		if (!tm.containsKey("prohibits")) {
			y.error(node, "missing required key 'prohibits'");
		}
		ActorSelector by = selector(y, tm.get("by"), node, sides);
		Protected against = null;
		String againstText = y.text(tm, node, "against", true);
		if (againstText != null) {
			try {
				against = Protected.valueOf(againstText.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				y.error(tm.get("against"),
						"against must be anyone, parties, civilians or humanitarian, not '" + againstText + "'");
			}
		}
		List<String> zoneIds = y.texts(tm.get("zones"), "zones");
		for (String zoneId : zoneIds) {
			if (zones.stream().noneMatch(z -> z.id().equals(zoneId))) {
				y.error(tm.get("zones"), "zone '" + zoneId + "' is not defined in this agreement");
			}
		}
		RouteDistances distances = tm.containsKey("distances") ? distances(y, tm.get("distances"), zones) : null;
		if (tm.containsKey("distances") && !zoneIds.isEmpty()) {
			y.error(tm.get("zones"), "a term has 'zones' or 'distances', not both");
		}
		Period window = period(y, tm.get("window"), node, "window", false);
		DailyHours daily = dailyHours(y, tm.get("window"), window != null && window.end() == null ? null : window,
				"window");
		List<TermException> exceptions = new ArrayList<>();
		for (Node e : y.sequence(tm.get("exceptions"), "exceptions")) {
			Map<String, Node> em = y.mapping(e, "an exception", Set.of("id", "text", "eventTypes", "by", "against"));
			String eid = y.text(em, e, "id", true);
			exceptions.add(new TermException(eid, y.text(em, e, "text", true),
					em.containsKey("eventTypes") ? eventTypes(y, em.get("eventTypes"), "eventTypes") : Set.of(),
					new LinkedHashSet<>(y.texts(em.get("by"), "by")),
					new LinkedHashSet<>(y.texts(em.get("against"), "against"))));
		}
		if (id == null || by == null || against == null || (tm.containsKey("distances") && distances == null)) {
			return null;
		}
		return new Term(id, text, prohibits, by, against, distances == null ? zoneIds : List.of(), window, exceptions,
				distances, daily, texts);
	}

	/**
	 * {@code {from: ZONE, left: NAME, right: NAME, metres: {NAME: {CLASS: METRES,
	 * ...}}}}: distances from a zone drawn as a route, by side and equipment class.
	 */
	private static RouteDistances distances(YamlNodes y, Node node, List<Zone> zones) {
		Map<String, Node> dm = y.mapping(node, "distances", Set.of("from", "left", "right", "metres"));
		String from = y.text(dm, node, "from", true);
		String left = y.text(dm, node, "left", true);
		String right = y.text(dm, node, "right", true);
		if (from != null) {
			Optional<Zone> zone = zones.stream().filter(z -> z.id().equals(from)).findFirst();
			if (zone.isEmpty()) {
				y.error(dm.get("from"), "zone '" + from + "' is not defined in this agreement");
			}
			else if (zone.get().route() == null) {
				y.error(dm.get("from"), "zone '" + from + "' is not drawn as a route; distances need a route");
			}
		}
		if (left != null && left.equals(right)) {
			y.error(dm.get("right"), "the two sides need different names");
		}
		Map<EquipmentClass, Double> leftMetres = new EnumMap<>(EquipmentClass.class);
		Map<EquipmentClass, Double> rightMetres = new EnumMap<>(EquipmentClass.class);
		if (!dm.containsKey("metres")) {
			y.error(node, "missing required key 'metres'");
		}
		else {
			sideMetres(y, dm.get("metres"), left, right, leftMetres, rightMetres);
		}
		if (from == null || left == null || right == null || (leftMetres.isEmpty() && rightMetres.isEmpty())) {
			return null;
		}
		return new RouteDistances(from, left, right, leftMetres, rightMetres);
	}

	/**
	 * A view's {@code metres} of a term's distances: the term's route and sides, with
	 * these metres.
	 */
	private static RouteDistances metres(YamlNodes y, Node node, RouteDistances term) {
		Map<EquipmentClass, Double> leftMetres = new EnumMap<>(EquipmentClass.class);
		Map<EquipmentClass, Double> rightMetres = new EnumMap<>(EquipmentClass.class);
		int before = y.errors().size();
		sideMetres(y, node, term.leftName(), term.rightName(), leftMetres, rightMetres);
		return y.errors().size() > before ? null
				: new RouteDistances(term.routeZoneId(), term.leftName(), term.rightName(), leftMetres, rightMetres);
	}

	/**
	 * {@code {SIDE: {CLASS: METRES, ...}, ...}} into the metres of each side, named
	 * {@code left} and {@code right}; at least one class's metres on one side.
	 */
	private static void sideMetres(YamlNodes y, Node node, String left, String right,
			Map<EquipmentClass, Double> leftMetres, Map<EquipmentClass, Double> rightMetres) {
		int before = y.errors().size();
		Map<String, Node> sides = y.mapping(node, "metres", null);
		sides.forEach((side, classes) -> {
			Map<EquipmentClass, Double> into = side.equals(left) ? leftMetres : side.equals(right) ? rightMetres : null;
			if (into == null) {
				y.error(classes, "side '" + side + "' is neither the left ('" + left + "') nor the right ('" + right
						+ "') side");
				return;
			}
			Map<String, Node> cm = y.mapping(classes, "the distances " + side, null);
			cm.forEach((code, metres) -> {
				Optional<EquipmentClass> equipment = EquipmentClass.parse(code);
				Double value = y.number(cm, classes, code, true);
				if (equipment.isEmpty()) {
					y.error(metres, "unknown equipment class '" + code + "'; expected one of "
							+ Arrays.stream(EquipmentClass.values()).map(EquipmentClass::code).toList());
				}
				else if (value != null && !(value > 0)) {
					y.error(metres, "a distance must be a positive number of metres");
				}
				else if (value != null) {
					into.put(equipment.get(), value);
				}
			});
		});
		if (leftMetres.isEmpty() && rightMetres.isEmpty() && y.errors().size() == before) {
			y.error(node, "distances need at least one class's metres on one side");
		}
	}

	private static ActorSelector selector(YamlNodes y, Node node, Node parent, Set<String> sides) {
		if (node == null) {
			y.error(parent, "missing required key 'by'");
			return null;
		}
		if (node instanceof org.snakeyaml.engine.v2.nodes.ScalarNode scalar) {
			if (scalar.getValue().equals("parties")) {
				return new ActorSelector.Parties();
			}
			y.error(node, "by must be 'parties', {actors: [...], includeSubunits: true|false} or {side: ID}");
			return null;
		}
		Map<String, Node> bm = y.mapping(node, "by", Set.of("actors", "includeSubunits", "side"));
		if (bm.containsKey("side")) {
			String side = y.text(bm, node, "side", true);
			if (side != null && !sides.contains(side)) {
				y.error(bm.get("side"), "side '" + side + "' is not defined under 'sides'");
			}
			return side == null ? null : new ActorSelector.Side(side);
		}
		List<String> actors = y.texts(bm.get("actors"), "actors");
		if (actors.isEmpty()) {
			y.error(node, "by needs a non-empty 'actors' list or a 'side'");
			return null;
		}
		String subunits = y.text(bm, node, "includeSubunits", false);
		return new ActorSelector.Named(new LinkedHashSet<>(actors), subunits == null || Boolean.parseBoolean(subunits));
	}

	/**
	 * Event type codes or labels, or {@code category:<code>} for every type of an ACLED
	 * event type.
	 */
	private static Set<EventType> eventTypes(YamlNodes y, Node node, String what) {
		EnumSet<EventType> out = EnumSet.noneOf(EventType.class);
		for (Node item : y.sequence(node, what)) {
			String value = y.text(item, what + " item");
			if (value == null) {
				continue;
			}
			if (value.startsWith("category:")) {
				String name = value.substring("category:".length()).trim().toUpperCase(Locale.ROOT);
				Optional<EventType.Category> category = Arrays.stream(EventType.Category.values())
					.filter(c -> c.name().equals(name))
					.findFirst();
				if (category.isEmpty()) {
					y.error(item, "unknown event category '" + value + "'; expected one of "
							+ Arrays.toString(EventType.Category.values()).toLowerCase(Locale.ROOT));
				}
				else {
					Arrays.stream(EventType.values()).filter(t -> t.category() == category.get()).forEach(out::add);
				}
				continue;
			}
			Optional<EventType> type = EventType.parse(value);
			if (type.isEmpty()) {
				y.error(item, "unknown event type '" + value + "'");
			}
			type.ifPresent(out::add);
		}
		return out;
	}

	private static ClockSpec clock(YamlNodes y, Node node) {
		Map<String, Node> cm = y.mapping(node, "clock",
				Set.of("recommitment", "quietDaysRequired", "seriousTypes", "seriousMinDeaths", "unlockedPhase"));
		java.time.Duration recommitment = y.duration(cm, node, "recommitment");
		Integer days = y.integer(cm, node, "quietDaysRequired", true);
		Integer deaths = y.integer(cm, node, "seriousMinDeaths", false);
		Set<EventType> serious = cm.containsKey("seriousTypes") ? eventTypes(y, cm.get("seriousTypes"), "seriousTypes")
				: Set.of();
		if (days == null) {
			return null;
		}
		return new ClockSpec(recommitment == null ? java.time.Duration.ZERO : recommitment, days, serious, deaths,
				y.text(cm, node, "unlockedPhase", false));
	}

}
