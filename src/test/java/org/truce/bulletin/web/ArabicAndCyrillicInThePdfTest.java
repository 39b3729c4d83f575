package org.truce.bulletin.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PDF is made with the jar's own fonts: Arabic comes back as joined, right-to-left
 * glyphs of Noto Sans Arabic, Cyrillic and Latin as DejaVu Sans, and a text extractor
 * reads the words back.
 */
class ArabicAndCyrillicInThePdfTest {

	static final String ARABIC = "وقف إطلاق النار";

	static final String CYRILLIC = "прекращение огня";

	static final String HTML = """
			<html><head><style>
			body { font-family: 'DejaVu Sans', 'Noto Sans Arabic'; }
			.ar { font-family: 'Noto Sans Arabic', 'DejaVu Sans'; }
			</style></head><body>
			<h1>Ceasefire bulletin</h1>
			<p class="ar" dir="rtl" lang="ar">%s</p>
			<p lang="ru">%s</p>
			</body></html>
			""".formatted(ARABIC, CYRILLIC);

	@Test
	void theExtractedTextHoldsTheArabicAndCyrillicWords() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(BulletinPdf.of(HTML))) {
			String text = new PDFTextStripper().getText(pdf);
			assertThat(text).contains("Ceasefire bulletin").contains(CYRILLIC);
			// PDFBox gives right-to-left runs back in logical order, and the presentation
			// forms back as letters; a missing glyph would come back as '#' or nothing.
			assertThat(text).contains("وقف").contains("النار").contains("إطلاق");
			assertThat(text).doesNotContain("#").doesNotContain("\uFFFD");
		}
	}

	@Test
	void theArabicIsShapedAndLaidOutRightToLeft() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(BulletinPdf.of(HTML))) {
			List<TextPosition> glyphs = new ArrayList<>();
			var stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(TextPosition text) {
					glyphs.add(text);
					super.processTextPosition(text);
				}
			};
			stripper.getText(pdf);
			List<TextPosition> arabic = glyphs.stream().filter(g -> isArabic(g.getUnicode())).toList();
			assertThat(arabic).isNotEmpty();
			// Shaped: the glyphs are joined forms (Arabic Presentation Forms-B), as
			// unshaped
			// text would give the isolated letters of U+0600..U+06FF.
			assertThat(arabic).allMatch(g -> g.getUnicode().chars().allMatch(c -> c >= 0xFE70 && c <= 0xFEFF),
					"presentation forms");
			// the lam-alef of "إطلاق" is one ligature
			assertThat(arabic).anyMatch(g -> g.getUnicode().chars().anyMatch(c -> c >= 0xFEF5 && c <= 0xFEFC));
			// Right to left: the word "وقف" starts with waw, the rightmost of its glyphs.
			TextPosition waw = arabic.stream().filter(g -> g.getUnicode().equals("\uFEED")).findFirst().orElseThrow();
			TextPosition finalFeh = arabic.stream()
				.filter(g -> g.getUnicode().equals("\uFED2"))
				.findFirst()
				.orElseThrow();
			assertThat(waw.getXDirAdj()).isGreaterThan(finalFeh.getXDirAdj());
			assertThat(arabic).allMatch(g -> g.getFont().getName().contains("NotoSansArabic"), "Noto Sans Arabic");
			assertThat(glyphs.stream().filter(g -> g.getUnicode().equals("п")))
				.allMatch(g -> g.getFont().getName().contains("DejaVuSans"));
		}
	}

	@Test
	void everyFontIsEmbedded() throws IOException {
		try (PDDocument pdf = Loader.loadPDF(BulletinPdf.of(HTML))) {
			Set<String> names = new HashSet<>();
			for (PDPage page : pdf.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					PDFont font = page.getResources().getFont(name);
					assertThat(font.isEmbedded()).as(font.getName()).isTrue();
					names.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
				}
			}
			assertThat(names).anyMatch(n -> n.startsWith("DejaVuSans")).anyMatch(n -> n.startsWith("NotoSansArabic"));
		}
	}

	static boolean isArabic(String s) {
		return s.chars().anyMatch(c -> (c >= 0x0600 && c <= 0x06FF) || (c >= 0xFB50 && c <= 0xFEFF));
	}

}
