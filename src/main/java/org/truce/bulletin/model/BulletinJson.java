package org.truce.bulletin.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.truce.ledger.model.CanonicalJson;
import org.truce.shared.Sha256;

/**
 * {@code bulletin.json}: a bulletin in the JSON Canonicalization Scheme (RFC 8785, the
 * ledger's {@link CanonicalJson}), so that the same bulletin is the same bytes wherever
 * it is computed, and its SHA-256 is its digest. It holds {@code header},
 * {@code byOutcome}, {@code notAssessed}, {@code total}, {@code notes} and
 * {@code tables}: each table by its name, as a list of objects whose members are the
 * CSV's columns.
 */
public final class BulletinJson {

	private BulletinJson() {
	}

	/** The canonical JSON of the bulletin: the content of {@code bulletin.json}. */
	public static String canonical(Bulletin bulletin) {
		return CanonicalJson.serialize(tree(bulletin));
	}

	/** The SHA-256 of the canonical JSON's UTF-8 bytes, in lowercase hex. */
	public static String digest(Bulletin bulletin) {
		return Sha256.hex(canonical(bulletin).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The bulletin as plain maps and lists, as {@link CanonicalJson} takes it. */
	public static Map<String, Object> tree(Bulletin bulletin) {
		Bulletin.Header h = bulletin.header();
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("agreementId", h.agreementId());
		header.put("agreementTitle", h.agreementTitle());
		header.put("timeZone", h.timeZone());
		header.put("from", h.from().toString());
		header.put("to", h.to().toString());
		header.put("periodStart", h.periodStart().toString());
		header.put("periodEnd", h.periodEnd().toString());
		header.put("previousFrom", h.previousFrom().toString());
		header.put("previousTo", h.previousTo().toString());
		header.put("reader", h.reader());
		Map<String, Object> filters = new LinkedHashMap<>();
		filters.put("zoneId", h.zoneId());
		filters.put("partyActorId", h.partyActorId());
		filters.put("eventType", h.eventType());
		header.put("filters", filters);
		Map<String, Object> tables = new LinkedHashMap<>();
		for (Bulletin.Table t : bulletin.tables()) {
			List<Object> rows = new ArrayList<>();
			for (Bulletin.Row r : t.rows()) {
				Map<String, Object> row = new LinkedHashMap<>();
				List<Object> values = r.values();
				for (int i = 0; i < t.columns().size(); i++) {
					row.put(t.columns().get(i), values.get(i));
				}
				rows.add(row);
			}
			tables.put(t.name(), rows);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("header", header);
		out.put("byOutcome", new LinkedHashMap<>(bulletin.byOutcome()));
		out.put("notAssessed", bulletin.notAssessed());
		out.put("total", bulletin.total());
		out.put("notes", bulletin.notes());
		out.put("tables", tables);
		return out;
	}

}
