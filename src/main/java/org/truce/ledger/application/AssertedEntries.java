package org.truce.ledger.application;

import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.ledger.model.CanonicalJson;
import org.truce.ledger.model.SaltedCommitment;
import org.truce.shared.Asserted;

/**
 * How an assertion enters a deconfliction ledger entry. The entries are public, while
 * notifications and declared positions are not: the asserted time and who asserts it are
 * in the clear, and the document (its citation and address) only as a salted commitment,
 * with the record's content salt, so that a citation naming a hospital or a route does
 * not publish it.
 */
public final class AssertedEntries {

	private AssertedEntries() {
	}

	/**
	 * {@code {at, by, provenanceCommitment}}: the commitment is null when no document is
	 * cited.
	 * @param about the record's ledger subject, so that equal citations of two records
	 * commit to different values
	 */
	public static Map<String, Object> body(Asserted asserted, String salt, String about) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("at", asserted.at().toString());
		m.put("by", asserted.by());
		m.put("provenanceCommitment", provenanceCommitment(asserted, salt, about));
		return m;
	}

	/** The commitment to the document, or null when none is cited. */
	public static String provenanceCommitment(Asserted asserted, String salt, String about) {
		if (asserted.document() == null && asserted.url() == null) {
			return null;
		}
		return SaltedCommitment.of(salt, provenance(asserted, about));
	}

	/**
	 * The canonical JSON (RFC 8785) committed to: {@code {about, document, url}}.
	 */
	public static String provenance(Asserted asserted, String about) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("about", about);
		m.put("document", asserted.document());
		m.put("url", asserted.url());
		return CanonicalJson.serialize(m);
	}

}
