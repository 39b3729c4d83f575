package org.truce.ledger.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shortcut in {@link CanonicalJson}'s shortest decimal, which starts from
 * {@code Double.toString}, chooses the same decimal as the plain search over every
 * precision.
 */
class ShortestDecimalShortcutProperties {

	@Property(tries = 5000)
	void theShortcutAgreesWithTheFullSearch(@ForAll("positiveFiniteDoubles") double value) {
		assertThat(CanonicalJson.shortest(value)).isEqualTo(CanonicalJson.shortestBySearch(value));
	}

	@Provide
	Arbitrary<Double> positiveFiniteDoubles() {
		Arbitrary<Double> anyBits = Arbitraries.longs()
			.map(Double::longBitsToDouble)
			.filter((d) -> Double.isFinite(d) && d > 0);
		Arbitrary<Double> coordinates = Arbitraries.doubles().between(1e-3, 180).ofScale(6);
		Arbitrary<Double> tiny = Arbitraries.longs().between(1, 1L << 20).map(Double::longBitsToDouble);
		Arbitrary<Double> powers = Arbitraries.integers().between(-300, 300).map((e) -> Math.pow(10, e));
		return Arbitraries.oneOf(anyBits, coordinates, tiny, powers);
	}

}
