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
 * To the public, the ledger endpoints show an unpublished report's entry with its
 * commitments and no disclosure: neither its narrative nor its source appears in what
 * they serve, and the report's proof is not found, as for an id that names no report.
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
		// A report the public may not see has no proof for it: the answer is the one for
		// an id
		// that names no report.
		Http.Response proof = this.http.get("/api/reports/" + id + "/proof");
		String unknown = "01a250b3-298c-73e3-a802-b771aaafed7a";
		Http.Response none = this.http.get("/api/reports/" + unknown + "/proof");
		assertThat(proof.status()).as("%s", proof).isEqualTo(404);
		assertThat(proof.body().replace(id, unknown)).isEqualTo(none.body());
		for (Http.Response response : new Http.Response[] { entries }) {
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
	}

}
