package org.truce.deconfliction.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.Http;
import org.truce.testing.PostgresTest;
import org.truce.testing.PostgresTestDatabase;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one PostgreSQL schema, as behind a load balancer: a report
 * submitted to one raises an alert that the readers of both receive on their event
 * streams, each once. Skipped unless {@code TRUCE_TEST_PG_URL} is set.
 */
@PostgresTest
class AlertsReachReadersOnEveryInstanceTest {

	@TempDir
	Path data;

	@Test
	void aReportSubmittedToOneInstanceAlertsTheStreamsOfBoth() throws Exception {
		try (PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema()) {
			try (RunningTruce a = RunningTruce.postgresOn(schema, this.data, true, Map.of());
					RunningTruce b = RunningTruce.postgresOn(schema, this.data, true, Map.of())) {
				a.bean(ActorDirectory.class)
					.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government"))));
				a.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
				Http.Response site = a.http().withToken(a.token("notifier")).postJson("/api/notifications", """
						{"kind": "SITE", "name": "Al-Quds hospital", "siteKind": "HOSPITAL",
						 "geometry": {"type": "Point", "coordinates": [37.1293, 36.1987]},
						 "parties": ["syria-government"]}""");
				assertThat(site.status()).as(site.toString()).isEqualTo(201);
				String monitor = a.token("monitor");

				try (AlertStreamReader onA = new AlertStreamReader(a.baseUri(), monitor).awaitConnected();
						AlertStreamReader onB = new AlertStreamReader(b.baseUri(), monitor).awaitConnected()) {
					Http.Response report = a.http().withToken(monitor).postJson("/api/reports", """
							{"eventType": "shelling_artillery_missile_attack",
							 "when": {"start": "2016-04-27T21:40:00+03:00"},
							 "where": {"latitude": 36.1990, "longitude": 37.1296, "precision": "surveyed"},
							 "actor": "Syrian government", "source": "monitors",
							 "narrative": "Shelling beside the hospital."}""");
					assertThat(report.status()).as(report.toString()).isEqualTo(201);
					String reportId = report.json().get("id").asString();

					JsonNode onTheSameInstance = onA.next(Duration.ofSeconds(30));
					JsonNode onTheOther = onB.next(Duration.ofSeconds(30));
					assertThat(onTheSameInstance).as("the alert on the instance that stored it").isNotNull();
					assertThat(onTheOther).as("the alert relayed to the other instance").isNotNull();
					assertThat(onTheSameInstance.get("report").asString()).isEqualTo(reportId);
					assertThat(onTheOther.get("id").asString()).isEqualTo(onTheSameInstance.get("id").asString());
					assertThat(onTheOther.get("place").get("id").asString())
						.isEqualTo(site.json().get("id").asString());
					assertThat(onA.next(Duration.ofSeconds(2))).as("no second copy on the first instance").isNull();
					assertThat(onB.next(Duration.ofMillis(500))).as("no second copy on the other").isNull();
				}
			}
		}
	}

}
