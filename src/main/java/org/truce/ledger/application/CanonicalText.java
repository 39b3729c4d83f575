package org.truce.ledger.application;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.model.CanonicalJson;

/**
 * Checks in one streaming pass that a JSON text is exactly in RFC 8785 canonical form,
 * and reads the {@code kind} and {@code subject} members of its top-level object (a
 * ledger entry's document). The verdict is the same as comparing the text with
 * {@link CanonicalJson#serialize} of the parsed value (every number kept exact, integers
 * beyond ±2<sup>53</sup> as decimals), without building the value: members must come in
 * strictly increasing UTF-16 order (so without duplicates), and every token must be
 * written as JCS writes it, with nothing between tokens. Thread safe.
 */
final class CanonicalText {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private CanonicalText() {
	}

	/** The outcome: canonical (with the document's kind and subject) or not, and why. */
	sealed interface Verdict permits Canonical, NotCanonical {

	}

	/**
	 * The text is canonical. {@code object}: whether it is an object; {@code kind}: its
	 * top-level {@code kind} member if that is a string, else null; {@code subject}
	 * likewise, and {@code oddSubject} when the subject is neither a string nor null.
	 */
	record Canonical(boolean object, String kind, String subject, boolean oddSubject) implements Verdict {

	}

	/** The text is not canonical JSON; {@code reason} says where. */
	record NotCanonical(String reason) implements Verdict {

	}

	static Verdict check(String text) {
		Pass pass = new Pass(text);
		try (JsonParser parser = JSON.createParser(text)) {
			pass.parser = parser;
			JsonToken first = parser.nextToken();
			if (first == null) {
				return new NotCanonical("the text is empty");
			}
			pass.value(first, 0);
			if (parser.nextToken() != null) {
				return new NotCanonical("more follows the JSON value");
			}
		}
		catch (JacksonException ex) {
			return new NotCanonical("not JSON: " + ex.getOriginalMessage());
		}
		catch (IllegalArgumentException ex) {
			return new NotCanonical(ex.getMessage());
		}
		String canonical = pass.out.toString();
		if (!canonical.equals(text)) {
			return new NotCanonical(difference(text, canonical));
		}
		return new Canonical(pass.object, pass.kind, pass.subject, pass.oddSubject);
	}

	private static String difference(String actual, String canonical) {
		int i = 0;
		while (i < actual.length() && i < canonical.length() && actual.charAt(i) == canonical.charAt(i)) {
			i++;
		}
		return "it differs from its canonical form at character " + i + ": it has «" + excerpt(actual, i)
				+ "», canonical is «" + excerpt(canonical, i) + "»";
	}

	private static String excerpt(String s, int at) {
		return s.substring(Math.max(0, at - 20), Math.min(s.length(), at + 20));
	}

	/** One pass: the canonical form of the tokens read, built as they come. */
	private static final class Pass {

		final StringBuilder out;

		JsonParser parser;

		boolean object;

		String kind;

		String subject;

		boolean oddSubject;

		Pass(String text) {
			this.out = new StringBuilder(text.length() + 16);
		}

		void value(JsonToken token, int depth) {
			switch (token) {
				case START_OBJECT -> object(depth);
				case START_ARRAY -> array(depth);
				case VALUE_STRING -> string(this.parser.getString());
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
					this.out.append(CanonicalJson.numberFromText(this.parser.getString()));
				case VALUE_TRUE -> this.out.append("true");
				case VALUE_FALSE -> this.out.append("false");
				case VALUE_NULL -> this.out.append("null");
				default -> throw new IllegalArgumentException("unexpected " + token);
			}
		}

		private void object(int depth) {
			checkDepth(depth);
			if (depth == 0) {
				this.object = true;
			}
			this.out.append('{');
			String previous = null;
			JsonToken token;
			while ((token = this.parser.nextToken()) != JsonToken.END_OBJECT) {
				String name = this.parser.currentName();
				if (previous != null) {
					if (previous.compareTo(name) >= 0) {
						throw new IllegalArgumentException("member \"" + name + "\" comes after \"" + previous
								+ "\": canonical members are unique and sorted by UTF-16 code units");
					}
					this.out.append(',');
				}
				string(name);
				this.out.append(':');
				JsonToken value = this.parser.nextToken();
				if (depth == 0 && name.equals("kind") && value == JsonToken.VALUE_STRING) {
					this.kind = this.parser.getString();
				}
				else if (depth == 0 && name.equals("subject")) {
					if (value == JsonToken.VALUE_STRING) {
						this.subject = this.parser.getString();
					}
					else if (value != JsonToken.VALUE_NULL) {
						this.oddSubject = true;
					}
				}
				value(value, depth + 1);
				previous = name;
			}
			this.out.append('}');
		}

		private void array(int depth) {
			checkDepth(depth);
			this.out.append('[');
			JsonToken token;
			boolean first = true;
			while ((token = this.parser.nextToken()) != JsonToken.END_ARRAY) {
				if (!first) {
					this.out.append(',');
				}
				first = false;
				value(token, depth + 1);
			}
			this.out.append(']');
		}

		private void string(String s) {
			CanonicalJson.appendString(s, this.out);
		}

		private static void checkDepth(int depth) {
			if (depth >= CanonicalJson.MAX_DEPTH) {
				throw new IllegalArgumentException("nested deeper than " + CanonicalJson.MAX_DEPTH + " levels");
			}
		}

	}

}
