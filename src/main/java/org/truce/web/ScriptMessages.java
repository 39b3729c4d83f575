package org.truce.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The strings the pages' scripts show ({@code scriptMessages}): every key of
 * {@code messages.properties} that starts with {@value #PREFIX} (without it), and the
 * labels of event types and their categories ({@code eventType.*},
 * {@code eventCategory.*}), in the page's language, as a JSON object the layout puts on
 * {@code <div id="script-messages" data-messages>} at its end, where {@code /js/i18n.js}
 * reads it. No script holds a visible string of its own.
 */
// A @ControllerAdvice without @ModelAttribute methods: nothing runs per request; it is so
// that @WebMvcTest slices, which take advice but not components, have it.
@ControllerAdvice
@ConditionalOnWebApplication
class ScriptMessages implements PageModel {

	static final String PREFIX = "js.";

	/** Keys the scripts share with the templates, kept whole. */
	private static final List<String> SHARED = List.of("eventType.", "eventCategory.");

	private final MessageSource messages;

	private final JsonMapper json;

	private final Map<String, String> written = new ConcurrentHashMap<>();

	ScriptMessages(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	@Override
	public String attribute() {
		return "scriptMessages";
	}

	@Override
	public String value(HttpServletRequest request) {
		Locale language = Languages.of(request).locale();
		return this.written.computeIfAbsent(language.toLanguageTag(), tag -> write(language));
	}

	private String write(Locale language) {
		Map<String, String> strings = new TreeMap<>();
		for (String key : keys()) {
			String name = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : key;
			strings.put(name, this.messages.getMessage(key, null, language));
		}
		return this.json.writeValueAsString(strings);
	}

	private static Iterable<String> keys() {
		Properties english = new Properties();
		try (InputStream in = new ClassPathResource("messages.properties").getInputStream()) {
			english.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return english.stringPropertyNames()
			.stream()
			.filter(k -> k.startsWith(PREFIX) || SHARED.stream().anyMatch(k::startsWith))
			.sorted()
			.toList();
	}

}
