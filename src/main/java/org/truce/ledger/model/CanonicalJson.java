package org.truce.ledger.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON Canonicalization Scheme (JCS, RFC 8785) for a JSON value held as plain Java
 * objects. The canonical form of a ledger entry is what gets hashed, so equal values
 * always produce equal bytes.
 *
 * <p>
 * Accepted values:
 * <ul>
 * <li>{@code null}, {@link Boolean}, {@link String} (well-formed UTF-16: a lone surrogate
 * is rejected, as RFC 8785 §3.1 requires I-JSON);</li>
 * <li>{@link Map} with {@link String} keys (members are sorted by the UTF-16 code units
 * of their names, RFC 8785 §3.2.3, which is {@link String#compareTo}) and
 * {@link List};</li>
 * <li>integers as {@link Byte}, {@link Short}, {@link Integer}, {@link Long} or
 * {@link BigInteger}; beyond ±2<sup>53</sup> (where an IEEE-754 double, which is what a
 * JCS number is, cannot hold every integer) only those that ECMAScript writes as
 * themselves, such as {@code 471447446768098940}, so that no value silently changes and
 * the canonical form read back as integers is again canonical;</li>
 * <li>finite {@link Double}s, serialised as ECMAScript's
 * {@code Number.prototype.toString} does (RFC 8785 §3.2.2.3): the shortest decimal that
 * reads back as the same double;</li>
 * <li>{@link BigDecimal}s whose value survives the trip through a double, i.e. that equal
 * the decimal ECMAScript would print for the nearest double ({@code 4.50} and {@code 0.1}
 * are accepted, {@code 0.30000000000000001} is not: it would be written as
 * {@code 0.3}).</li>
 * </ul>
 * Anything else ({@link Float}, NaN, infinities, other number types, other objects, and
 * nesting deeper than {@value #MAX_DEPTH} levels) is rejected with an
 * {@link IllegalArgumentException} that names the JSON path of the offending value.
 *
 * <p>
 * Thread safe and stateless.
 */
public final class CanonicalJson {

	/** The deepest nesting of arrays and objects accepted. */
	public static final int MAX_DEPTH = 256;

	private static final long MAX_EXACT_INTEGER = 1L << 53;

	private static final BigInteger MAX_EXACT = BigInteger.valueOf(MAX_EXACT_INTEGER);

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private CanonicalJson() {
	}

	/** The canonical serialisation of {@code value}. */
	public static String serialize(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "$", 0);
		return out.toString();
	}

	/**
	 * Appends the canonical form of a string (RFC 8785 §3.2.2.2), quotes included.
	 * @throws IllegalArgumentException if it has a lone surrogate
	 */
	public static void appendString(String s, StringBuilder out) {
		string(s, out, "$");
	}

	/** The canonical serialisation of {@code value} as UTF-8, the bytes to hash. */
	public static byte[] utf8(Object value) {
		return serialize(value).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * ECMAScript's {@code Number::toString} for a finite double (ECMA-262, the algorithm
	 * RFC 8785 §3.2.2.3 refers to). Negative zero is written {@code 0}.
	 * @throws IllegalArgumentException for NaN and the infinities
	 */
	public static String number(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("JSON has no " + value);
		}
		if (value == 0) {
			return "0";
		}
		if (value < 0) {
			return "-" + number(-value);
		}
		String fast = FastShortest.shortest(value);
		return fast != null ? fast : numberByBigDecimal(value);
	}

	/**
	 * {@link #number} of a positive finite double, by {@link #shortest}'s decimal
	 * arithmetic only: the reference that {@link FastShortest} must agree with.
	 */
	static String numberByBigDecimal(double value) {
		BigDecimal shortest = shortest(value);
		String s = shortest.unscaledValue().toString();
		return format(false, s, s.length() - shortest.scale());
	}

	/**
	 * The canonical form of the number a JSON number token writes ({@code -?int frac?
	 * exp?}, RFC 8259 §6): {@link #number} of the double it reads as, the same as
	 * {@code number(Double.parseDouble(token))}. Faster for tokens of at most 15
	 * significant digits in the normal range: such a decimal is the only one of 15 digits
	 * or fewer that reads as its double (IEEE-754 doubles hold 15 decimal digits,
	 * DBL_DIG), so its own digits are the shortest and only its layout needs writing.
	 * @throws IllegalArgumentException if the token is not a JSON number or is beyond the
	 * range of a double
	 */
	public static String numberFromText(String token) {
		int length = token.length();
		int i = 0;
		boolean negative = length > 0 && token.charAt(0) == '-';
		if (negative) {
			i++;
		}
		StringBuilder digits = new StringBuilder(24);
		int integerDigits = 0;
		int start = i;
		while (i < length && isDigit(token.charAt(i))) {
			digits.append(token.charAt(i++));
			integerDigits++;
		}
		if (integerDigits == 0 || (integerDigits > 1 && token.charAt(start) == '0')) {
			throw notANumber(token);
		}
		if (i < length && token.charAt(i) == '.') {
			i++;
			int fraction = i;
			while (i < length && isDigit(token.charAt(i))) {
				digits.append(token.charAt(i++));
			}
			if (i == fraction) {
				throw notANumber(token);
			}
		}
		long exponent = 0;
		if (i < length && (token.charAt(i) == 'e' || token.charAt(i) == 'E')) {
			i++;
			boolean minus = i < length && token.charAt(i) == '-';
			if (i < length && (token.charAt(i) == '-' || token.charAt(i) == '+')) {
				i++;
			}
			int exponentStart = i;
			while (i < length && isDigit(token.charAt(i))) {
				if (i - exponentStart < 9) {
					exponent = exponent * 10 + (token.charAt(i) - '0');
				}
				i++;
			}
			if (i == exponentStart) {
				throw notANumber(token);
			}
			if (i - exponentStart >= 9) {
				exponent = 1_000_000_000;
			}
			exponent = minus ? -exponent : exponent;
		}
		if (i != length) {
			throw notANumber(token);
		}
		int first = 0;
		while (first < digits.length() && digits.charAt(first) == '0') {
			first++;
		}
		if (first == digits.length()) {
			return "0";
		}
		int last = digits.length();
		while (digits.charAt(last - 1) == '0') {
			last--;
		}
		int k = last - first;
		long n = integerDigits - first + exponent;
		if (k > 15 || n < -290 || n > 290) {
			double value = Double.parseDouble(token);
			if (Double.isInfinite(value)) {
				throw new IllegalArgumentException(token + " is beyond the range of a double");
			}
			return number(value);
		}
		return format(negative, digits.substring(first, last), (int) n);
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static IllegalArgumentException notANumber(String token) {
		return new IllegalArgumentException("not a JSON number: " + token);
	}

	/**
	 * ECMAScript's layout (ECMA-262 Number::toString) of the value 0.s × 10^n, where
	 * {@code s} is the shortest digit string (no leading or trailing zeros).
	 */
	static String format(boolean negative, String s, int n) {
		int k = s.length();
		StringBuilder out = new StringBuilder(24);
		if (negative) {
			out.append('-');
		}
		if (k <= n && n <= 21) {
			out.append(s);
			out.append("0".repeat(n - k));
		}
		else if (0 < n && n <= 21) {
			out.append(s, 0, n).append('.').append(s, n, k);
		}
		else if (-6 < n && n <= 0) {
			out.append("0.").append("0".repeat(-n)).append(s);
		}
		else {
			out.append(s.charAt(0));
			if (k > 1) {
				out.append('.').append(s, 1, k);
			}
			out.append('e').append(n - 1 < 0 ? '-' : '+').append(Math.abs(n - 1));
		}
		return out.toString();
	}

	/**
	 * The decimal with the fewest significant digits that reads back as {@code value}
	 * (positive and finite); of two such, the one closer to {@code value}, and of two
	 * equally close, the one with an even last digit. Trailing zeros are stripped.
	 *
	 * <p>
	 * Written out here because {@link Double#toString(double)} is not always shortest
	 * before JDK 19 (JDK-4511638), though it always reads back: its number of digits is
	 * an upper bound to start from. The decimals that read back as {@code value} form an
	 * interval around it; if one of p digits is in it, one of p+1 digits is too (the
	 * finer grid has a point between it and the value), so the shortest precision is
	 * found by stepping down from the bound until a step fails ({@link #readsBack}). At
	 * that precision the candidates are the two decimals just below and just above the
	 * exact value: if any decimal of that precision is in the interval, one of these two
	 * is.
	 */
	private static BigDecimal shortest(double value) {
		BigDecimal bound = new BigDecimal(Double.toString(value));
		int p = bound.stripTrailingZeros().precision();
		while (p > 1 && readsBack(bound, p - 1, value)) {
			p--;
		}
		BigDecimal shortest = closest(new BigDecimal(value), p, value);
		if (shortest == null) {
			throw new IllegalStateException("No decimal of " + p + " digits reads back as " + value);
		}
		return shortest;
	}

	/**
	 * Whether some decimal of {@code p} digits reads back as {@code value}, given a
	 * longer decimal {@code known} that does: the decimals that read back form an
	 * interval, so if one of p digits does, so does the p-digit neighbour of
	 * {@code known} on its side (cheap to find: {@code known} has at most 17 digits).
	 */
	private static boolean readsBack(BigDecimal known, int p, double value) {
		return Double.parseDouble(known.round(new MathContext(p, RoundingMode.DOWN)).toString()) == value
				|| Double.parseDouble(known.round(new MathContext(p, RoundingMode.UP)).toString()) == value;
	}

	/**
	 * Of the two p-digit decimals around {@code exact}, the one that reads back as
	 * {@code value} (the closer, or the even one, if both do), trailing zeros stripped;
	 * null if neither does.
	 */
	private static BigDecimal closest(BigDecimal exact, int p, double value) {
		BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
		BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
		boolean downOk = Double.parseDouble(down.toString()) == value;
		boolean upOk = Double.parseDouble(up.toString()) == value;
		if (downOk && upOk) {
			int cmp = exact.subtract(down).compareTo(up.subtract(exact));
			if (cmp == 0) {
				return (evenLastDigit(down) ? down : up).stripTrailingZeros();
			}
			return (cmp < 0 ? down : up).stripTrailingZeros();
		}
		if (downOk) {
			return down.stripTrailingZeros();
		}
		if (upOk) {
			return up.stripTrailingZeros();
		}
		return null;
	}

	private static boolean evenLastDigit(BigDecimal d) {
		return !d.unscaledValue().testBit(0);
	}

	private static void write(Object value, StringBuilder out, Object path, int depth) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof Boolean b) {
			out.append(b ? "true" : "false");
		}
		else if (value instanceof String s) {
			string(s, out, path);
		}
		else if (value instanceof Number n) {
			out.append(numberValue(n, path));
		}
		else if (value instanceof Map<?, ?> map) {
			checkDepth(depth, path);
			object(map, out, path, depth);
		}
		else if (value instanceof List<?> list) {
			checkDepth(depth, path);
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out, new Where(path, null, i), depth + 1);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException(path + ": a " + value.getClass().getName() + " is not a JSON value");
		}
	}

	private static void checkDepth(int depth, Object path) {
		if (depth >= MAX_DEPTH) {
			throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	private static void object(Map<?, ?> map, StringBuilder out, Object path, int depth) {
		List<String> names = new ArrayList<>(map.size());
		for (Object key : map.keySet()) {
			if (!(key instanceof String name)) {
				throw new IllegalArgumentException(path + ": member names must be strings, not " + key);
			}
			names.add(name);
		}
		names.sort(null);
		out.append('{');
		boolean first = true;
		for (String name : names) {
			if (!first) {
				out.append(',');
			}
			first = false;
			string(name, out, path);
			out.append(':');
			write(map.get(name), out, new Where(path, name, -1), depth + 1);
		}
		out.append('}');
	}

	private static String numberValue(Number n, Object path) {
		if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
			long v = n.longValue();
			if (v > MAX_EXACT_INTEGER || v < -MAX_EXACT_INTEGER) {
				return beyondExactIntegers(new BigDecimal(v), path);
			}
			return Long.toString(v);
		}
		if (n instanceof BigInteger big) {
			if (big.abs().compareTo(MAX_EXACT) > 0) {
				return beyondExactIntegers(new BigDecimal(big), path);
			}
			return big.toString();
		}
		if (n instanceof Double d) {
			if (d.isNaN() || d.isInfinite()) {
				throw new IllegalArgumentException(path + ": JSON has no " + d);
			}
			return number(d);
		}
		if (n instanceof BigDecimal big) {
			double d = Double.parseDouble(big.toString());
			if (Double.isInfinite(d)) {
				throw new IllegalArgumentException(path + ": " + big + " is beyond the range of a double");
			}
			String text = number(d);
			if (new BigDecimal(text).compareTo(big) != 0) {
				throw new IllegalArgumentException(
						path + ": " + big + " would change to " + text + " (JCS numbers are IEEE-754 doubles)");
			}
			return text;
		}
		throw new IllegalArgumentException(path + ": a " + n.getClass().getName()
				+ " is not accepted; use Long, Double or BigDecimal (see CanonicalJson)");
	}

	/**
	 * An integer beyond ±2^53, accepted only if ECMAScript writes the nearest double as
	 * this very value (as text read back from a canonical form always is).
	 */
	private static String beyondExactIntegers(BigDecimal integer, Object path) {
		double d = integer.doubleValue();
		String text = Double.isInfinite(d) ? null : number(d);
		if (text == null || new BigDecimal(text).compareTo(integer) != 0) {
			throw new IllegalArgumentException(path + ": integer " + integer.toPlainString() + " is beyond ±2^53 and"
					+ (text == null ? " beyond the range of a double"
							: " would change to " + text + " (JCS numbers are IEEE-754 doubles)"));
		}
		return text;
	}

	/** RFC 8785 §3.2.2.2: the escaping of ECMAScript's JSON.stringify. */
	private static void string(String s, StringBuilder out, Object path) {
		out.append('"');
		int plain = 0;
		while (plain < s.length()) {
			char c = s.charAt(plain);
			if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
				break;
			}
			plain++;
		}
		out.append(s, 0, plain);
		for (int i = plain; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
					}
					else if (Character.isHighSurrogate(c) && i + 1 < s.length()
							&& Character.isLowSurrogate(s.charAt(i + 1))) {
						out.append(c).append(s.charAt(++i));
					}
					else if (Character.isSurrogate(c)) {
						throw new IllegalArgumentException(
								path + ": string has a lone surrogate U+" + Integer.toHexString(c).toUpperCase());
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/**
	 * Where in the value being written a member or element is, as a JSON path such as
	 * {@code $.a.b[0]}: made into text only for an error message.
	 */
	private record Where(Object parent, String name, int index) {

		@Override
		public String toString() {
			return this.name != null ? this.parent + "." + this.name : this.parent + "[" + this.index + "]";
		}

	}

}
