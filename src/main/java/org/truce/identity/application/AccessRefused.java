package org.truce.identity.application;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** Problems of user management, as the API and the command line report them. */
final class AccessRefused {

	private AccessRefused() {
	}

	static RejectedException noSuchUser(String username) {
		return new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "username", "user", username));
	}

	static RejectedException notFound(String field, String variant, Object... args) {
		return new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, field, variant, args));
	}

	static RejectedException conflict(String variant, Object... args) {
		return new RejectedException(Problem.keyed(ErrorCode.CONFLICT, "username", variant, args));
	}

	static RejectedException invalid(String field, String variant, Object... args) {
		return new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, field, variant, args));
	}

}
