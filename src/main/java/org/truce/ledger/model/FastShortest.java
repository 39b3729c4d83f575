package org.truce.ledger.model;

/**
 * {@link CanonicalJson#number} for most doubles without {@link java.math.BigDecimal}: the
 * same decimal (the shortest that reads back; of two such, the closer to the value, then
 * the even one), found with long and 128-bit integer arithmetic. Where a step would not
 * fit in that arithmetic it answers null, and the caller takes the decimal way.
 *
 * <p>
 * It starts, as the decimal way does, from {@link Double#toString}'s digits D (which read
 * back, though before JDK 19 they are not always the shortest nor the closest):
 * <ul>
 * <li>if D has at most 15 significant digits, it is the answer: no two decimals of 15
 * digits or fewer read back as the same double (DBL_DIG = 15), so a shorter one would be
 * D itself with fewer zeros;</li>
 * <li>otherwise, for p = 15, 16, ...: the decimals that read back form an interval around
 * the value that holds D, so one of p digits reads back iff one of D's two p-digit
 * neighbours does. At the first p where one does, the candidates are the two p-digit
 * decimals around the exact value, m·2<sup>e</sup>, which are computed, and compared with
 * it, exactly in 128 bits.</li>
 * </ul>
 * A candidate c·10<sup>q</sup> reads back if converting it gives the value: for c &lt;
 * 2<sup>53</sup> and |q| &le; 22 one IEEE multiplication or division of two exact doubles
 * (correctly rounded, so the same as parsing), else {@link Double#parseDouble}.
 */
final class FastShortest {

	private static final long[] POW10 = new long[19];

	private static final double[] EXACT_POW10 = new double[23];

	static {
		long p = 1;
		for (int i = 0; i < POW10.length; i++) {
			POW10[i] = p;
			p *= 10;
		}
		double d = 1;
		for (int i = 0; i < EXACT_POW10.length; i++) {
			EXACT_POW10[i] = d;
			d *= 10;
		}
	}

	private FastShortest() {
	}

	/**
	 * The canonical text of a positive finite double, or null where this way does not
	 * apply.
	 */
	static String shortest(double value) {
		if (!(value >= Double.MIN_NORMAL) || Double.isInfinite(value)) {
			return null;
		}
		String text = Double.toString(value);
		// Double.toString writes d.ddd or d.dddE[-]n, at most 17 or so digits.
		long digits = 0;
		int count = 0;
		int pointAfter = -1;
		int exponent = 0;
		boolean leading = true;
		int i = 0;
		int length = text.length();
		for (; i < length; i++) {
			char c = text.charAt(i);
			if (c == '.') {
				pointAfter = count;
				continue;
			}
			if (c == 'E') {
				exponent = Integer.parseInt(text, i + 1, length, 10);
				break;
			}
			if (c < '0' || c > '9') {
				return null;
			}
			if (leading && c == '0') {
				if (pointAfter >= 0) {
					// a zero after the point and before any digit: one place lower
					exponent--;
				}
				continue;
			}
			leading = false;
			if (count == 18) {
				return null;
			}
			digits = digits * 10 + (c - '0');
			count++;
		}
		if (count == 0) {
			return null;
		}
		if (pointAfter < 0) {
			pointAfter = count;
		}
		// value = digits · 10^q, with digits' last digit made non-zero
		int q = exponent - (count - pointAfter);
		while (digits % 10 == 0) {
			digits /= 10;
			count--;
			q++;
		}
		if (count <= 15) {
			return layout(digits, count, q);
		}
		long bits = Double.doubleToRawLongBits(value);
		long m = (bits & ((1L << 52) - 1)) | (1L << 52);
		int e = (int) ((bits >>> 52) & 0x7ff) - 1075;
		int zeros = Long.numberOfTrailingZeros(m);
		m >>>= zeros;
		e += zeros;
		if (e >= 0) {
			return null;
		}
		for (int p = 15; p <= count; p++) {
			int drop = count - p;
			int qp = q + drop;
			if (p < count) {
				long down = digits / POW10[drop];
				if (!readsBack(down, qp, value) && !readsBack(down + 1, qp, value)) {
					continue;
				}
			}
			return closest(value, m, -e, qp);
		}
		return null;
	}

	/**
	 * Of the two decimals c·10^q and (c+1)·10^q around the exact value m / 2^shift, the
	 * one that reads back (the closer, then the even one), laid out; null if it does not
	 * fit in this arithmetic.
	 */
	private static String closest(double value, long m, int shift, int q) {
		if (q > 0 || -q >= POW10.length || shift >= 127) {
			return null;
		}
		long scale = POW10[-q];
		// m · 10^-q in 128 bits: c is its quotient by 2^shift, r the remainder
		long hi = Math.multiplyHigh(m, scale);
		long lo = m * scale;
		long c;
		long rHi;
		long rLo;
		if (shift >= 64) {
			int s = shift - 64;
			c = s == 0 ? hi : hi >>> s;
			rHi = s == 0 ? 0 : hi & ((1L << s) - 1);
			rLo = lo;
		}
		else {
			if ((hi >>> shift) != 0) {
				return null;
			}
			c = (hi << (64 - shift)) | (lo >>> shift);
			rHi = 0;
			rLo = lo & ((1L << shift) - 1);
		}
		if (c < 0 || c == Long.MAX_VALUE) {
			return null;
		}
		if (rHi == 0 && rLo == 0) {
			return readsBack(c, q, value) ? strip(c, q) : null;
		}
		boolean downOk = readsBack(c, q, value);
		boolean upOk = readsBack(c + 1, q, value);
		if (downOk && upOk) {
			// compare the remainder with half of 2^shift
			long halfHi = shift - 1 >= 64 ? 1L << (shift - 1 - 64) : 0;
			long halfLo = shift - 1 >= 64 ? 0 : 1L << (shift - 1);
			int cmp = rHi != halfHi ? Long.compareUnsigned(rHi, halfHi) : Long.compareUnsigned(rLo, halfLo);
			if (cmp == 0) {
				return strip((c & 1) == 0 ? c : c + 1, q);
			}
			return strip(cmp < 0 ? c : c + 1, q);
		}
		if (downOk) {
			return strip(c, q);
		}
		if (upOk) {
			return strip(c + 1, q);
		}
		return null;
	}

	/** Whether c·10^q converts to {@code value}. */
	private static boolean readsBack(long c, int q, double value) {
		if (c < (1L << 53) && q >= -22 && q <= 22) {
			return (q >= 0 ? c * EXACT_POW10[q] : c / EXACT_POW10[-q]) == value;
		}
		return Double.parseDouble(c + "E" + q) == value;
	}

	private static String strip(long c, int q) {
		while (c % 10 == 0) {
			c /= 10;
			q++;
		}
		return layout(c, Long.toString(c).length(), q);
	}

	/** ECMAScript's layout of digits·10^q. */
	private static String layout(long digits, int count, int q) {
		return CanonicalJson.format(false, Long.toString(digits), count + q);
	}

}
