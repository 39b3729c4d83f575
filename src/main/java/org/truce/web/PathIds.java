package org.truce.web;

import java.util.UUID;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * The id in a resource's path. An id that is not a UUID names nothing, so it is answered
 * as a resource not found (404 NOT_FOUND on the field {@code id}, naming the path), like
 * a well-formed id that is not stored.
 */
public final class PathIds {

	private PathIds() {
	}

	/**
	 * @param path the path asked for, for the problem's detail
	 * @throws RejectedException NOT_FOUND when {@code id} is not a UUID
	 */
	public static UUID uuid(String id, String path) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(path);
		}
	}

	/** NOT_FOUND on the field {@code id}, naming the path. */
	public static RejectedException notFound(String path) {
		return new RejectedException(Problem.with(ErrorCode.NOT_FOUND, "id", path));
	}

}
