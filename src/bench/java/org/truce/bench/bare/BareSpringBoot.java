package org.truce.bench.bare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the trivial suite: a bare Spring Boot MVC application, what
 * {@code spring-boot-starter-webmvc} alone would configure (Tomcat, the dispatcher
 * servlet, Spring MVC, Jackson, the error page), with one controller: {@code GET /items}
 * answers a 30-item JSON list, {@code POST /echo} echoes a small JSON object.
 *
 * <p>
 * It runs in the benchmark's JVM beside Truce, so it must not pick up anything of
 * Truce's: it scans no package (its controller is imported by name), imports only the
 * auto-configurations listed here (none of Truce's class path extras: no data source,
 * Flyway, Spring Security, actuator, Thymeleaf or springdoc) and reads no
 * {@code application.properties} (Truce's sets compression, Jackson options and more): it
 * runs on Spring Boot's defaults. Truce's own component scan, which covers this package
 * when the benchmarks are on the class path, skips it and its controller: both are
 * conditional on a property only this application sets.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@ConditionalOnProperty(name = BareSpringBoot.ONLY_HERE, havingValue = "true")
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
		HttpMessageConvertersAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
		DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class,
		HttpEncodingAutoConfiguration.class, MultipartAutoConfiguration.class })
@Import(BareSpringBoot.Endpoints.class)
public class BareSpringBoot {

	/** Set only in the bare application's context. */
	static final String ONLY_HERE = "truce.bench.bare-application";

	/** Starts it on 127.0.0.1 and a free port; see {@link #port}. */
	public static ConfigurableApplicationContext start() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(ONLY_HERE, true);
		properties.put("server.port", 0);
		properties.put("server.address", "127.0.0.1");
		// Not Truce's application.properties: no file at all.
		properties.put("spring.config.location", "optional:classpath:/org/truce/bench/bare/no-config/");
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "error");
		String[] args = properties.entrySet()
			.stream()
			.map(e -> "--" + e.getKey() + "=" + e.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(BareSpringBoot.class).web(WebApplicationType.SERVLET)
			.logStartupInfo(false)
			.run(args);
	}

	public static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/** An item of the list, shaped like one of Truce's event types. */
	public record Item(String code, String label, String category, String categoryCode) {

	}

	/** The small JSON object that {@code POST /echo} takes and gives back. */
	public record Echo(String name, int count, List<String> tags) {

	}

	@RestController
	@ConditionalOnProperty(name = ONLY_HERE, havingValue = "true")
	static class Endpoints {

		private static final List<Item> ITEMS = list();

		/**
		 * The list, copied on each request as Truce maps its event types (from constants)
		 * to views.
		 */
		@GetMapping("/items")
		List<Item> items() {
			List<Item> copy = new ArrayList<>(ITEMS.size());
			for (Item i : ITEMS) {
				copy.add(new Item(i.code(), i.label(), i.category(), i.categoryCode()));
			}
			return copy;
		}

		private static List<Item> list() {
			List<Item> items = new ArrayList<>(30);
			for (int i = 1; i <= 30; i++) {
				items.add(new Item(String.format(Locale.ROOT, "item_%02d", i), "Item number " + i + " of the list",
						"Category " + (i % 6), "category_" + (i % 6)));
			}
			return List.copyOf(items);
		}

		@PostMapping("/echo")
		Echo echo(@RequestBody Echo body) {
			return body;
		}

	}

}
