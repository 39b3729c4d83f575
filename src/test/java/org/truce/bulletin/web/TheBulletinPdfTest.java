package org.truce.bulletin.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.truce.bulletin.model.Bulletin;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bulletin.pdf, printed from bulletin.html, read back with PDFBox's text extractor: its
 * title, its counts, its Arabic and Cyrillic names and its charts' words are there.
 */
class TheBulletinPdfTest {

	@Test
	void thePdfSaysWhatTheBulletinCounts() throws IOException {
		Bulletin bulletin = ABulletinInTwoScripts.bulletin();
		assertThat(bulletin.byOutcome()).containsEntry("VIOLATION", 3L).containsEntry("UNDETERMINED", 2L);
		String html = BulletinDocuments.html(bulletin, ABulletinInTwoScripts.BACKDROP);
		byte[] pdf = BulletinPdf.of(html);
		Path out = Path.of("target", "screenshots");
		Files.createDirectories(out);
		Files.write(out.resolve("bulletin-sample.pdf"), pdf);
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = Normalizer.normalize(new PDFTextStripper().getText(document), Normalizer.Form.NFC)
				.replaceAll("\\s+", " ");
			assertThat(text).contains("Bulletin: Aleppo pause")
				.contains(ABulletinInTwoScripts.CYRILLIC)
				.contains("Алеппо запад")
				.contains("وقف")
				.contains("النار")
				.contains("2016-10-01 to 2016-10-07");
			// the summary's row of violations: 3 this period, 0 the previous one, +3
			assertThat(text).containsPattern("Violation 3 0 \\+3");
			assertThat(text).containsPattern("Total 7 0 \\+7");
			// the charts are drawn in the PDF, with their words
			assertThat(text).contains("No violation").contains("Not assessed");
			assertThat(text).contains("How to read these figures");
			assertThat(text).doesNotContain("\uFFFD");
			// each page, as an image, for a reader of the build's output
			var renderer = new PDFRenderer(document);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				ImageIO.write(renderer.renderImageWithDPI(page, 72), "png",
						out.resolve("bulletin-sample-pdf-page-" + (page + 1) + ".png").toFile());
			}
		}
	}

	@Test
	void theHtmlIsOneFileThatFetchesNothing() {
		String html = BulletinDocuments.html(ABulletinInTwoScripts.bulletin(), ABulletinInTwoScripts.BACKDROP);
		assertThat(html).contains("<style>")
			.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"")
			.doesNotContain("<script")
			.doesNotContain("<link")
			.doesNotContain("src=\"")
			.doesNotContain("href=\"http");
		assertThat(html).containsPattern("<title id=\"map-title\">Map of the period&#39;s incidents by most serious "
				+ "outcome \\(1 incident without a place shown\\)</title>");
	}

}
