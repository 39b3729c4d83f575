package org.truce.identity.application;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** Problems of user management, as the API and the command line report them. */
final class AccessRefused {

	private AccessRefused() {
	}

	static RejectedException noSuchUser(String username) {
		return new RejectedException(
				new Problem(ErrorCode.NOT_FOUND, "username", "No user is named " + username + "."));
	}

	static RejectedException notFound(String field, String detail) {
		return new RejectedException(new Problem(ErrorCode.NOT_FOUND, field, detail));
	}

	static RejectedException conflict(String detail) {
		return new RejectedException(new Problem(ErrorCode.CONFLICT, "username", detail));
	}

	static RejectedException invalid(String field, String detail) {
		return new RejectedException(new Problem(ErrorCode.INVALID_VALUE, field, detail));
	}

}
