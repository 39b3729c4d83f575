package org.truce.identity.application;

import java.time.Instant;
import java.util.List;

/**
 * Failed sign-ins and bad API tokens, stored so that every instance on one database
 * counts them together. A {@code kind} (such as {@code account} or {@code address}) and a
 * key (the account, the address) name what is counted.
 */
public interface FailedAttempts {

	void add(String kind, String key, Instant at);

	/**
	 * The times of at most {@code limit} failures of this key after {@code after}, newest
	 * first.
	 */
	List<Instant> newestAfter(String kind, String key, Instant after, int limit);

	void clear(String kind, String key);

	/** Deletes every failure at or before {@code before}. */
	void forgetUntil(Instant before);

}
