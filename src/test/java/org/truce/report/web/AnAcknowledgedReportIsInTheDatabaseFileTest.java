package org.truce.report.web;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 201 means committed: another connection, opened on the SQLite file after the answer,
 * reads the report (the write-ahead log holds the committed transaction).
 */
class AnAcknowledgedReportIsInTheDatabaseFileTest {

	@Test
	void aFreshConnectionToTheFileReadsEveryReportRightAfterIts201() throws Exception {
		try (RunningTruce truce = RunningTruce.sqlite(true)) {
			truce.bean(Sources.class).save(ReportFixture.ucdp());
			Http http = truce.http("monitor");
			Path file = truce.dataDir().resolve("truce.db");

			for (int i = 0; i < 20; i++) {
				String narrative = "report " + i + " of the file test";
				Http.Response created = http.postJson("/api/reports",
						ReportDrafts
							.with(ReportDrafts.minimal("armed_clash", "2016-09-19", 36.2, 37.1), "narrative",
									"\"" + narrative + "\"")
							.toString());
				assertThat(created.status()).as("%s", created).isEqualTo(201);
				String id = created.json().get("id").asString();

				try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
						PreparedStatement query = connection
							.prepareStatement("SELECT narrative FROM reports WHERE id = ?")) {
					query.setString(1, id);
					try (ResultSet rs = query.executeQuery()) {
						assertThat(rs.next()).as("report %s in %s", id, file).isTrue();
						assertThat(rs.getString(1)).isEqualTo(narrative);
					}
				}
			}
		}
	}

}
