package org.truce.bulletin.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;
import org.truce.bulletin.application.BulletinFiles;
import org.truce.bulletin.model.Bulletin;

/**
 * A bulletin as documents for people: {@code bulletin.html} (template
 * {@code templates/bulletins/bulletin.html}: one self-contained file, CSS and SVG charts
 * inline, no script) and {@code bulletin.pdf}, the same HTML printed by
 * {@link BulletinPdf}, which {@code truce bulletin} writes next to {@code bulletin.json}
 * (a {@link BulletinFiles.Writer}). The template engine is the component's own, so that
 * the command line renders exactly what a server would, web application or not.
 * Thread-safe.
 */
@Component
public class BulletinDocuments implements BulletinFiles.Writer {

	/** The file names written next to {@code bulletin.json}. */
	public static final String HTML = "bulletin.html";

	public static final String PDF = "bulletin.pdf";

	private static final SpringTemplateEngine ENGINE = engine();

	private final BulletinBackdrop backdrop;

	public BulletinDocuments(BulletinBackdrop backdrop) {
		this.backdrop = backdrop;
	}

	/** The charts of {@code bulletin}, over the scenario's outlines. */
	public BulletinCharts charts(Bulletin bulletin, String idPrefix) {
		return BulletinCharts.of(bulletin, this.backdrop.backdrop(), idPrefix);
	}

	/** The HTML document. */
	public String html(Bulletin bulletin) {
		return html(bulletin, this.backdrop.backdrop());
	}

	/** The PDF document, printed from {@link #html(Bulletin)}. */
	public byte[] pdf(Bulletin bulletin) {
		return BulletinPdf.of(html(bulletin));
	}

	/**
	 * Writes {@link #HTML} and {@link #PDF} into {@code dir}, which exists, next to
	 * {@code bulletin.json} ({@code truce bulletin --out DIR}).
	 */
	@Override
	public List<Path> write(Bulletin bulletin, String json, Path dir) throws IOException {
		String html = html(bulletin);
		Path page = dir.resolve(HTML);
		Path pdf = dir.resolve(PDF);
		Files.writeString(page, html, StandardCharsets.UTF_8);
		Files.write(pdf, BulletinPdf.of(html));
		return List.of(page, pdf);
	}

	static String html(Bulletin bulletin, SvgCharts.Backdrop backdrop) {
		Context context = new Context(Locale.ROOT);
		context.setVariable("b", bulletin);
		context.setVariable("charts", BulletinCharts.of(bulletin, backdrop, ""));
		context.setVariable("labels", Labels.INSTANCE);
		return ENGINE.process("bulletins/bulletin", context);
	}

	private static SpringTemplateEngine engine() {
		var resolver = new ClassLoaderTemplateResolver(BulletinDocuments.class.getClassLoader());
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		var engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		return engine;
	}

	/**
	 * How the documents name the bulletin's tables, columns and measures; which tables
	 * they leave to the charts and the CSV files.
	 */
	public static final class Labels {

		static final Labels INSTANCE = new Labels();

		private static final Map<String, String> TABLES = Map.ofEntries(Map.entry("by_zone", "By zone"),
				Map.entry("by_party", "By party"), Map.entry("by_event_type", "By event type"),
				Map.entry("by_weapon_class", "By weapon class"),
				Map.entry("previous_period", "Against the previous period"),
				Map.entry("compliance_clock", "Compliance clock"),
				Map.entry("rfis_by_party", "Requests for information, by party asked"),
				Map.entry("notifications_by_party", "Humanitarian notifications, by party"),
				Map.entry("alerts", "Proximity alerts"), Map.entry("access_by_party", "Access requests, by party"),
				Map.entry("access_outcomes", "Access requests, by outcome"));

		/**
		 * Shown elsewhere: by outcome and the comparison in the summary, the daily counts
		 * in the charts (whose descriptions give them in words), the incidents in
		 * incidents.csv.
		 */
		private static final Set<String> HIDDEN = Set.of("by_outcome", "previous_period", "daily", "daily_by_party",
				"incidents");

		public boolean hidden(String table) {
			return HIDDEN.contains(table);
		}

		public String table(String name) {
			return TABLES.getOrDefault(name, name.replace('_', ' '));
		}

		public String column(String name) {
			String words = name.replace('_', ' ');
			return Character.toUpperCase(words.charAt(0)) + words.substring(1);
		}

		public String measure(String measure) {
			return switch (measure) {
				case "NOT_ASSESSED" -> "Not assessed";
				case "TOTAL" -> "Total";
				default -> SvgCharts.outcomeLabel(measure);
			};
		}

		public boolean numeric(Object value) {
			return value instanceof Number;
		}

	}

}
