package org.truce.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One thing wrong with some input: its stable code, the field (a JSON path such as
 * {@code where.latitude}, or a CSV column) and a sentence for people, kept as a key of
 * the {@code problems} bundle and its arguments so that it can be read in the reader's
 * language ({@link #detail(Locale)}). The code and the field are the same in every
 * language.
 *
 * @param key {@code problem.<CODE>.detail}, or {@code problem.<CODE>.<variant>} for a
 * sentence more precise than the code's
 * @param args the template's arguments ({@code {0}}, {@code {1}}, ...): user data such as
 * field names, values and ids, inserted verbatim
 */
public record Problem(ErrorCode code, String field, String key, List<String> args) {

	public Problem {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(key, "key");
		args = List.copyOf(args);
	}

	/** The code's own sentence, about {@code field}. */
	public static Problem of(ErrorCode code, String field) {
		return with(code, field, field);
	}

	/** The code's own sentence, with these arguments. */
	public static Problem with(ErrorCode code, String field, Object... args) {
		return new Problem(code, field, code.key(), strings(args));
	}

	/** A sentence more precise than the code's: {@code problem.<CODE>.<variant>}. */
	public static Problem keyed(ErrorCode code, String field, String variant, Object... args) {
		return new Problem(code, field, "problem." + code.name() + "." + variant, strings(args));
	}

	/** The same problem, about another field (a CSV column for a JSON path). */
	public Problem about(String otherField) {
		List<String> renamed = this.args.stream().map(a -> a.equals(this.field) ? otherField : a).toList();
		return new Problem(this.code, otherField, this.key, renamed);
	}

	/**
	 * The sentence in English, as the command line, the logs and the import record show
	 * it.
	 */
	public String detail() {
		return detail(Locale.ENGLISH);
	}

	/**
	 * The sentence in {@code locale}'s language (English, Arabic or Russian; English
	 * else).
	 */
	public String detail(Locale locale) {
		return ProblemText.render(this.key, this.args, locale);
	}

	private static List<String> strings(Object[] args) {
		return Arrays.stream(args).map(String::valueOf).toList();
	}

}
