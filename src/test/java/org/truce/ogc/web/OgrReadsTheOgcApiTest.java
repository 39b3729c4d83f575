package org.truce.ogc.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.truce.report.application.PublishingReports;
import org.truce.report.application.Sources;
import org.truce.report.application.Submitter;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.Reliability;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.AgreementFixture;
import org.truce.testing.ProcessTest;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GDAL, as QGIS uses it, reads {@code /ogc}: {@code ogrinfo} lists the collections as
 * layers and counts the public's reports, and {@code ogr2ogr} copies them to a GeoJSON
 * file. Skipped where {@code ogrinfo} is not installed, unless TRUCE_REQUIRE_OGR is set
 * (as CI sets it, having installed Debian's gdal-bin).
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgrReadsTheOgcApiTest {

	private static final String AGREEMENT = "aleppo-pause-2016-10";

	private RunningTruce truce;

	private final List<String> published = new ArrayList<>();

	@BeforeAll
	void start() throws Exception {
		boolean present = run(List.of("ogrinfo", "--version")).exit() == 0;
		if (!present) {
			if (System.getenv("TRUCE_REQUIRE_OGR") != null) {
				throw new AssertionError("TRUCE_REQUIRE_OGR is set but ogrinfo does not run: install gdal-bin");
			}
			Assumptions.abort("ogrinfo is not installed (gdal-bin)");
		}
		this.truce = RunningTruce.sqlite(true);
		AgreementFixture.load(this.truce, AGREEMENT);
		Source team = new Source("ogr-team", "Joint monitoring team", SourceKind.MONITOR, Reliability.B);
		this.truce.bean(Sources.class).save(team);
		List<String> all = new ArrayList<>();
		for (int day = 10; day < 14; day++) {
			all.add(this.truce.bean(SubmittingReport.class)
				.submit(new ReportDraft("armed_clash",
						new ReportDraft.When("2016-10-" + day + "T10:00:00+03:00", null, "EXACT"),
						new ReportDraft.Where(36.2 + day / 100.0, 37.15, "EXACT", null, null, "Aleppo", null), null,
						null, null, "Fighting.", team.id(), "OGR-" + day, null), Submitter.record("test"), null,
						"digest-" + day)
				.report()
				.id()
				.toString());
		}
		this.published.addAll(all.subList(0, 3));
		this.truce.bean(PublishingReports.class)
			.publish(this.published.stream().map(UUID::fromString).toList(), "test");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.truce != null) {
			this.truce.close();
		}
	}

	private String dataset() {
		return "OAPIF:" + this.truce.baseUri().resolve("/ogc");
	}

	@Test
	void ogrinfoListsTheCollectionsAndCountsThePublishedReports() throws Exception {
		Run layers = run(List.of("ogrinfo", "-ro", dataset()));
		assertThat(layers.exit()).as(layers.output()).isZero();
		assertThat(layers.output()).contains("reports", "incidents", "zones-" + AGREEMENT, "control-areas",
				"notified-places");

		Run reports = run(List.of("ogrinfo", "-ro", "-so", dataset(), "reports"));
		assertThat(reports.exit()).as(reports.output()).isZero();
		assertThat(reports.output()).contains("Layer name: reports", "Feature Count: 3");
	}

	@Test
	void ogr2ogrCopiesTheReportsToGeoJson() throws Exception {
		Path out = Files.createTempDirectory("ogr").resolve("reports.geojson");
		try {
			Run copy = run(List.of("ogr2ogr", "-f", "GeoJSON", out.toString(), dataset(), "reports"));
			assertThat(copy.exit()).as(copy.output()).isZero();
			JsonNode fc = JsonMapper.builder().build().readTree(Files.readString(out, StandardCharsets.UTF_8));
			List<String> ids = new ArrayList<>();
			fc.get("features").forEach(f -> ids.add(f.get("properties").get("id").asString()));
			assertThat(fc.get("features").size()).isEqualTo(3);
			assertThat(fc.get("features").get(0).get("geometry").get("type").asString()).isEqualTo("Point");
			assertThat(ids).containsExactlyInAnyOrderElementsOf(this.published);
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(out.getParent());
		}
	}

	private record Run(int exit, String output) {

	}

	private static Run run(List<String> command) throws IOException, InterruptedException {
		Process p;
		try {
			p = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return new Run(-1, ex.getMessage());
		}
		String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!p.waitFor(120, TimeUnit.SECONDS)) {
			p.destroyForcibly();
			return new Run(-1, output + "\n(timed out)");
		}
		return new Run(p.exitValue(), output);
	}

}
