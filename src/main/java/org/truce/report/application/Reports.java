package org.truce.report.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;

/**
 * The store of reports. Implementations must make a report durable before {@link #append}
 * returns: once it returns, the reports survive a crash of the process or the machine.
 */
public interface Reports {

	/**
	 * Stores the reports in one transaction. A report whose idempotency key is already
	 * stored is not stored again.
	 * @return for each input, in order, the outcome
	 */
	List<Appended> append(List<NewReport> reports);

	Optional<Report> byId(UUID id);

	ReportPage find(ReportQuery query);

	/** The source of each of these reports that is stored. */
	Map<UUID, String> sourceIds(Collection<UUID> ids);

	long count();

	/**
	 * A report to store, with the idempotency key and request digest that guard against
	 * replays.
	 */
	record NewReport(Report report, String idempotencyKey, String requestDigest) {

	}

	/**
	 * The outcome of storing one report.
	 *
	 * @param report the stored report: the new one, or the earlier one under the same key
	 * @param created false when the key was already stored
	 * @param requestDigest the digest stored with the key, to tell a replay from a misuse
	 */
	record Appended(Report report, boolean created, String requestDigest) {

	}

}
