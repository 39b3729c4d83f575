package org.truce.ledger.model;

import java.math.BigDecimal;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast way of writing a double ({@link FastShortest}, long and 128-bit arithmetic)
 * gives, wherever it answers, exactly the text of the decimal way kept as the reference
 * ({@link CanonicalJson#numberByBigDecimal}), and it does answer for the doubles entries
 * are made of (coordinates, radii, scores of up to 17 digits).
 */
class FastShortestAgreesWithTheDecimalWayProperties {

	@Property(tries = 10_000)
	void anyPositiveFiniteDouble(@ForAll("positiveDoubles") double value) {
		String fast = FastShortest.shortest(value);
		if (fast != null) {
			assertThat(fast).as("%s (bits %x)", value, Double.doubleToRawLongBits(value))
				.isEqualTo(CanonicalJson.numberByBigDecimal(value));
		}
		assertThat(CanonicalJson.number(value)).isEqualTo(CanonicalJson.numberByBigDecimal(value));
	}

	@Property(tries = 10_000)
	void coordinatesAndMeasuresOfEveryLength(@ForAll("everyday") double value) {
		String fast = FastShortest.shortest(value);
		assertThat(fast).as("answered for %s", value).isNotNull();
		assertThat(fast).isEqualTo(CanonicalJson.numberByBigDecimal(value));
	}

	@Example
	void aMillionRandomCoordinates() {
		Random random = new Random(16);
		int answered = 0;
		for (int i = 0; i < 1_000_000; i++) {
			double value = 32 + random.nextDouble() * 10;
			String fast = FastShortest.shortest(value);
			if (fast != null) {
				answered++;
				if (i % 50 == 0) {
					assertThat(fast).as("%s", value).isEqualTo(CanonicalJson.numberByBigDecimal(value));
				}
			}
		}
		assertThat(answered).isEqualTo(1_000_000);
	}

	@Example
	void knownHardCases() {
		double[] values = { 5e-324, Double.MIN_NORMAL, Double.MAX_VALUE, 1e23, 2e23, 9007199254740993.0,
				2.82879384806159e17, 1.0e21, 1.0e-7, 0.1, 0.3, 0.30000000000000004, 123456789012345.67, 4.35, 2.0 / 3,
				Math.PI, Math.E, 1.7976931348623157e308, 4.9e-324, 1e-6, 1.5e-6, 100, 0.5 };
		for (double value : values) {
			String fast = FastShortest.shortest(value);
			if (fast != null) {
				assertThat(fast).as("%s", value).isEqualTo(CanonicalJson.numberByBigDecimal(value));
			}
		}
		assertThat(CanonicalJson.number(2.0 / 3)).isEqualTo("0.6666666666666666");
		assertThat(CanonicalJson.number(0.30000000000000004)).isEqualTo("0.30000000000000004");
		assertThat(FastShortest.shortest(0.30000000000000004)).isEqualTo("0.30000000000000004");
	}

	@Provide
	Arbitrary<Double> positiveDoubles() {
		return Arbitraries.longs()
			.between(1, 0x7fefffffffffffffL)
			.map(Double::longBitsToDouble)
			.filter(d -> d > 0 && Double.isFinite(d));
	}

	@Provide
	Arbitrary<Double> everyday() {
		Arbitrary<Double> anyDigits = Arbitraries.randomValue(r -> 0.001 + r.nextDouble() * 100_000);
		Arbitrary<Double> someDigits = Arbitraries.integers()
			.between(2, 17)
			.flatMap(scale -> Arbitraries.doubles().between(0.01, 10_000).ofScale(scale))
			.filter(d -> d > 0);
		Arbitrary<Double> neighbours = Arbitraries.doubles()
			.between(0.01, 10_000)
			.flatMap(d -> Arbitraries.integers().between(-3, 3).map(k -> {
				double x = d;
				for (int i = 0; i < Math.abs(k); i++) {
					x = k > 0 ? Math.nextUp(x) : Math.nextDown(x);
				}
				return x;
			}));
		return Arbitraries.oneOf(anyDigits, someDigits, neighbours).filter(d -> d > 0 && !isWhole(d));
	}

	private static boolean isWhole(double d) {
		return d == Math.rint(d) && d >= 1 && new BigDecimal(d).scale() <= 0;
	}

}
