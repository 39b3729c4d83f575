package org.truce.ledger.application;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.model.CanonicalJson;
import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline verifier's streaming check of canonical JSON ({@link CanonicalText})
 * against the plain definition: parse the text with Jackson (decimals exact), serialise
 * it with {@link CanonicalJson}, and compare. They must agree on canonical texts and on
 * every small corruption of one; and the fast number path must agree with
 * {@code number(Double.parseDouble(token))}, and the number serialiser with an exhaustive
 * search for the shortest decimal.
 */
class CanonicalTextAgreesWithReserialisingProperties {

	private static final JsonMapper EXACT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	@Property(tries = 500)
	void aCanonicalTextIsCanonical(@ForAll("jsonValues") Object value) {
		String text = CanonicalJson.serialize(value);
		assertThat(CanonicalText.check(text)).isInstanceOf(CanonicalText.Canonical.class);
		assertThat(reference(text)).isTrue();
	}

	@SlowTest
	@Property(tries = 1000)
	void anEditedTextIsCanonicalExactlyWhenReserialisingSaysSo(@ForAll("jsonValues") Object value,
			@ForAll("edits") Edit edit) {
		String text = edit.apply(CanonicalJson.serialize(value));
		boolean streaming = CanonicalText.check(text) instanceof CanonicalText.Canonical;
		assertThat(streaming).as("%s", text).isEqualTo(reference(text));
	}

	@Property(tries = 3000)
	void theFastNumberPathAgreesWithParsingTheDouble(@ForAll("numberTokens") String token) {
		double value = Double.parseDouble(token);
		if (Double.isInfinite(value)) {
			return;
		}
		assertThat(CanonicalJson.numberFromText(token)).as(token).isEqualTo(CanonicalJson.number(value));
	}

	@Property(tries = 3000)
	void theShortestDecimalIsTheOneAnExhaustiveSearchFinds(@ForAll("doubles") double value) {
		if (value == 0 || !Double.isFinite(value)) {
			return;
		}
		BigDecimal written = new BigDecimal(CanonicalJson.number(Math.abs(value)));
		BigDecimal expected = exhaustiveShortest(Math.abs(value));
		assertThat(written.compareTo(expected)).as("%s: %s, expected %s", value, written, expected).isZero();
	}

	@Example
	void theKindAndSubjectOfAnEntryAreRead() {
		CanonicalText.Canonical entry = (CanonicalText.Canonical) CanonicalText
			.check("{\"body\":{\"kind\":\"inner\"},\"kind\":\"report\",\"subject\":\"r-1\"}");
		assertThat(entry.object()).isTrue();
		assertThat(entry.kind()).isEqualTo("report");
		assertThat(entry.subject()).isEqualTo("r-1");
		assertThat(entry.oddSubject()).isFalse();
		assertThat(((CanonicalText.Canonical) CanonicalText.check("{\"kind\":\"x\",\"subject\":7}")).oddSubject())
			.isTrue();
		assertThat(((CanonicalText.Canonical) CanonicalText.check("[1]")).object()).isFalse();
	}

	@Example
	void theReasonSaysWhere() {
		assertThat(((CanonicalText.NotCanonical) CanonicalText.check("{\"b\":1,\"a\":2}")).reason())
			.contains("member \"a\" comes after \"b\"");
		assertThat(((CanonicalText.NotCanonical) CanonicalText.check("{\"a\":1.0}")).reason())
			.contains("at character 6");
		assertThat(((CanonicalText.NotCanonical) CanonicalText.check("{\"a\":")).reason()).startsWith("not JSON");
	}

	// -------------------------------------------------------------- the definition

	private static boolean reference(String text) {
		try {
			return CanonicalJson.serialize(EXACT.readValue(text, Object.class)).equals(text);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** RFC 8785's shortest decimal, by trying every precision from 1 up. */
	private static BigDecimal exhaustiveShortest(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int p = 1; p <= 17; p++) {
			BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
			BigDecimal up = exact.round(new MathContext(p, RoundingMode.UP));
			boolean downOk = Double.parseDouble(down.toString()) == value;
			boolean upOk = Double.parseDouble(up.toString()) == value;
			if (downOk && upOk) {
				int cmp = exact.subtract(down).compareTo(up.subtract(exact));
				return cmp < 0 || (cmp == 0 && !down.unscaledValue().testBit(0)) ? down : up;
			}
			if (downOk || upOk) {
				return downOk ? down : up;
			}
		}
		throw new IllegalStateException();
	}

	// ---------------------------------------------------------------- generators

	/**
	 * One small edit of a text: a character deleted, inserted, replaced, or two swapped.
	 */
	record Edit(int kind, double where, char c) {

		String apply(String text) {
			if (text.isEmpty()) {
				return String.valueOf(this.c);
			}
			int at = (int) (this.where * text.length());
			return switch (this.kind) {
				case 0 -> text.substring(0, at) + text.substring(at + 1);
				case 1 -> text.substring(0, at) + this.c + text.substring(at);
				case 2 -> text.substring(0, at) + this.c + text.substring(at + 1);
				default -> at + 1 < text.length()
						? text.substring(0, at) + text.charAt(at + 1) + text.charAt(at) + text.substring(at + 2) : text;
			};
		}

	}

	@Provide
	Arbitrary<Edit> edits() {
		return net.jqwik.api.Combinators
			.combine(Arbitraries.integers().between(0, 3),
					Arbitraries.integers().between(0, 9_999).map((i) -> i / 10_000.0),
					Arbitraries.of(' ', '0', '1', '9', '.', 'e', 'E', '+', '-', '\\', 'u', '"', ',', ':', '{', '}', '[',
							']', 'a', '\u00e9', '\n', '/'))
			.as(Edit::new);
	}

	@Provide
	Arbitrary<Object> jsonValues() {
		return value(3);
	}

	@Provide
	Arbitrary<String> numberTokens() {
		Arbitrary<String> integers = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(22);
		Arbitrary<String> fractions = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(20);
		Arbitrary<String> exponents = Arbitraries.integers().between(-330, 330).map((e) -> "e" + e);
		return net.jqwik.api.Combinators
			.combine(Arbitraries.of("", "-"), integers, fractions.injectNull(0.4), exponents.injectNull(0.5))
			.as((sign, i, f, e) -> sign + i.replaceFirst("^0+(?=.)", "") + (f == null ? "" : "." + f)
					+ (e == null ? "" : e));
	}

	@Provide
	Arbitrary<Double> doubles() {
		Arbitrary<Double> anyBits = Arbitraries.longs().map(Double::longBitsToDouble);
		Arbitrary<Double> decimals = Arbitraries.doubles().ofScale(8);
		Arbitrary<Double> small = Arbitraries.integers().between(-330, 300).map((e) -> Math.pow(10, e) * 1.2345);
		return Arbitraries.oneOf(anyBits, decimals, small);
	}

	private Arbitrary<Object> value(int depth) {
		Arbitrary<Object> leaf = Arbitraries
			.oneOf(strings().map((s) -> (Object) s),
					Arbitraries.longs().between(-(1L << 53), 1L << 53).map((l) -> (Object) l),
					doubles().filter(Double::isFinite).map((d) -> (Object) d),
					Arbitraries.of(true, false).map((b) -> (Object) b))
			.injectNull(0.1);
		if (depth == 0) {
			return leaf;
		}
		Arbitrary<Object> list = value(depth - 1).list().ofMaxSize(4).map((l) -> (Object) l);
		Arbitrary<Object> map = Arbitraries.maps(strings(), value(depth - 1)).ofMaxSize(4).map((m) -> (Object) m);
		return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, list), Tuple.of(1, map));
	}

	private Arbitrary<String> strings() {
		Arbitrary<Integer> ascii = Arbitraries.integers().between(0, 0x7f);
		Arbitrary<Integer> bmp = Arbitraries.integers()
			.between(0x80, 0xffff)
			.filter((cp) -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE);
		Arbitrary<Integer> astral = Arbitraries.integers().between(0x10000, 0x10ffff);
		return Arbitraries.frequencyOf(Tuple.of(6, ascii), Tuple.of(2, bmp), Tuple.of(1, astral))
			.list()
			.ofMaxSize(6)
			.map((cps) -> cps.stream().map(Character::toString).collect(Collectors.joining()));
	}

}
