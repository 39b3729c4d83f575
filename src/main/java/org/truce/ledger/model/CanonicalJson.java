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
 * {@link BigInteger}; beyond ±2<sup>53</sup> only those an IEEE-754 double (what a JCS
 * number is) holds exactly, such as {@code 999999999999999900000}, the canonical form of
 * the double nearest 1e21 less a little; others would silently change and are
 * rejected;</li>
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
		BigDecimal shortest = shortest(value);
		String s = shortest.unscaledValue().toString();
		int k = s.length();
		int n = k - shortest.scale();
		StringBuilder out = new StringBuilder(24);
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
	 * before JDK 19 (JDK-4511638). For each precision p, the candidates are the p-digit
	 * decimals just below and just above the exact value: the set of decimals that read
	 * back as {@code value} is an interval around it, so if any p-digit decimal is in it,
	 * one of these two is.
	 *
	 * <p>
	 * A first guess saves most of the search: {@code Double.toString} always reads back,
	 * so the shortest has at most its p significant digits. A decimal of fewer than p - 1
	 * digits is also one of p - 1 digits (padded with zeros), so when no (p - 1)-digit
	 * decimal reads back, the shortest has exactly p digits and is chosen among the
	 * p-digit candidates as the full search would. Otherwise the full search runs.
	 */
	static BigDecimal shortest(double value) {
		BigDecimal exact = new BigDecimal(value);
		int guess = new BigDecimal(Double.toString(value)).stripTrailingZeros().precision();
		if (guess <= 17 && (guess == 1 || atPrecision(exact, value, guess - 1) == null)) {
			BigDecimal found = atPrecision(exact, value, guess);
			if (found != null) {
				return found;
			}
		}
		return shortestBySearch(value);
	}

	/** {@link #shortest} by trying every precision from 1 up; the reference. */
	static BigDecimal shortestBySearch(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int p = 1; p <= 17; p++) {
			BigDecimal found = atPrecision(exact, value, p);
			if (found != null) {
				return found;
			}
		}
		throw new IllegalStateException("No decimal of 17 digits reads back as " + value);
	}

	/**
	 * The p-digit decimal nearest {@code exact} that reads back as {@code value}, or
	 * null.
	 */
	private static BigDecimal atPrecision(BigDecimal exact, double value, int p) {
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

	private static void write(Object value, StringBuilder out, String path, int depth) {
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
				write(list.get(i), out, path + "[" + i + "]", depth + 1);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException(path + ": a " + value.getClass().getName() + " is not a JSON value");
		}
	}

	private static void checkDepth(int depth, String path) {
		if (depth >= MAX_DEPTH) {
			throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH + " levels");
		}
	}

	private static void object(Map<?, ?> map, StringBuilder out, String path, int depth) {
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
			write(map.get(name), out, path + "." + name, depth + 1);
		}
		out.append('}');
	}

	private static String numberValue(Number n, String path) {
		if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) {
			long v = n.longValue();
			if (v > MAX_EXACT_INTEGER || v < -MAX_EXACT_INTEGER) {
				return numberValue(new BigDecimal(v), path);
			}
			return Long.toString(v);
		}
		if (n instanceof BigInteger big) {
			if (big.abs().compareTo(MAX_EXACT) > 0) {
				return numberValue(new BigDecimal(big), path);
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

	/** RFC 8785 §3.2.2.2: the escaping of ECMAScript's JSON.stringify. */
	private static void string(String s, StringBuilder out, String path) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
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

}
