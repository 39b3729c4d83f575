package org.truce.bulletin.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The bulletin's charts as SVG text, drawn on the server so that the same chart is in the
 * page, in the HTML file opened from disk and in the PDF, with no script. Each chart is
 * an {@code <svg role="img">} named by its {@code <title>} and described by its
 * {@code <desc>} (which gives the figures in words), has a legend, and tells its series
 * apart by shape, dash and text label as well as by colour (the Okabe-Ito palette, which
 * readers with the common colour blindnesses tell apart). Every text written is escaped
 * as XML. Pure functions: the same figures give the same bytes.
 */
public final class SvgCharts {

	/**
	 * How a series is drawn: its colour, the shape of its markers and its line's dash.
	 */
	public record Style(String colour, Shape shape, String dash) {

	}

	/** A marker's shape. */
	public enum Shape {

		CIRCLE, TRIANGLE, SQUARE, DIAMOND, CROSS

	}

	/** A series: its label and how it is drawn. */
	public record Series(String label, Style style) {

	}

	/** A point of the map: where, and the series it belongs to. */
	public record MapPoint(double lon, double lat, Series series) {

	}

	/**
	 * What the map draws under the points: the area shown ({@code west, south, east,
	 * north}, degrees, WGS 84) and outlines as rings of {@code [lon, lat]} pairs, the
	 * country's drawn thicker than its regions'.
	 */
	public record Backdrop(double west, double south, double east, double north, List<double[][]> country,
			List<double[][]> regions) {

		public Backdrop {
			country = List.copyOf(country);
			regions = List.copyOf(regions);
		}

	}

	/** The outcomes' styles: the most serious drawn warm and as a triangle. */
	public static final Map<String, Style> OUTCOMES = Map.of("VIOLATION", new Style("#D55E00", Shape.TRIANGLE, "none"),
			"UNDETERMINED", new Style("#E69F00", Shape.DIAMOND, "6 3"), "NO_VIOLATION",
			new Style("#0072B2", Shape.CIRCLE, "2 3"));

	/** Styles for other series (parties), in order, repeating after the last. */
	public static final List<Style> PALETTE = List.of(new Style("#0072B2", Shape.CIRCLE, "none"),
			new Style("#D55E00", Shape.TRIANGLE, "6 3"), new Style("#009E73", Shape.SQUARE, "2 3"),
			new Style("#CC79A7", Shape.DIAMOND, "8 3 2 3"), new Style("#56B4E9", Shape.CROSS, "none"),
			new Style("#E69F00", Shape.CIRCLE, "4 4"), new Style("#000000", Shape.SQUARE, "1 2"));

	/** The outcome's label as a reader says it. */
	public static String outcomeLabel(String outcome) {
		return switch (outcome) {
			case "VIOLATION" -> "Violation";
			case "UNDETERMINED" -> "Undetermined";
			case "NO_VIOLATION" -> "No violation";
			default -> outcome;
		};
	}

	/** The series of an outcome. */
	public static Series outcome(String outcome) {
		return new Series(outcomeLabel(outcome), OUTCOMES.getOrDefault(outcome, PALETTE.get(6)));
	}

	/** The {@code i}th series of the palette. */
	public static Series nth(int i, String label) {
		return new Series(label, PALETTE.get(i % PALETTE.size()));
	}

	static final int WIDTH = 640;

	/** The height of the visible title above every chart. */
	static final int TITLE_HEIGHT = 24;

	/** The tallest the map's plot is drawn. */
	static final int MAP_HEIGHT = 400;

	private SvgCharts() {
	}

	/**
	 * The map: the backdrop's outlines and one marker per point, in an equirectangular
	 * projection whose x is shrunk by the cosine of the middle latitude (so that shapes
	 * near the map's centre keep their proportions). Points outside the area are left
	 * out, and the description says how many.
	 */
	public static String map(String id, String title, Backdrop backdrop, List<MapPoint> points, List<Series> legend) {
		double cos = Math.cos(Math.toRadians((backdrop.south() + backdrop.north()) / 2));
		double spanX = (backdrop.east() - backdrop.west()) * cos;
		double spanY = backdrop.north() - backdrop.south();
		int plotW = WIDTH - 20;
		int plotH = (int) Math.round(plotW * spanY / spanX);
		if (plotH > MAP_HEIGHT) {
			plotW = (int) Math.round(plotW * (double) MAP_HEIGHT / plotH);
			plotH = MAP_HEIGHT;
		}
		int mapW = plotW;
		int legendH = 28;
		int height = plotH + legendH + 20;
		int mapH = plotH;
		Projection p = (lon, lat) -> new double[] { 10 + (lon - backdrop.west()) * cos / spanX * mapW,
				10 + (backdrop.north() - lat) / spanY * mapH };
		int outside = 0;
		Map<String, Integer> counts = new LinkedHashMap<>();
		StringBuilder marks = new StringBuilder();
		for (MapPoint point : points) {
			if (point.lon() < backdrop.west() || point.lon() > backdrop.east() || point.lat() < backdrop.south()
					|| point.lat() > backdrop.north()) {
				outside++;
				continue;
			}
			counts.merge(point.series().label(), 1, Integer::sum);
			double[] xy = p.at(point.lon(), point.lat());
			marker(marks, point.series().style(), xy[0], xy[1], 4.5, "0.85");
		}
		StringBuilder desc = new StringBuilder();
		desc.append(points.size()).append(points.size() == 1 ? " incident" : " incidents").append(" with a place");
		for (Series s : legend) {
			desc.append("; ").append(s.label()).append(": ").append(counts.getOrDefault(s.label(), 0));
		}
		if (outside > 0) {
			desc.append("; ").append(outside).append(" outside the area shown, not drawn");
		}
		desc.append('.');
		StringBuilder svg = open(id, title, desc.toString(), WIDTH, height);
		svg.append("<rect x=\"10\" y=\"10\" width=\"")
			.append(plotW)
			.append("\" height=\"")
			.append(plotH)
			.append("\" fill=\"#F4F7F9\" stroke=\"#9AA5AE\" stroke-width=\"0.5\"/>");
		for (double[][] ring : backdrop.regions()) {
			path(svg, ring, p, "none", "#9AA5AE", "0.6");
		}
		for (double[][] ring : backdrop.country()) {
			path(svg, ring, p, "none", "#44515C", "1.4");
		}
		svg.append(marks);
		legend(svg, legend, counts, 10, plotH + 30, true, false);
		return svg.append("</g></svg>").toString();
	}

	/**
	 * Daily counts as lines, one per series, each with its markers, its dash and its
	 * label at its end. {@code counts} holds, for each series, one count per day of
	 * {@code days}.
	 */
	public static String daily(String id, String title, List<LocalDate> days, LinkedHashMap<Series, int[]> counts) {
		int left = 40;
		int right = 20;
		int top = 16;
		int plotH = 200;
		int legendRows = (counts.size() + 2) / 3;
		int height = top + plotH + 40 + legendRows * 20 + 8;
		int plotW = WIDTH - left - right;
		int max = 1;
		for (int[] c : counts.values()) {
			for (int v : c) {
				max = Math.max(max, v);
			}
		}
		int step = niceStep(max);
		int top0 = ((max + step - 1) / step) * step;
		int n = Math.max(days.size(), 1);
		double dx = n == 1 ? 0 : (double) plotW / (n - 1);
		int yMax = top0;
		Projection p = (x,
				y) -> new double[] { left + (n == 1 ? plotW / 2.0 : x * dx), top + plotH - y / yMax * plotH };
		StringBuilder desc = new StringBuilder();
		if (days.isEmpty()) {
			desc.append("No days in the period.");
		}
		else {
			desc.append("Daily counts from ").append(days.get(0)).append(" to ").append(days.get(days.size() - 1));
			for (var e : counts.entrySet()) {
				int total = 0;
				int peak = 0;
				LocalDate peakDay = null;
				for (int i = 0; i < e.getValue().length; i++) {
					total += e.getValue()[i];
					if (e.getValue()[i] > peak) {
						peak = e.getValue()[i];
						peakDay = days.get(i);
					}
				}
				desc.append("; ").append(e.getKey().label()).append(": ").append(total).append(" in all");
				if (peakDay != null) {
					desc.append(", most on ").append(peakDay).append(" (").append(peak).append(')');
				}
			}
			desc.append('.');
		}
		StringBuilder svg = open(id, title, desc.toString(), WIDTH, height);
		for (int v = 0; v <= top0; v += step) {
			double y = p.at(0, v)[1];
			svg.append(line(left, y, left + plotW, y, v == 0 ? "#44515C" : "#D5DBE0", "0.8"));
			svg.append(text(left - 4, y + 4, "end", 11, Integer.toString(v)));
		}
		int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
		for (int i = 0; i < days.size(); i += labelEvery) {
			double x = p.at(i, 0)[0];
			svg.append(line(x, top + plotH, x, top + plotH + 4, "#44515C", "0.8"));
			svg.append(text(x, top + plotH + 16, "middle", 10, days.get(i).toString().substring(5)));
		}
		for (var e : counts.entrySet()) {
			Style style = e.getKey().style();
			StringBuilder d = new StringBuilder();
			for (int i = 0; i < e.getValue().length; i++) {
				double[] xy = p.at(i, e.getValue()[i]);
				d.append(i == 0 ? 'M' : 'L').append(num(xy[0])).append(' ').append(num(xy[1]));
			}
			if (e.getValue().length > 1) {
				svg.append("<path d=\"")
					.append(d)
					.append("\" fill=\"none\" stroke=\"")
					.append(style.colour())
					.append("\" stroke-width=\"2\"");
				if (!"none".equals(style.dash())) {
					svg.append(" stroke-dasharray=\"").append(style.dash()).append('"');
				}
				svg.append("/>");
			}
			if (e.getValue().length <= 62) {
				for (int i = 0; i < e.getValue().length; i++) {
					double[] xy = p.at(i, e.getValue()[i]);
					marker(svg, style, xy[0], xy[1], 3, "1");
				}
			}
		}
		svg.append(text(12, top + plotH / 2.0, "middle", 11, "incidents", "rotate(-90 12 " + (top + plotH / 2) + ")"));
		legend(svg, new ArrayList<>(counts.keySet()), null, left, top + plotH + 38, false, true);
		return svg.append("</g></svg>").toString();
	}

	/**
	 * Horizontal bars, one per category, stacked by series, each part labelled with its
	 * count and each bar with its total. {@code values[category][series]}.
	 */
	public static String bars(String id, String title, List<String> categories, List<Series> series, int[][] values) {
		int left = 190;
		int right = 40;
		int top = 10;
		int row = 24;
		int plotW = WIDTH - left - right;
		int legendRows = (series.size() + 2) / 3;
		int height = top + Math.max(categories.size(), 1) * row + 12 + legendRows * 20 + 8;
		int max = 1;
		for (int[] v : values) {
			int total = 0;
			for (int x : v) {
				total += x;
			}
			max = Math.max(max, total);
		}
		StringBuilder desc = new StringBuilder();
		if (categories.isEmpty()) {
			desc.append("Nothing to count.");
		}
		for (int c = 0; c < categories.size(); c++) {
			desc.append(c == 0 ? "" : "; ").append(categories.get(c)).append(": ");
			int total = 0;
			List<String> parts = new ArrayList<>();
			for (int s = 0; s < series.size(); s++) {
				total += values[c][s];
				parts.add(series.get(s).label() + " " + values[c][s]);
			}
			desc.append(total).append(" (").append(String.join(", ", parts)).append(')');
		}
		StringBuilder svg = open(id, title, desc.append('.').toString(), WIDTH, height);
		for (int c = 0; c < categories.size(); c++) {
			double y = top + c * row;
			svg.append(text(left - 6, y + 16, "end", 11, shorten(categories.get(c), 26)));
			double x = left;
			int total = 0;
			for (int s = 0; s < series.size(); s++) {
				int v = values[c][s];
				total += v;
				if (v == 0) {
					continue;
				}
				double w = (double) v / max * plotW;
				svg.append("<rect x=\"")
					.append(num(x))
					.append("\" y=\"")
					.append(num(y + 3))
					.append("\" width=\"")
					.append(num(w))
					.append("\" height=\"18\" fill=\"")
					.append(series.get(s).style().colour())
					.append("\" stroke=\"#FFFFFF\" stroke-width=\"1\"/>");
				if (w >= 16) {
					svg.append("<text x=\"")
						.append(num(x + w / 2))
						.append("\" y=\"")
						.append(num(y + 16))
						.append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"")
						.append(ink(series.get(s).style().colour()))
						.append("\">")
						.append(v)
						.append("</text>");
				}
				x += w;
			}
			svg.append(text(x + 4, y + 16, "start", 11, Integer.toString(total)));
		}
		legend(svg, series, null, left, top + Math.max(categories.size(), 1) * row + 18, false, false);
		return svg.append("</g></svg>").toString();
	}

	@FunctionalInterface
	private interface Projection {

		double[] at(double x, double y);

	}

	private static StringBuilder open(String id, String title, String desc, int width, int height) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"")
			.append(xml(id))
			.append("\" class=\"chart\" role=\"img\" aria-labelledby=\"")
			.append(xml(id))
			.append("-title ")
			.append(xml(id))
			.append("-desc\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height + TITLE_HEIGHT)
			.append("\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height + TITLE_HEIGHT)
			.append("\" font-family=\"DejaVu Sans, Noto Sans Arabic, sans-serif\">");
		svg.append("<title id=\"").append(xml(id)).append("-title\">").append(xml(title)).append("</title>");
		svg.append("<desc id=\"").append(xml(id)).append("-desc\">").append(xml(desc)).append("</desc>");
		// the title, visible too, above the chart
		svg.append(
				"<text x=\"4\" y=\"15\" font-size=\"13\" font-weight=\"bold\" fill=\"#1F2A33\" aria-hidden=\"true\">")
			.append(xml(shorten(title, 90)))
			.append("</text><g transform=\"translate(0 ")
			.append(TITLE_HEIGHT)
			.append(")\">");
		return svg;
	}

	private static void legend(StringBuilder svg, List<Series> series, Map<String, Integer> counts, double x0,
			double y0, boolean oneRow, boolean lines) {
		double x = x0;
		double y = y0;
		int perRow = oneRow ? series.size() : 3;
		for (int i = 0; i < series.size(); i++) {
			if (i > 0 && i % perRow == 0) {
				x = x0;
				y += 20;
			}
			Series s = series.get(i);
			svg.append("<g class=\"legend-item\">");
			if (lines) {
				svg.append("<line x1=\"")
					.append(num(x - 4))
					.append("\" y1=\"")
					.append(num(y - 4))
					.append("\" x2=\"")
					.append(num(x + 16))
					.append("\" y2=\"")
					.append(num(y - 4))
					.append("\" stroke=\"")
					.append(s.style().colour())
					.append("\" stroke-width=\"2\"")
					.append("none".equals(s.style().dash()) ? "" : " stroke-dasharray=\"" + s.style().dash() + "\"")
					.append("/>");
			}
			marker(svg, s.style(), x + 6, y - 4, 5, "1");
			String label = s.label() + (counts == null ? "" : " (" + counts.getOrDefault(s.label(), 0) + ")");
			svg.append(text(x + (lines ? 22 : 16), y, "start", 11, shorten(label, 27)));
			svg.append("</g>");
			x += oneRow ? 40 + 7 * label.length() : 195;
		}
	}

	private static void marker(StringBuilder svg, Style style, double x, double y, double r, String opacity) {
		String paint = "fill=\"" + style.colour() + "\" fill-opacity=\"" + opacity
				+ "\" stroke=\"#1F2A33\" stroke-width=\"0.7\"";
		switch (style.shape()) {
			case CIRCLE -> svg.append("<circle cx=\"")
				.append(num(x))
				.append("\" cy=\"")
				.append(num(y))
				.append("\" r=\"")
				.append(num(r))
				.append("\" ")
				.append(paint)
				.append("/>");
			case SQUARE -> svg.append("<rect x=\"")
				.append(num(x - r))
				.append("\" y=\"")
				.append(num(y - r))
				.append("\" width=\"")
				.append(num(2 * r))
				.append("\" height=\"")
				.append(num(2 * r))
				.append("\" ")
				.append(paint)
				.append("/>");
			case TRIANGLE -> polygon(svg, paint, x, y - r * 1.2, x + r * 1.1, y + r * 0.8, x - r * 1.1, y + r * 0.8);
			case DIAMOND -> polygon(svg, paint, x, y - r * 1.2, x + r, y, x, y + r * 1.2, x - r, y);
			case CROSS -> svg.append("<path d=\"M" + num(x - r) + " " + num(y - r) + "L" + num(x + r) + " " + num(y + r)
					+ "M" + num(x - r) + " " + num(y + r) + "L" + num(x + r) + " " + num(y - r) + "\" stroke=\""
					+ style.colour() + "\" stroke-width=\"2.2\"/>");
		}
	}

	private static void polygon(StringBuilder svg, String paint, double... xy) {
		svg.append("<polygon points=\"");
		for (int i = 0; i < xy.length; i += 2) {
			svg.append(i == 0 ? "" : " ").append(num(xy[i])).append(',').append(num(xy[i + 1]));
		}
		svg.append("\" ").append(paint).append("/>");
	}

	private static void path(StringBuilder svg, double[][] ring, Projection p, String fill, String stroke,
			String width) {
		if (ring.length < 2) {
			return;
		}
		svg.append("<path d=\"");
		for (int i = 0; i < ring.length; i++) {
			double[] xy = p.at(ring[i][0], ring[i][1]);
			svg.append(i == 0 ? 'M' : 'L').append(num(xy[0])).append(' ').append(num(xy[1]));
		}
		svg.append("Z\" fill=\"")
			.append(fill)
			.append("\" stroke=\"")
			.append(stroke)
			.append("\" stroke-width=\"")
			.append(width)
			.append("\" stroke-linejoin=\"round\"/>");
	}

	private static String line(double x1, double y1, double x2, double y2, String stroke, String width) {
		return "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2)
				+ "\" stroke=\"" + stroke + "\" stroke-width=\"" + width + "\"/>";
	}

	private static String text(double x, double y, String anchor, int size, String text) {
		return text(x, y, anchor, size, text, null);
	}

	private static String text(double x, double y, String anchor, int size, String text, String transform) {
		return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor + "\" font-size=\"" + size
				+ "\" fill=\"#1F2A33\"" + (transform == null ? "" : " transform=\"" + transform + "\"") + ">"
				+ xml(text) + "</text>";
	}

	/** Black or white, whichever reads better on {@code colour} ({@code #RRGGBB}). */
	static String ink(String colour) {
		int rgb = Integer.parseInt(colour.substring(1), 16);
		double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
		return luminance > 0.18 ? "#000000" : "#FFFFFF";
	}

	private static double channel(int value) {
		double c = (value & 0xFF) / 255.0;
		return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	static int niceStep(int max) {
		int[] steps = { 1, 2, 5 };
		int scale = 1;
		while (true) {
			for (int s : steps) {
				if (max / (s * scale) <= 5) {
					return s * scale;
				}
			}
			scale *= 10;
		}
	}

	private static String shorten(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	static String num(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	/** {@code text} escaped for XML text and attribute values. */
	static String xml(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> {
					if (c < 0x20 && c != '\n' && c != '\t') {
						out.append(' ');
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.toString();
	}

}
