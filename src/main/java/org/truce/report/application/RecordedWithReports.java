package org.truce.report.application;

import java.util.List;

import org.truce.report.model.Report;

/**
 * What another part of the record stores with new reports, in their transaction: a report
 * and what follows from it at once (a proximity alert, say) are committed together or not
 * at all, and what follows is known the moment the report is acknowledged. Every writer
 * of reports ({@link RecordingReports}) calls every bean of this type.
 *
 * @param <T> what is prepared for one report
 */
public interface RecordedWithReports<T> {

	/**
	 * Works out, outside any transaction and without touching the store, what to record
	 * with this report (for a submitted report, on the submitter's thread).
	 * @return what to store, or null for nothing
	 */
	T prepare(Report report);

	/**
	 * Stores, in the reports' transaction, what was prepared for the reports it creates
	 * (replays of stored reports have nothing stored).
	 * @param prepared the non-null results of {@link #prepare}, in the reports' order
	 * @return what to do once the transaction has committed (it must not block), or null
	 */
	Runnable store(List<T> prepared);

}
