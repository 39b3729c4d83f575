package org.truce.humanitarian.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * A change recorded with what follows from it (its report, their ledger entries) in one
 * transaction: all of it or, when the store fails, none of it and 503 STORE_UNAVAILABLE,
 * so that the client may simply retry.
 */
final class AllOrNothing {

	private static final Logger log = LoggerFactory.getLogger(AllOrNothing.class);

	private AllOrNothing() {
	}

	/**
	 * Runs {@code work} in one transaction.
	 * @param what what is recorded ("outcome"): the client reads the sentence
	 * {@code problem.STORE_UNAVAILABLE.<what>}
	 * @param subject what it is about, for the log
	 * @throws RejectedException STORE_UNAVAILABLE when the store failed (nothing was
	 * recorded), or what {@code work} throws
	 */
	static <T> T record(TransactionTemplate tx, String what, Object subject, TransactionCallback<T> work) {
		try {
			return tx.execute(work);
		}
		catch (DataAccessException ex) {
			log.warn("{} ({}) was not recorded: {}", what, subject, ex.toString());
			throw new RejectedException(Problem.keyed(ErrorCode.STORE_UNAVAILABLE, null, what));
		}
	}

}
