package org.truce.web;

import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/**
 * The version named by an {@code If-Match} header: every versioned resource's ETag is its
 * version number in quotes ({@code "3"}); a weak tag ({@code W/"3"}) and a bare number
 * are read the same.
 */
public final class IfMatch {

	private IfMatch() {
	}

	/**
	 * @return the version, or null when the header is absent or blank
	 * @throws RejectedException INVALID_VALUE on the field {@code If-Match} when it names
	 * no version
	 */
	public static Integer version(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		String tag = ifMatch.strip();
		if (tag.startsWith("W/")) {
			tag = tag.substring(2);
		}
		try {
			return Integer.valueOf(tag.replace("\"", ""));
		}
		catch (NumberFormatException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "If-Match", "ifMatch"));
		}
	}

	/**
	 * The version a change is made against: If-Match ({@code "3"}, {@code W/"3"} or
	 * {@code 3}) or the body's version, which must agree when both are sent.
	 * @throws RejectedException INVALID_VALUE when they differ, VERSION_REQUIRED (428)
	 * when neither is sent
	 */
	public static int version(String ifMatch, Integer bodyVersion) {
		Integer header = version(ifMatch);
		if (header != null && bodyVersion != null && !header.equals(bodyVersion)) {
			throw new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, "version", "versionsDiffer"));
		}
		Integer version = header != null ? header : bodyVersion;
		if (version == null) {
			throw new RejectedException(Problem.of(ErrorCode.VERSION_REQUIRED, "version"));
		}
		return version;
	}

}
