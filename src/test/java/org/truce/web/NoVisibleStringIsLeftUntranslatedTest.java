package org.truce.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No page shows a string that is not in {@code messages*.properties}: every template is
 * parsed (with Thymeleaf's own parser) and any text a reader would see, or an attribute a
 * reader or a screen reader is given ({@code title}, {@code placeholder},
 * {@code aria-label}, {@code alt}, {@code label}), that holds letters is a failure unless
 * Thymeleaf replaces it ({@code th:text}, {@code th:utext}, {@code th:replace},
 * {@code th:insert}, or {@code th:title} and the like). Only the brand is allowed as it
 * is. And every script's visible string comes from the page ({@code TruceI18n.t}).
 */
class NoVisibleStringIsLeftUntranslatedTest {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	/** Words shown as they are in every language. */
	static final Set<String> VERBATIM = Set.of("Truce", "bulletin.json", "OCHA", "https://");

	/**
	 * Templates not translated yet, each named: the bulletin document (bulletin.html and
	 * the PDF printed from it by {@code truce bulletin}, shown within /statistics too) is
	 * rendered by its own engine, outside a request, and stays in English for now
	 * (docs/languages.md).
	 */
	static final Set<String> NOT_YET_TRANSLATED = Set.of("bulletins/bulletin.html");

	static final Set<String> CHECKED_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt", "label");

	static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern ENTITY = Pattern.compile("&[A-Za-z]+;|&#x?[0-9A-Fa-f]+;");

	/**
	 * Not words: a path of this app ({@code /ledger/checkpoint}), an example id in hex.
	 */
	private static final Pattern NOT_WORDS = Pattern.compile("(^|\\s|\\()/[A-Za-z0-9/._-]+|\\b[0-9a-f]{8}\\b");

	@Test
	void everyTemplatesVisibleTextIsAMessage() throws IOException {
		List<String> untranslated = new ArrayList<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
		}
		assertThat(templates).hasSizeGreaterThan(20);
		for (Path template : templates) {
			if (!NOT_YET_TRANSLATED.contains(TEMPLATES.relativize(template).toString().replace('\\', '/'))) {
				untranslated.addAll(untranslated(template));
			}
		}
		assertThat(untranslated).as("visible strings not taken from messages*.properties").isEmpty();
	}

	/**
	 * Where a script puts a string literal before a reader: it must come from i18n.js.
	 */
	static final Pattern SCRIPT_SHOWS_A_LITERAL = Pattern
		.compile("(textContent|title|placeholder|innerText)\\s*=\\s*'[^']*\\p{L}"
				+ "|(createTextNode|bindTooltip|showError|fail|overlay|new Failure)\\(\\s*'[^']*\\p{L}"
				+ "|(setVerdict|step)\\('[^']*',\\s*'[^']*\\p{L}|show\\([^,]+,[^,]+,\\s*'[^']*\\p{L}"
				+ "|\\bname:\\s*'[A-Z][a-z]+\\s");

	@Test
	void everyScriptTakesItsVisibleStringsFromThePage() throws IOException {
		List<String> literal = new ArrayList<>();
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static/js"))) {
			for (Path script : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
				List<String> lines = Files.readAllLines(script, StandardCharsets.UTF_8);
				for (int i = 0; i < lines.size(); i++) {
					if (SCRIPT_SHOWS_A_LITERAL.matcher(lines.get(i)).find()) {
						literal.add(script.getFileName() + ":" + (i + 1) + " " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(literal).as("strings a script shows that are not from messages*.properties").isEmpty();
		assertThat(SCRIPT_SHOWS_A_LITERAL.matcher("status.textContent = 'Reconnecting…';").find()).isTrue();
		assertThat(SCRIPT_SHOWS_A_LITERAL.matcher("step('ok', 'The checkpoint is of this log');").find()).isTrue();
		assertThat(SCRIPT_SHOWS_A_LITERAL.matcher("name: 'Besieged and hard-to-reach areas',").find()).isTrue();
		assertThat(SCRIPT_SHOWS_A_LITERAL.matcher("status.textContent = t('alerts.reconnecting');").find()).isFalse();
		assertThat(SCRIPT_SHOWS_A_LITERAL.matcher("{ name: 'Ed25519' }").find()).isFalse();
	}

	@Test
	void theCheckFindsAHardCodedLabelAndLetsAMessageThrough() throws Exception {
		assertThat(untranslated("t", "<p>Hello <b th:text=\"#{a}\">x</b></p>")).containsExactly("t:1 text 'Hello'");
		assertThat(untranslated("t", "<input placeholder=\"Name\"><span title=\"x\" th:title=\"#{a}\"></span>"))
			.containsExactly("t:1 placeholder='Name'");
		assertThat(untranslated("t",
				"<h1>Truce <span th:text=\"#{b}\">sub</span></h1><!-- a comment -->"
						+ "<time th:replace=\"~{f :: g}\">at</time><script>var a = 'x';</script>"
						+ "(<a href=\"/x\">/ledger/checkpoint</a>)<input placeholder=\"0190f5c2-…\">"))
			.isEmpty();
	}

	static List<String> untranslated(Path template) throws IOException {
		String name = TEMPLATES.relativize(template).toString();
		try {
			return untranslated(name, Files.readString(template, StandardCharsets.UTF_8));
		}
		catch (ParseException ex) {
			throw new IllegalStateException(name, ex);
		}
	}

	static List<String> untranslated(String name, String markup) throws ParseException {
		Finder finder = new Finder(name);
		new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(new StringReader(markup), finder);
		return finder.found;
	}

	static boolean visible(String text) {
		String rest = NOT_WORDS.matcher(ENTITY.matcher(text).replaceAll(" ")).replaceAll(" ");
		for (String word : VERBATIM) {
			rest = rest.replace(word, " ");
		}
		return LETTER.matcher(rest).find();
	}

	/**
	 * Walks a template, keeping for each open element whether its content is replaced.
	 */
	static final class Finder extends AbstractMarkupHandler {

		final String name;

		final List<String> found = new ArrayList<>();

		/** For each open element: whether what it holds is not shown as written. */
		final Deque<Boolean> hidden = new ArrayDeque<>();

		String element;

		final List<String[]> attributes = new ArrayList<>();

		Finder(String name) {
			this.name = name;
		}

		private boolean inHidden() {
			return this.hidden.contains(Boolean.TRUE);
		}

		@Override
		public void handleOpenElementStart(char[] buffer, int offset, int len, int line, int col) {
			start(new String(buffer, offset, len));
		}

		@Override
		public void handleStandaloneElementStart(char[] buffer, int offset, int len, boolean minimized, int line,
				int col) {
			start(new String(buffer, offset, len));
		}

		private void start(String element) {
			this.element = element.toLowerCase(java.util.Locale.ROOT);
			this.attributes.clear();
		}

		@Override
		public void handleAttribute(char[] buffer, int nameOffset, int nameLen, int nameLine, int nameCol,
				int operatorOffset, int operatorLen, int operatorLine, int operatorCol, int valueContentOffset,
				int valueContentLen, int valueOuterOffset, int valueOuterLen, int valueLine, int valueCol) {
			this.attributes.add(new String[] { new String(buffer, nameOffset, nameLen),
					new String(buffer, valueContentOffset, valueContentLen), String.valueOf(nameLine) });
		}

		@Override
		public void handleOpenElementEnd(char[] buffer, int offset, int len, int line, int col) {
			boolean replaced = checkAttributes();
			this.hidden.push(replaced || "script".equals(this.element) || "style".equals(this.element));
		}

		@Override
		public void handleStandaloneElementEnd(char[] buffer, int offset, int len, boolean minimized, int line,
				int col) {
			checkAttributes();
		}

		@Override
		public void handleCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
			if (!this.hidden.isEmpty()) {
				this.hidden.pop();
			}
		}

		@Override
		public void handleAutoCloseElementEnd(char[] buffer, int offset, int len, int line, int col) {
			handleCloseElementEnd(buffer, offset, len, line, col);
		}

		/**
		 * Reports attributes shown as written; true when the element's content is
		 * replaced.
		 */
		private boolean checkAttributes() {
			boolean replaced = false;
			Set<String> names = new java.util.HashSet<>();
			for (String[] a : this.attributes) {
				names.add(a[0]);
			}
			for (String[] a : this.attributes) {
				// The page's own <html th:replace="~{layout :: page(…)}"> hands its parts
				// to the
				// layout, which shows them.
				if (REPLACING.contains(a[0]) && !"html".equals(this.element)) {
					replaced = true;
				}
			}
			if (!inHidden()) {
				for (String[] a : this.attributes) {
					if (CHECKED_ATTRIBUTES.contains(a[0]) && !names.contains("th:" + a[0]) && visible(a[1])) {
						this.found.add(this.name + ":" + a[2] + " " + a[0] + "='" + a[1] + "'");
					}
				}
			}
			return replaced;
		}

		@Override
		public void handleText(char[] buffer, int offset, int len, int line, int col) {
			String text = new String(buffer, offset, len);
			if (!inHidden() && visible(text)) {
				this.found.add(this.name + ":" + line + " text '" + text.strip().replaceAll("\\s+", " ") + "'");
			}
		}

	}

}
