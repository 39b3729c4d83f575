package org.truce.identity.application;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the changes, made through this instance, to who may do what: users added, roles
 * granted and revoked, tokens issued and revoked, passwords reset. Whatever keeps a
 * user's or token's grants for a moment (the web layer's short-lived caches) keeps them
 * only while this count stays the same: a change made here takes effect on the next
 * request. A change is counted once it is made and again once its transaction ends, so
 * that grants read before the commit are not kept after it.
 */
@Component
public class AccessChanges {

	private final AtomicLong count = new AtomicLong();

	/** Changes so far; read it before reading the grants that are kept. */
	public long count() {
		return this.count.get();
	}

	/** Counts a change, now and, in a transaction, again when it ends. */
	public void changed() {
		this.count.incrementAndGet();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					AccessChanges.this.count.incrementAndGet();
				}
			});
		}
	}

}
