package org.truce.bulletin.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.util.RawValue;

import org.truce.bulletin.model.BulletinDraft;
import org.truce.bulletin.model.DissentAnnex;
import org.truce.determination.model.SignOff;

/**
 * A bulletin (a draft or a published one) as the API shows it: each named side with its
 * signature or as awaited, the dissent annexes, bulletin.json itself (exactly the bytes
 * whose SHA-256 is {@code digest}, also at {@code bulletinJson}) and the ledger proofs.
 *
 * @param version the draft's number among those of its agreement and period
 * @param bulletin bulletin.json, as stored (null in lists)
 * @param proofs the ledger entries and their inclusion proofs (null in lists)
 */
record BulletinView(UUID id, String agreement, String from, String to, int version, String digest, String state,
		int quorum, List<Side> sides, String draftedBy, Instant draftedAt, Instant publishedAt, List<Dissent> dissents,
		String bulletinJson, RawValue bulletin, Map<String, Object> proofs) {

	/** A named side: signed, by whom, of which version, when; or awaited. */
	record Side(String side, boolean signed, String signedBy, Integer signedVersion, Instant signedAt) {

	}

	/** A dissent annex, in its co-chair's words. */
	record Dissent(UUID id, String side, String by, String text, Instant at) {

		static Dissent of(DissentAnnex d) {
			return new Dissent(d.id(), d.side(), d.userId(), d.text(), d.at());
		}

	}

	static BulletinView of(BulletinDraft d, List<DissentAnnex> dissents, Map<String, Object> proofs, boolean whole) {
		List<Side> sides = d.quorum().sides().stream().map(side -> {
			SignOff s = d.signatures().of(side).orElse(null);
			return s == null ? new Side(side, false, null, null, null)
					: new Side(side, true, s.userId(), s.version(), s.at());
		}).toList();
		return new BulletinView(d.id(), d.agreementId(), d.from().toString(), d.to().toString(), d.version(),
				d.digest(), d.state().name(), d.quorum().required(), sides, d.draftedBy(), d.draftedAt(),
				d.publishedAt(), dissents == null ? null : dissents.stream().map(Dissent::of).toList(),
				"/api/bulletins/" + d.id() + "/bulletin.json", whole ? new RawValue(d.canonical()) : null, proofs);
	}

}
