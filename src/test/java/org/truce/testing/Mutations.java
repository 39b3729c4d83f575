package org.truce.testing;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Valid texts made invalid a few edits at a time, for the property tests that feed
 * readers hostile input: each edit deletes, inserts, replaces, duplicates or truncates at
 * a relative position.
 */
public final class Mutations {

	private Mutations() {
	}

	/**
	 * From one to {@code maxEdits} edits, each spanning at most {@code maxLength}
	 * characters, inserting {@code tokens}.
	 */
	public static Arbitrary<Edits> edits(Arbitrary<String> tokens, int maxLength, int maxEdits) {
		Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
		Arbitrary<Integer> length = Arbitraries.integers().between(1, maxLength);
		return Combinators.combine(Arbitraries.integers().between(0, 4), where, length, tokens)
			.as(Edit::new)
			.list()
			.ofMinSize(1)
			.ofMaxSize(maxEdits)
			.map(Edits::new);
	}

	/** Printable ASCII, from one to {@code maxLength} characters. */
	public static Arbitrary<String> printable(int maxLength) {
		return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(maxLength);
	}

	/** Edits applied in order. */
	public record Edits(List<Edit> edits) {

		public String apply(String text) {
			String out = text;
			for (Edit e : this.edits) {
				out = e.apply(out);
			}
			return out;
		}

	}

	/**
	 * One edit at a relative position: delete, insert, replace, duplicate or truncate.
	 */
	record Edit(int kind, double where, int length, String token) {

		String apply(String text) {
			int at = (int) (this.where * text.length());
			int end = Math.min(text.length(), at + this.length);
			return switch (this.kind) {
				case 0 -> text.substring(0, at) + text.substring(end);
				case 1 -> text.substring(0, at) + this.token + text.substring(at);
				case 2 -> text.substring(0, at) + this.token + text.substring(end);
				case 3 -> text.substring(0, end) + text.substring(at, end) + text.substring(end);
				default -> text.substring(0, at);
			};
		}

	}

}
