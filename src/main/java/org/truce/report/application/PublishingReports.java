package org.truce.report.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.LedgerEntry;

/**
 * Publishes reports: from then on the public may read them (cut as for every reader who
 * may not see sources). Each publication is a ledger entry of kind {@code publication},
 * subject the report's id, body {@code {by, at}}, written in the same transaction as the
 * publication. Publishing a report already published does nothing: no second entry.
 */
@Service
public class PublishingReports {

	/** The ledger entry kind of a publication. */
	public static final String KIND = "publication";

	private final Publications publications;

	private final Ledger ledger;

	private final TransactionTemplate tx;

	private final Clock clock;

	public PublishingReports(Publications publications, Ledger ledger, TransactionTemplate tx, Clock clock) {
		this.publications = publications;
		this.ledger = ledger;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * Publishes the stored reports among {@code reportIds} not yet published, in one
	 * transaction with their ledger entries.
	 * @param by who publishes: a user id, or a word such as {@code command-line}
	 * @return the publications made now, in the order of {@code reportIds}
	 */
	public List<Publications.Publication> publish(List<UUID> reportIds, String by) {
		Instant at = this.clock.instant();
		return this.tx.execute(status -> recorded(this.publications.publish(reportIds, at, by)));
	}

	/**
	 * Publishes every stored report from the source not yet published, in one transaction
	 * with their ledger entries.
	 * @return the publications made now
	 */
	public List<Publications.Publication> publishSource(String sourceId, String by) {
		Instant at = this.clock.instant();
		return this.tx.execute(status -> recorded(this.publications.publishFrom(sourceId, at, by)));
	}

	/**
	 * Publishes every stored report not yet published, in one transaction with their
	 * ledger entries.
	 * @return the publications made now
	 */
	public List<Publications.Publication> publishAll(String by) {
		Instant at = this.clock.instant();
		return this.tx.execute(status -> recorded(this.publications.publishFrom(null, at, by)));
	}

	private List<Publications.Publication> recorded(List<Publications.Publication> made) {
		List<LedgerEntry> entries = new ArrayList<>(made.size());
		for (Publications.Publication p : made) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("by", p.publishedBy());
			body.put("at", p.publishedAt().toString());
			entries.add(new LedgerEntry(KIND, p.reportId().toString(), body));
		}
		this.ledger.append(entries);
		return made;
	}

}
