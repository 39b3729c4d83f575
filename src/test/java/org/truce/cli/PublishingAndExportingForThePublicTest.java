package org.truce.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ClassPathResource;

import org.truce.testing.SlowTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce publish reports} and {@code truce export reports --public}, run as an
 * operator runs them: the public's export holds the published reports only, without their
 * sources.
 */
class PublishingAndExportingForThePublicTest {

	@TempDir
	Path dir;

	@SlowTest
	@Test
	void thePublicsExportHoldsWhatWasPublishedOnceAndNothingElse() throws IOException {
		Path data = this.dir.resolve("data");
		Path acled = this.dir.resolve("acled.csv");
		try (InputStream in = new ClassPathResource("acled/acled_syria_2016_sample.csv").getInputStream()) {
			Files.copy(in, acled);
		}
		assertThat(Truce.run("import", "acled", "--data", data.toString(), acled.toString()).exitCode()).isZero();

		Path before = this.dir.resolve("before.csv");
		Truce.Run nothingYet = Truce.run("export", "reports", "--public", "--data", data.toString(), "--format", "csv",
				"--out", before.toString());
		assertThat(nothingYet.out()).contains("Exported 0 reports");
		assertThat(nothingYet.err()).doesNotContain("reporter identities");

		Truce.Run published = Truce.run("publish", "reports", "--source", "acled", "--data", data.toString());
		Truce.Run again = Truce.run("publish", "reports", "--source", "acled", "--data", data.toString());

		assertThat(published.exitCode()).isZero();
		assertThat(published.out()).contains("Published 9 reports now; 9 in all are published.");
		assertThat(again.out()).contains("Published 0 reports now; 9 in all are published.");
		Path after = this.dir.resolve("after.csv");
		Truce.Run export = Truce.run("export", "reports", "--public", "--data", data.toString(), "--format", "csv",
				"--out", after.toString());
		assertThat(export.out()).contains("Exported 9 reports");
		String csv = Files.readString(after);
		assertThat(csv.lines().findFirst().orElseThrow()).doesNotContain("source", "external_id");
		assertThat(csv).doesNotContain("SYRX0009");
		Path full = this.dir.resolve("full.csv");
		Truce.Run operator = Truce.run("export", "reports", "--data", data.toString(), "--format", "csv", "--out",
				full.toString());
		assertThat(operator.err()).contains("holds reporter identities and exact locations");
		assertThat(Files.readString(full)).contains("SYRX0009", "acled");
	}

	@Test
	void idsThatAreNoReportsAndUnknownSourcesPublishNothing() {
		String data = this.dir.resolve("data").toString();

		Truce.Run unknownId = Truce.run("publish", "reports", UUID.randomUUID().toString(), "--data", data);
		Truce.Run unknownSource = Truce.run("publish", "reports", "--source", "nobody", "--data", data);
		Truce.Run nothingSaid = Truce.run("publish", "reports", "--data", data);
		Truce.Run both = Truce.run("publish", "reports", "--all", "--source", "acled", "--data", data);

		assertThat(unknownId.exitCode()).isZero();
		assertThat(unknownId.out()).contains("Published 0 reports now")
			.contains("1 of the ids given were published before or are not in the record.");
		assertThat(unknownSource.exitCode()).isEqualTo(2);
		assertThat(unknownSource.err()).contains("no source has the id nobody");
		assertThat(nothingSaid.exitCode()).isEqualTo(2);
		assertThat(both.exitCode()).isEqualTo(2);
	}

}
