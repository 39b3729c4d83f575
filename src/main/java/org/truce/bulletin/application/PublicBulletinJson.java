package org.truce.bulletin.application;

import java.time.LocalDate;

/**
 * The public cut of a bulletin: bulletin.json, canonical, as the public reader's bulletin
 * of an agreement and period is computed. This is what the named sides sign and what is
 * published, byte for byte.
 */
public interface PublicBulletinJson {

	/**
	 * @throws org.truce.shared.RejectedException when the agreement or the period is
	 * refused
	 */
	String of(String agreementId, LocalDate from, LocalDate to);

}
