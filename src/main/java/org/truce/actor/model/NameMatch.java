package org.truce.actor.model;

import java.util.Objects;

/**
 * Which of the registry's names a reported name was matched to, and how: every resolution
 * says why it chose its actor (or actors, when ambiguous).
 *
 * @param how how the names met
 * @param name the registered name (an id, a name in one script, or an alias) that the
 * reported name was matched to
 * @param script the script of {@code name}: {@code Latin}, {@code Arabic},
 * {@code Cyrillic} or {@code Other}
 * @param key the key both names fold to: a {@link NameKey}, or for
 * {@link How#TRANSLITERATION} a {@link TransliterationKey}
 */
public record NameMatch(How how, String name, String script, String key) {

	public NameMatch {
		Objects.requireNonNull(how, "how");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(script, "script");
		Objects.requireNonNull(key, "key");
	}

	static NameMatch of(How how, String name, String key) {
		return new NameMatch(how, name, scriptOf(name), key);
	}

	/**
	 * One sentence for a person: which name was matched, and through what.
	 */
	public String describe(String asReported) {
		return switch (this.how) {
			case ID -> "'" + asReported + "' is the actor's id.";
			case NAME -> "'" + asReported + "' matches the actor's " + this.script + " name '" + this.name + "'.";
			case ALIAS -> "'" + asReported + "' matches the actor's alias '" + this.name + "'.";
			case TRANSLITERATION ->
				"'" + asReported + "' matches no registered name as written; transliterated, it" + " shares the key '"
						+ this.key + "' with the actor's registered " + this.script + " spelling '" + this.name + "'.";
		};
	}

	/**
	 * The script of a name's letters: the one script all its letters share, else
	 * {@code Other}.
	 */
	public static String scriptOf(String name) {
		Character.UnicodeScript found = null;
		for (int i = 0; i < name.length();) {
			int c = name.codePointAt(i);
			i += Character.charCount(c);
			if (!Character.isLetter(c)) {
				continue;
			}
			Character.UnicodeScript script = Character.UnicodeScript.of(c);
			if (found != null && script != found) {
				return "Other";
			}
			found = script;
		}
		if (found == null) {
			return "Other";
		}
		return switch (found) {
			case LATIN -> "Latin";
			case ARABIC -> "Arabic";
			case CYRILLIC -> "Cyrillic";
			default -> "Other";
		};
	}

	/** How a reported name met a registered one. */
	public enum How {

		/** The reported name is the actor's id. */
		ID,
		/** It has the {@link NameKey} of one of the actor's names (in any script). */
		NAME,
		/** It has the {@link NameKey} of one of the actor's aliases. */
		ALIAS,
		/**
		 * No registered name has its {@code NameKey}, but it has the
		 * {@link TransliterationKey} of one of the actor's names or aliases.
		 */
		TRANSLITERATION

	}

}
