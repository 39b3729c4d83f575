package org.truce.determination.application;

import java.util.List;

import org.truce.determination.model.Quorum;
import org.truce.determination.model.Signatures;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * Who signs or dissents for a side: the co-chairs of the sides a {@link Quorum} names.
 * Shared by everything the sides sign jointly (determinations, bulletins).
 */
public final class CoChairs {

	private CoChairs() {
	}

	/**
	 * The side a co-chair acts for: the one asked for, or its only co-chair side the
	 * quorum names.
	 * @param action what the co-chair does, {@code sign} or {@code dissent}: the refusal
	 * is the sentence {@code problem.SIDE_NOT_NAMED.<action>}
	 * @throws RejectedException SIDE_NOT_NAMED (403) when the co-chair holds none of the
	 * named sides (or not the one asked for); FIELD_REQUIRED on {@code side} when it
	 * holds several and named none
	 */
	public static String sideOf(Quorum quorum, String asked, List<Grant> grants, String action) {
		List<String> held = grants.stream()
			.filter(g -> g.role() == Role.CO_CHAIR)
			.map(Grant::actorId)
			.filter(quorum::names)
			.distinct()
			.toList();
		if (asked != null && !asked.isBlank()) {
			if (!held.contains(asked.strip())) {
				throw new RejectedException(Problem.keyed(ErrorCode.SIDE_NOT_NAMED, "side", action));
			}
			return asked.strip();
		}
		if (held.isEmpty()) {
			throw new RejectedException(Problem.keyed(ErrorCode.SIDE_NOT_NAMED, null, action));
		}
		if (held.size() > 1) {
			throw new RejectedException(Problem.keyed(ErrorCode.FIELD_REQUIRED, "side", "coChairSide"));
		}
		return held.get(0);
	}

	/**
	 * The problem a refused sign-off is answered with, but for a stale version, which
	 * each signed thing words itself.
	 * @param side the side that signed
	 */
	public static Problem refused(Signatures.Refusal reason, String side) {
		return switch (reason) {
			case SIDE_NOT_NAMED -> Problem.keyed(ErrorCode.SIDE_NOT_NAMED, "side", "sign");
			case ALREADY_SIGNED -> Problem.with(ErrorCode.ALREADY_SIGNED, "side", side);
			case STALE_VERSION -> Problem.of(ErrorCode.STALE_VERSION, "version");
		};
	}

}
