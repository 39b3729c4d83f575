package org.truce.ledger;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.model.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of JCS over random JSON trees: Jackson, an independent parser, reads the
 * canonical form back as the same tree; the canonical form is a fixed point; members come
 * out sorted by UTF-16 code units; every double survives the round trip.
 */
class CanonicalJsonProperties {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Property(tries = 400)
	void jacksonReadsTheCanonicalFormBackAsTheSameTree(@ForAll("jsonValues") Object value) {
		Object parsed = JSON.readValue(CanonicalJson.serialize(value), Object.class);
		assertThat(normalize(parsed)).isEqualTo(normalize(value));
	}

	@Property(tries = 400)
	void theCanonicalFormIsAFixedPoint(@ForAll("jsonValues") Object value) {
		String canonical = CanonicalJson.serialize(value);
		assertThat(CanonicalJson.serialize(JSON.readValue(canonical, Object.class))).isEqualTo(canonical);
	}

	@Property(tries = 300)
	void membersComeOutSortedByUtf16CodeUnits(@ForAll("objects") Map<String, Object> object) {
		@SuppressWarnings("unchecked")
		Map<String, Object> parsed = JSON.readValue(CanonicalJson.serialize(object), LinkedHashMap.class);
		List<String> names = new ArrayList<>(parsed.keySet());
		List<String> sorted = new ArrayList<>(names);
		sorted.sort(null);
		assertThat(names).isEqualTo(sorted).containsExactlyInAnyOrderElementsOf(object.keySet());
	}

	@Property(tries = 2000)
	void everyFiniteDoubleReadsBackExactly(@ForAll("finiteDoubles") double value) {
		String text = CanonicalJson.number(value);
		assertThat(Double.parseDouble(text)).isEqualTo(value == 0 ? 0.0 : value);
		String digits = text.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "").replaceFirst("^0+", "");
		assertThat(digits.replaceFirst("0+$", "").length()).isLessThanOrEqualTo(17);
	}

	@Provide
	Arbitrary<Object> jsonValues() {
		return value(3);
	}

	@Provide
	Arbitrary<Map<String, Object>> objects() {
		return Arbitraries.maps(strings(), value(1)).ofMaxSize(12);
	}

	@Provide
	Arbitrary<Double> finiteDoubles() {
		Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite);
		Arbitrary<Double> decimals = Arbitraries.doubles().ofScale(6);
		return Arbitraries.oneOf(anyBits, decimals);
	}

	private Arbitrary<Object> value(int depth) {
		Arbitrary<Object> leaf = Arbitraries
			.oneOf(strings().map((s) -> (Object) s),
					Arbitraries.longs().between(-(1L << 53), 1L << 53).map((l) -> (Object) l),
					finiteDoubles().map((d) -> (Object) d), Arbitraries.of(true, false).map((b) -> (Object) b))
			.injectNull(0.1);
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(5).map((l) -> (Object) l);
		Arbitrary<Object> map = Arbitraries.maps(strings(), value(depth - 1)).ofMaxSize(5).map((m) -> (Object) m);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, leaf), net.jqwik.api.Tuple.of(1, list),
				net.jqwik.api.Tuple.of(1, map));
	}

	/**
	 * Strings of any Unicode scalar values, mostly ASCII (control characters included).
	 */
	private Arbitrary<String> strings() {
		Arbitrary<Integer> ascii = Arbitraries.integers().between(0, 0x7f);
		Arbitrary<Integer> bmp = Arbitraries.integers()
			.between(0x80, 0xffff)
			.filter((cp) -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
		Arbitrary<Integer> astral = Arbitraries.integers().between(0x10000, 0x10ffff);
		return Arbitraries
			.frequencyOf(net.jqwik.api.Tuple.of(6, ascii), net.jqwik.api.Tuple.of(2, bmp),
					net.jqwik.api.Tuple.of(1, astral))
			.list()
			.ofMaxSize(8)
			.map((cps) -> cps.stream().map(Character::toString).collect(Collectors.joining()));
	}

	/**
	 * The tree with every number as a double (JCS numbers are IEEE-754 doubles; Jackson
	 * reads integers as Integer, Long or BigInteger) and -0 as 0.
	 */
	private static Object normalize(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> out = new LinkedHashMap<>();
			map.forEach((k, v) -> out.put(k, normalize(v)));
			return out;
		}
		if (value instanceof List<?> list) {
			return list.stream().map(CanonicalJsonProperties::normalize).toList();
		}
		if (value instanceof Number number) {
			double d = (number instanceof BigInteger big) ? big.doubleValue() : number.doubleValue();
			return d == 0 ? 0.0 : d;
		}
		return value;
	}

}
