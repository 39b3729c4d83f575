package org.truce.bulletin.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgExternalResourceMode;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer.SvgScriptMode;

/**
 * A PDF from a bulletin's HTML (well-formed XHTML, inline CSS and SVG), with
 * openhtmltopdf on PDFBox. The fonts are the jar's own ({@code /fonts}): DejaVu Sans for
 * Latin and Cyrillic, Noto Sans Arabic for Arabic, which ICU4J splits into bidi runs,
 * orders right to left and shapes (joined forms, the lam-alef ligature). Nothing is
 * fetched: every external resource (an image, a style sheet, a font by URL) is refused,
 * so a PDF made offline is the one made online. Thread-safe: every call builds its own
 * renderer.
 */
public final class BulletinPdf {

	/** The family that CSS names for Latin and Cyrillic text. */
	public static final String SANS = "DejaVu Sans";

	/** The family that CSS names for Arabic text. */
	public static final String ARABIC = "Noto Sans Arabic";

	private record ShippedFont(String resource, String family, int weight) {

	}

	private static final List<ShippedFont> FONTS = List.of(new ShippedFont("DejaVuSans.ttf", SANS, 400),
			new ShippedFont("DejaVuSans-Bold.ttf", SANS, 700),
			new ShippedFont("NotoSansArabic-Regular.ttf", ARABIC, 400),
			new ShippedFont("NotoSansArabic-Bold.ttf", ARABIC, 700));

	private BulletinPdf() {
	}

	/** The PDF of {@code xhtml}, which must be well-formed XML. */
	public static byte[] of(String xhtml) {
		var out = new ByteArrayOutputStream();
		var builder = new PdfRendererBuilder();
		builder.useFastMode();
		for (ShippedFont font : FONTS) {
			builder.useFont(() -> resource(font.resource()), font.family(), font.weight(), FontStyle.NORMAL, true);
		}
		builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
		builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
		builder.useSVGDrawer(new BatikSVGDrawer(SvgScriptMode.SECURE, SvgExternalResourceMode.SECURE));
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.useExternalResourceAccessControl((uri, type) -> false,
				ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
		builder.withHtmlContent(xhtml, null);
		builder.toStream(out);
		try {
			builder.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static InputStream resource(String name) {
		InputStream in = BulletinPdf.class.getResourceAsStream("/fonts/" + name);
		if (in == null) {
			throw new IllegalStateException("The jar lacks its font /fonts/" + name);
		}
		return in;
	}

}
