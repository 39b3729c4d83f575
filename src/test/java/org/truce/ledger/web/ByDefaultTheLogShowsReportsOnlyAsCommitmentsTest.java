package org.truce.ledger.web;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.DisclosurePolicies;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.Ledger;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no policy configured, the public ledger endpoints show a report's entry with its
 * commitments and no disclosure: neither its narrative nor its source appears in what
 * they serve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ByDefaultTheLogShowsReportsOnlyAsCommitmentsTest {

	private RunningTruce truce;

	private Http http;

	@BeforeAll
	void start() {
		this.truce = RunningTruce.sqlite(true, Map.of("truce.ledger.checkpoint-seconds", "3600"));
		this.truce.bean(Sources.class).save(ReportFixture.monitor());
		this.http = new Http(this.truce.baseUri());
	}

	@AfterAll
	void stop() throws Exception {
		this.truce.close();
	}

	@Test
	void theEntriesAndAReportsProofOpenNoCommitment() {
		Http.Response created = this.truce.http("monitor").postJson("/api/reports", """
				{"eventType": "armed_clash", "when": {"start": "2016-09-19"},
				 "where": {"latitude": 36.2177, "longitude": 37.1612, "placeName": "Ramouseh"},
				 "source": "monitor-aleppo", "externalId": "mon-5512", "narrative": "Clashes at the roundabout"}
				""");
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String id = created.json().get("id").asString();
		// The public (no one signed in) may open nothing of an unpublished report.
		DisclosurePolicy publicPolicy = this.truce.bean(DisclosurePolicies.class).forCurrentReader();
		assertThat(publicPolicy.mayOpen("report", id, "event")).isFalse();
		assertThat(publicPolicy.mayOpen("report", id, "source")).isFalse();
		assertThat(this.truce.bean(Checkpointing.class).checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
		long size = this.truce.bean(Ledger.class).size();

		Http.Response entries = this.http.get("/ledger/entries?start=0&end=" + size);
		assertThat(entries.status()).isEqualTo(200);
		Http.Response proof = this.http.get("/api/reports/" + id + "/proof");
		assertThat(proof.status()).as("%s", proof).isEqualTo(200);
		for (Http.Response response : new Http.Response[] { entries, proof }) {
			assertThat(response.body()).contains("commitments")
				.doesNotContain("Clashes")
				.doesNotContain("monitor-aleppo")
				.doesNotContain("mon-5512")
				.doesNotContain("Ramouseh")
				.doesNotContain("36.2177");
		}
		for (JsonNode entry : entries.json()) {
			assertThat(entry.get("disclosures").isArray()).isTrue();
			assertThat(entry.get("disclosures").isEmpty()).isTrue();
		}
		assertThat(proof.json().get("entry").get("subject").asString()).isEqualTo(id);
		assertThat(proof.json().get("entry").get("disclosures").isEmpty()).isTrue();
	}

}
