package org.truce.deconfliction.model;

/**
 * Where a notification stands. Acknowledgments are kept per party beside it; a
 * notification is {@link #ACKNOWLEDGED} once every party concerned has acknowledged it.
 */
public enum NotificationStatus {

	/**
	 * Delivered to the liaisons of the parties concerned; not every one has acknowledged.
	 */
	SENT,
	/** Every party concerned has acknowledged it. */
	ACKNOWLEDGED,
	/** Its time window has ended (a movement), or its validity (a site). */
	EXPIRED,
	/** The notifier withdrew it. */
	WITHDRAWN

}
