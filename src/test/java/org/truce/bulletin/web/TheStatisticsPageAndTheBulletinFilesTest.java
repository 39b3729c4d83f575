package org.truce.bulletin.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.bulletin.application.BulletinFiles;
import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;
import org.truce.testing.AgreementFixture;
import org.truce.testing.Http;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP, the statistics page of the Aleppo pause of October 2016 shows its four
 * charts, and says on the page (status 400) why a query is refused; the bulletin's files
 * ({@code truce bulletin --out DIR}) hold {@code bulletin.html} and {@code bulletin.pdf}
 * next to {@code bulletin.json}.
 */
class TheStatisticsPageAndTheBulletinFilesTest {

	static final String AGREEMENT = "aleppo-pause-2016-10";

	static RunningTruce truce;

	static Http anyone;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
		AgreementFixture.load(truce, AGREEMENT);
		anyone = new Http(truce.baseUri());
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void thePageShowsTheFourChartsOfThePeriod() {
		Http.Response page = anyone.get("/statistics?agreement=" + AGREEMENT + "&from=2016-10-20&to=2016-10-22");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"statistics-results\"")
			.contains("data-total=\"0\"")
			.contains("as the public reader sees it");
		assertThat(page.body().split("<svg xmlns=\"http://www.w3.org/2000/svg\"", -1)).hasSize(5);
		assertThat(page.body()).contains("role=\"img\" aria-labelledby=\"map-title map-desc\"");
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsSaidOnThePage() {
		Http.Response page = anyone.get("/statistics?agreement=" + AGREEMENT + "&from=2016-10-22&to=2016-10-20");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"statistics-problems\"").contains("before it starts");
		assertThat(page.body()).doesNotContain("<svg xmlns");
	}

	@Test
	void anUnknownAgreementIsSaidOnThePage() {
		Http.Response page = anyone.get("/statistics?agreement=no-such-agreement&from=2016-10-20&to=2016-10-22");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"statistics-problems\"").contains("no-such-agreement");
	}

	@Test
	void aDayThatIsNoDayIsSaidOnThePage() {
		Http.Response page = anyone.get("/statistics?agreement=" + AGREEMENT + "&from=20%2F10%2F2016&to=2016-10-22");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("id=\"statistics-problems\"").contains("2016-09-12");
	}

	@Test
	void theBulletinsFilesHoldItsHtmlAndPdf() throws Exception {
		Bulletin bulletin = truce.bean(ComputingBulletin.class)
			.compute(new BulletinQuery(AGREEMENT, LocalDate.parse("2016-10-20"), LocalDate.parse("2016-10-22")),
					Viewer.PUBLIC);
		Path dir = Files.createTempDirectory("bulletin");
		List<Path> files = truce.bean(BulletinFiles.class).write(bulletin, dir);
		assertThat(files).contains(dir.resolve("bulletin.json"), dir.resolve("bulletin.html"),
				dir.resolve("bulletin.pdf"));
		assertThat(Files.readString(dir.resolve("bulletin.html"), StandardCharsets.UTF_8))
			.contains("<h1 id=\"bulletin-title\">Bulletin: ");
		byte[] pdf = Files.readAllBytes(dir.resolve("bulletin.pdf"));
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		RunningTruce.deleteRecursively(dir);
	}

}
