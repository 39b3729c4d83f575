package org.truce.rfi.application;

import java.util.Set;

import org.truce.rfi.model.RequestForInformation;

/**
 * Who reads or answers requests for information: staff (monitors and co-chairs) read them
 * all; a liaison reads and answers those addressed to an actor of its side (its bound
 * actor and the actors whose lineage includes it, as {@code Readers} expands it).
 *
 * @param userId the signed-in user
 * @param staff whether the reader is a monitor or a co-chair
 * @param side the actors of the reader's liaison side, empty when it is no liaison
 */
public record RfiReader(String userId, boolean staff, Set<String> side) {

	public RfiReader {
		side = side == null ? Set.of() : Set.copyOf(side);
	}

	public boolean mayRead(RequestForInformation request) {
		return this.staff || addressedTo(request);
	}

	/** Whether the request is addressed to the reader's side, which may answer it. */
	public boolean addressedTo(RequestForInformation request) {
		return this.side.contains(request.party());
	}

}
