package org.truce.ledger;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.model.CanonicalJson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * JCS (RFC 8785) against the cases in {@code src/test/resources/ledger/jcs}: the RFC's
 * own examples, cases written from its rules, its number samples, and numbers printed by
 * an ECMAScript engine.
 */
class CanonicalJsonTest {

	private static final Path CASES = Path.of("src/test/resources/ledger/jcs");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TestFactory
	Stream<DynamicTest> everyCaseFileCanonicalisesToItsExpectedBytes() throws IOException {
		List<Path> inputs;
		try (Stream<Path> files = Files.list(CASES)) {
			inputs = files.filter((p) -> p.getFileName().toString().endsWith(".input.json")).sorted().toList();
		}
		assertThat(inputs).hasSizeGreaterThanOrEqualTo(5);
		return inputs.stream().map((input) -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
			Object value = JSON.readValue(Files.readString(input, StandardCharsets.UTF_8), Object.class);
			Path expectedFile = input.resolveSibling(input.getFileName().toString().replace(".input.", ".expected."));
			byte[] expected = Files.readAllBytes(expectedFile);
			if (expected.length > 0 && expected[expected.length - 1] == '\n') {
				expected = java.util.Arrays.copyOf(expected, expected.length - 1);
			}
			assertThat(new String(CanonicalJson.utf8(value), StandardCharsets.UTF_8))
				.isEqualTo(new String(expected, StandardCharsets.UTF_8));
			assertThat(CanonicalJson.utf8(value)).isEqualTo(expected);
		}));
	}

	@TestFactory
	Stream<DynamicTest> theNumberSamplesOfRfc8785AppendixB() throws IOException {
		return numberLines("rfc8785-numbers.txt").stream().map((line) -> DynamicTest.dynamicTest(line, () -> {
			String[] parts = line.split(" ");
			double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
			if (parts[1].equals("!error")) {
				assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(value));
			}
			else {
				assertThat(CanonicalJson.serialize(value)).isEqualTo(parts[1]);
			}
		}));
	}

	@Test
	void numbersAreWrittenAsAnEcmaScriptEnginePrintsThem() throws IOException {
		List<String> lines = numberLines("ecmascript-numbers.txt");
		assertThat(lines).hasSizeGreaterThan(1000);
		List<String> wrong = new ArrayList<>();
		for (String line : lines) {
			String[] parts = line.split(" ");
			double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
			String ours = CanonicalJson.number(value);
			if (!ours.equals(parts[1])) {
				wrong.add(parts[0] + ": expected " + parts[1] + ", got " + ours);
			}
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void integersAreAcceptedUpToTwoToThe53AndBeyondOnlyAsEcmaScriptWritesThem() {
		assertThat(CanonicalJson
			.serialize(List.of(1L << 53, -(1L << 53), 42, (short) 7, (byte) -1, BigInteger.ONE.shiftLeft(53))))
			.isEqualTo("[9007199254740992,-9007199254740992,42,7,-1,9007199254740992]");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize((1L << 53) + 1));
		// The canonical text of a large double reads back as an integer; it must
		// serialise to itself.
		assertThat(CanonicalJson.serialize(new BigInteger("-999999999999999900000")))
			.isEqualTo("-999999999999999900000");
		assertThat(CanonicalJson.serialize(List.of(471447446768098940L, -471447446768098940L,
				new BigInteger("1152921504606847000"), BigInteger.TEN.pow(22))))
			.as("integers beyond 2^53 that ECMAScript writes as themselves")
			.isEqualTo("[471447446768098940,-471447446768098940,1152921504606847000,1e+22]");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(BigInteger.ONE.shiftLeft(60)))
			.withMessageContaining("would change to 1152921504606847000");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(Long.MIN_VALUE));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CanonicalJson.serialize(BigInteger.ONE.shiftLeft(53).add(BigInteger.ONE).negate()));
	}

	@Test
	void decimalsAreAcceptedOnlyWhenADoubleKeepsTheirValue() {
		assertThat(CanonicalJson.serialize(List.of(new BigDecimal("4.50"), new BigDecimal("1E+30"),
				new BigDecimal("0.1"), new BigDecimal("-0.000001"), new BigDecimal("0"))))
			.isEqualTo("[4.5,1e+30,0.1,-0.000001,0]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CanonicalJson.serialize(new BigDecimal("0.30000000000000001")))
			.withMessageContaining("would change to 0.3");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CanonicalJson.serialize(new BigDecimal("12345678901234567890")));
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(new BigDecimal("1E+400")));
	}

	@Test
	void nonFiniteAndUnlistedNumberTypesAreRejected() {
		for (Object value : List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1.5f,
				new java.util.concurrent.atomic.AtomicLong(1))) {
			assertThatIllegalArgumentException().as("%s", value).isThrownBy(() -> CanonicalJson.serialize(value));
		}
	}

	@Test
	void loneSurrogatesAreRejectedInValuesAndNames() {
		for (String bad : List.of("\ud83d", "a\ude00b", "\ude00\ud83d", "x\ud83d")) {
			assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(bad))
				.withMessageContaining("lone surrogate");
			assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(Map.of(bad, 1)));
		}
		assertThat(CanonicalJson.utf8("\ud83d\ude00")).hasSize(2 + 4);
	}

	@Test
	void onlyStringNamesAndJsonValuesAreAccepted() {
		Map<Object, Object> numericKey = new LinkedHashMap<>();
		numericKey.put(1, "one");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(numericKey));
		Map<Object, Object> nullKey = new LinkedHashMap<>();
		nullKey.put(null, "none");
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(nullKey));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CanonicalJson.serialize(Map.of("when", List.of(Instant.EPOCH))))
			.withMessageContaining("$.when[0]");
	}

	@Test
	void nestingBeyondTheLimitIsRejectedNotAStackOverflow() {
		Object deep = "leaf";
		for (int i = 0; i < CanonicalJson.MAX_DEPTH; i++) {
			deep = List.of(deep);
		}
		assertThat(CanonicalJson.serialize(deep))
			.isEqualTo("[".repeat(CanonicalJson.MAX_DEPTH) + "\"leaf\"" + "]".repeat(CanonicalJson.MAX_DEPTH));
		Object deeper = List.of(deep);
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(deeper))
			.withMessageContaining("nested deeper");
		List<Object> cycle = new ArrayList<>();
		cycle.add(cycle);
		assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.serialize(cycle));
	}

	private static List<String> numberLines(String file) throws IOException {
		return Files.readAllLines(CASES.resolve(file), StandardCharsets.UTF_8)
			.stream()
			.filter((l) -> !l.isBlank() && !l.startsWith("#"))
			.toList();
	}

}
