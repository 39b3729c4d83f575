package org.truce.ledger.model;

/** The rule for key names in signed notes (c2sp.org/signed-note "Format"). */
final class KeyNames {

	private KeyNames() {
	}

	/**
	 * Key names must be non-empty and contain no Unicode space and no plus (U+002B).
	 * "Unicode space" is read as Go's {@code unicode.IsSpace}: Java whitespace, the space
	 * separators (Zs, Zl, Zp, which include U+00A0) and U+0085.
	 */
	static String check(String name) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("A key name must not be empty");
		}
		name.codePoints().forEach((cp) -> {
			if (cp == '+' || cp == 0x85 || Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
				throw new IllegalArgumentException("A key name must contain no spaces and no '+': " + name);
			}
			if (cp < 0x20 || (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE)) {
				throw new IllegalArgumentException("A key name must be printable UTF-8: " + name);
			}
		});
		return name;
	}

}
