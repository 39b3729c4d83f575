package org.truce.agreement.application;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.locationtech.jts.io.geojson.GeoJsonWriter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.AgreementDocument;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.ControlMap;
import org.truce.agreement.model.DocumentError;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;
import org.truce.shared.Sha256;

/**
 * The agreements known to this deployment: every stored version, parsed once and kept in
 * memory. Thread-safe.
 */
@Service
public class AgreementCatalogue {

	private final AgreementVersions versions;

	private final ControlAreas controlAreas;

	private final AgreementDocuments documents;

	private final Clock clock;

	private volatile Map<String, List<Agreement>> byId;

	private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

	private final Ledger ledger;

	private final TransactionTemplate tx;

	public AgreementCatalogue(AgreementVersions versions, ControlAreas controlAreas, BoundaryLookup boundaries,
			Clock clock, Ledger ledger, TransactionTemplate tx) {
		this.ledger = ledger;
		this.tx = tx;
		this.versions = versions;
		this.controlAreas = controlAreas;
		this.documents = new AgreementDocuments(boundaries);
		this.clock = clock;
		this.byId = parseAll();
	}

	/**
	 * Validates a document without storing it; an amendment is resolved against the
	 * stored version it amends.
	 */
	public AgreementDocuments.Parsed check(String fileName, String text) {
		return this.documents.parse(fileName, new StringReader(text),
				(id, version) -> this.versions.find(id, version).map(AgreementDocument::text));
	}

	/** The outcome of loading one document. */
	public record Loaded(Agreement agreement, boolean stored, List<DocumentError> errors, String fileName) {

		public Loaded(Agreement agreement, boolean stored, List<DocumentError> errors) {
			this(agreement, stored, errors, null);
		}

	}

	/**
	 * Validates and stores a document as a new version. The same id and version with the
	 * same text is already stored and is not stored again; with a different text it is
	 * refused, since a version never changes: an amendment needs a higher version.
	 */
	public synchronized Loaded load(String fileName, String text) {
		AgreementDocuments.Parsed parsed = check(fileName, text);
		if (!parsed.ok()) {
			return new Loaded(null, false, parsed.errors());
		}
		Agreement a = parsed.agreement();
		String sha = Sha256.hex(text);
		Optional<AgreementDocument> existing = this.versions.find(a.id(), a.version());
		if (existing.isPresent()) {
			if (existing.get().sha256().equals(sha)) {
				return new Loaded(a, false, List.of());
			}
			return new Loaded(null, false, List.of(new DocumentError(fileName, 1, 1, "version " + a.version() + " of "
					+ a.id() + " is already stored with different content; an amendment needs a higher version")));
		}
		AgreementDocument document = new AgreementDocument(a.id(), a.version(), a.inForceFrom(), a.title(), fileName,
				text, sha, this.clock.instant());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("agreementId", a.id());
		body.put("version", a.version());
		body.put("inForceFrom", a.inForceFrom().toString());
		body.put("title", a.title());
		body.put("fileName", fileName);
		body.put("sha256", sha);
		body.put("document", text);
		this.tx.executeWithoutResult(status -> {
			this.versions.add(document);
			this.ledger.append(List.of(new LedgerEntry("agreement-version", a.id() + "@" + a.version(), body)));
		});
		this.byId = parseAll();
		this.generation.incrementAndGet();
		return new Loaded(a, true, List.of());
	}

	/** Replaces the named control map; adjudication sees it at once. */
	public synchronized void replaceControlMap(String mapName, List<ControlArea> areas) {
		GeoJsonWriter writer = new GeoJsonWriter();
		writer.setEncodeCRS(false);
		List<Object> listed = new ArrayList<>();
		for (ControlArea area : areas) {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("id", area.id());
			a.put("actor", area.actorId());
			a.put("validFrom", area.valid().start().toString());
			a.put("validTo", area.valid().end() == null ? null : area.valid().end().toString());
			a.put("source", area.source());
			a.put("geometrySha256", Sha256.hex(writer.write(area.geometry())));
			listed.add(a);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("mapName", mapName);
		body.put("areas", listed);
		this.tx.executeWithoutResult(status -> {
			this.controlAreas.replace(mapName, areas);
			this.ledger.append(List.of(new LedgerEntry("control-map", mapName, body)));
		});
		this.generation.incrementAndGet();
	}

	/** Increases whenever an agreement version or the control map changes. */
	public long generation() {
		return this.generation.get();
	}

	/** Every agreement id with its versions, oldest first. */
	public Map<String, List<Agreement>> all() {
		return this.byId;
	}

	public List<Agreement> versions(String agreementId) {
		return this.byId.getOrDefault(agreementId, List.of());
	}

	/** The latest version of the agreement. */
	public Optional<Agreement> latest(String agreementId) {
		List<Agreement> list = versions(agreementId);
		return list.isEmpty() ? Optional.empty() : Optional.of(list.get(list.size() - 1));
	}

	/**
	 * The version that governs an incident at {@code t}: the latest whose in-force time
	 * is not after it, or the first version for a time before every version.
	 */
	public Optional<Agreement> inForceAt(String agreementId, Instant t) {
		List<Agreement> list = versions(agreementId);
		Agreement chosen = list.isEmpty() ? null : list.get(0);
		for (Agreement a : list) {
			if (!a.inForceFrom().isAfter(t)) {
				chosen = a;
			}
		}
		return Optional.ofNullable(chosen);
	}

	public ControlMap controlMap() {
		return new ControlMap(this.controlAreas.all());
	}

	/**
	 * Validates and stores documents, each version after the one it amends whatever the
	 * order given (documents that do not state their id and version plainly last).
	 */
	public List<Loaded> loadAll(List<Map.Entry<String, String>> fileNamesAndTexts) {
		List<Map.Entry<String, String>> ordered = new ArrayList<>(fileNamesAndTexts);
		Map<String, Optional<AgreementDocuments.Header>> headers = new java.util.HashMap<>();
		ordered.forEach(e -> headers.put(e.getValue(), AgreementDocuments.header(e.getValue())));
		ordered.sort(Comparator.comparing((Map.Entry<String, String> e) -> headers.get(e.getValue()).isEmpty())
			.thenComparing(e -> headers.get(e.getValue()).map(AgreementDocuments.Header::id).orElse(""))
			.thenComparing(e -> headers.get(e.getValue()).map(AgreementDocuments.Header::version).orElse(0)));
		return ordered.stream().map(e -> {
			Loaded loaded = load(e.getKey(), e.getValue());
			return new Loaded(loaded.agreement(), loaded.stored(), loaded.errors(), e.getKey());
		}).toList();
	}

	private Map<String, List<Agreement>> parseAll() {
		Map<String, List<Agreement>> out = new LinkedHashMap<>();
		List<AgreementDocument> all = this.versions.all();
		for (AgreementDocument doc : all) {
			AgreementDocuments.Parsed parsed = this.documents.parse(
					doc.fileName() == null ? doc.agreementId() : doc.fileName(), new StringReader(doc.text()),
					(id, version) -> all.stream()
						.filter(d -> d.agreementId().equals(id) && d.version() == version)
						.findFirst()
						.map(AgreementDocument::text));
			if (!parsed.ok()) {
				throw new IllegalStateException("stored agreement " + doc.agreementId() + " v" + doc.version()
						+ " no longer parses: " + parsed.errors());
			}
			out.computeIfAbsent(doc.agreementId(), k -> new ArrayList<>()).add(parsed.agreement());
		}
		out.values().forEach(list -> list.sort(Comparator.comparingInt(Agreement::version)));
		out.replaceAll((k, v) -> List.copyOf(v));
		return Map.copyOf(out);
	}

}
