package org.truce.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import org.truce.ledger.model.Disclosure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A salted commitment opens to its own disclosure and to nothing one character away: not
 * with a value changed in one character of one of its strings, not with a salt changed in
 * one character, and not against a commitment changed in one digit. Two disclosures of
 * one value under fresh salts commit differently.
 */
class SaltedCommitmentsProperties {

	private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	@Property(tries = 300)
	void aDisclosureOpensItsOwnCommitment(@ForAll("groups") Map<String, Object> value) {
		Disclosure disclosure = Disclosure.create("event", value);
		assertThat(disclosure.commitment()).matches("[0-9a-f]{64}");
		assertThat(disclosure.verify(disclosure.commitment())).isTrue();
		Disclosure again = new Disclosure("event", disclosure.salt(), disclosure.value());
		assertThat(again.verify(disclosure.commitment())).isTrue();
		assertThat(again).isEqualTo(disclosure);
	}

	@Property(tries = 300)
	void aValueChangedInOneCharacterDoesNotOpenIt(@ForAll("groups") Map<String, Object> value,
			@ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll @IntRange(min = 1, max = 0xfffe) int delta) {
		Disclosure disclosure = Disclosure.create("source", value);
		Map<String, Object> changed = withOneCharacterChanged(value, which, delta);
		Disclosure forged = new Disclosure("source", disclosure.salt(), changed);
		assertThat(forged.canonicalValue()).isNotEqualTo(disclosure.canonicalValue());
		assertThat(forged.verify(disclosure.commitment())).isFalse();
	}

	@Property(tries = 300)
	void aSaltChangedInOneCharacterDoesNotOpenIt(@ForAll("groups") Map<String, Object> value,
			@ForAll @IntRange(min = 0, max = 21) int at, @ForAll @IntRange(min = 1, max = 63) int shift) {
		Disclosure disclosure = Disclosure.create("location", value);
		String salt = disclosure.salt();
		assertThat(salt).hasSize(22);
		char other = BASE64URL.charAt((BASE64URL.indexOf(salt.charAt(at)) + shift) % BASE64URL.length());
		String changed = salt.substring(0, at) + other + salt.substring(at + 1);
		assertThat(new Disclosure("location", changed, value).verify(disclosure.commitment())).isFalse();
	}

	@Property(tries = 300)
	void aCommitmentChangedInOneDigitIsNotOpened(@ForAll("groups") Map<String, Object> value,
			@ForAll @IntRange(min = 0, max = 63) int at, @ForAll @IntRange(min = 1, max = 15) int shift) {
		Disclosure disclosure = Disclosure.create("event", value);
		String hex = disclosure.commitment();
		String digits = "0123456789abcdef";
		char other = digits.charAt((digits.indexOf(hex.charAt(at)) + shift) % 16);
		assertThat(disclosure.verify(hex.substring(0, at) + other + hex.substring(at + 1))).isFalse();
	}

	@Property(tries = 200)
	void freshSaltsHideThatTwoValuesAreEqual(@ForAll("groups") Map<String, Object> value) {
		Disclosure one = Disclosure.create("source", value);
		Disclosure two = Disclosure.create("source", value);
		assertThat(one.salt()).isNotEqualTo(two.salt());
		assertThat(one.commitment()).isNotEqualTo(two.commitment());
		assertThat(one.verify(two.commitment())).isFalse();
	}

	/**
	 * Report-like groups: string fields (the ones a reader would guess, such as a source
	 * id), numbers, booleans, nulls and a list of strings.
	 */
	@Provide
	Arbitrary<Map<String, Object>> groups() {
		Arbitrary<String> names = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12);
		Arbitrary<Object> leaves = Arbitraries.oneOf(
				Arbitraries.strings()
					.withCharRange(' ', '\u024f')
					.ofMinLength(1)
					.ofMaxLength(30)
					.map((s) -> (Object) s),
				Arbitraries.doubles().between(-180, 180).ofScale(4).map((d) -> (Object) d),
				Arbitraries.longs().between(0, 1_000_000).map((l) -> (Object) l),
				Arbitraries.of(true, false).map((b) -> (Object) b), Arbitraries.just(null),
				Arbitraries.strings()
					.alpha()
					.ofMinLength(1)
					.ofMaxLength(8)
					.list()
					.ofMinSize(1)
					.ofMaxSize(4)
					.map((l) -> (Object) l));
		return Arbitraries.maps(names, leaves)
			.ofMinSize(1)
			.ofMaxSize(8)
			.filter((m) -> m.values().stream().anyMatch(SaltedCommitmentsProperties::hasString));
	}

	private static boolean hasString(Object value) {
		return value instanceof String || (value instanceof List<?> list && !list.isEmpty());
	}

	/**
	 * The value with one character of one of its strings (the {@code which}-th, counting
	 * round) moved {@code delta} code points away, skipping surrogates.
	 */
	private static Map<String, Object> withOneCharacterChanged(Map<String, Object> value, int which, int delta) {
		List<String> paths = new ArrayList<>();
		value.forEach((name, v) -> {
			if (v instanceof String s) {
				for (int i = 0; i < s.length(); i++) {
					paths.add(name + "/" + i);
				}
			}
			else if (v instanceof List<?> list) {
				for (int j = 0; j < list.size(); j++) {
					for (int i = 0; i < ((String) list.get(j)).length(); i++) {
						paths.add(name + "/" + j + "/" + i);
					}
				}
			}
		});
		Assume.that(!paths.isEmpty());
		String[] path = paths.get(which % paths.size()).split("/");
		Map<String, Object> changed = new LinkedHashMap<>(value);
		if (path.length == 2) {
			changed.put(path[0], change((String) value.get(path[0]), Integer.parseInt(path[1]), delta));
		}
		else {
			List<Object> list = new ArrayList<>((List<?>) value.get(path[0]));
			int j = Integer.parseInt(path[1]);
			list.set(j, change((String) list.get(j), Integer.parseInt(path[2]), delta));
			changed.put(path[0], list);
		}
		return changed;
	}

	private static String change(String s, int at, int delta) {
		int c = (s.charAt(at) + delta) % 0xffff;
		if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
			c = c - Character.MIN_SURROGATE + 0xe000;
		}
		if (c == s.charAt(at)) {
			c = c == 'a' ? 'b' : 'a';
		}
		return s.substring(0, at) + (char) c + s.substring(at + 1);
	}

}
