package org.truce.bulletin.application;

import java.time.LocalDate;

import org.springframework.stereotype.Component;
import org.truce.bulletin.model.BulletinJson;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;

/**
 * The public cut of a bulletin as {@link ComputingBulletin} computes it for the public
 * reader ({@link Viewer#PUBLIC}), whoever asks: what staff draft for signature is exactly
 * what anonymous readers would compute for themselves.
 */
@Component
class ComputedPublicBulletinJson implements PublicBulletinJson {

	private final ComputingBulletin computing;

	ComputedPublicBulletinJson(ComputingBulletin computing) {
		this.computing = computing;
	}

	@Override
	public String of(String agreementId, LocalDate from, LocalDate to) {
		return BulletinJson.canonical(this.computing.compute(new BulletinQuery(agreementId, from, to), Viewer.PUBLIC));
	}

}
