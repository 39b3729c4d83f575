package org.truce.ledger.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.annotation.Primary;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truce.identity.application.ManagingUsers;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.DisclosurePolicies;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.LedgerEntry;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bean of type {@link DisclosurePolicies} replaces the default one, and the ledger
 * endpoints show each entry with the disclosures its policy opens (here, as for a party's
 * liaison: a report's event and location, never its source), values exactly as hashed,
 * nulls included, so that they open the entry's commitments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class AReadersPolicyDecidesWhichCommitmentsAreOpenedTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Sources sources;

	@Autowired
	Checkpointing checkpointing;

	@Autowired
	Ledger ledger;

	@Autowired
	ManagingUsers users;

	@TestConfiguration(proxyBeanMethods = false)
	static class LiaisonsView {

		@Bean
		@Primary
		DisclosurePolicies liaisonsView() {
			return () -> (kind, subject, group) -> kind.equals("report") && !group.equals("source")
					&& !group.equals("submitter");
		}

	}

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.data", () -> data.toString());
		registry.add("truce.ledger.checkpoint-seconds", () -> "3600");
	}

	@Test
	void theEntriesShowTheDisclosuresThePolicyOpensAndTheyOpenTheCommitments() {
		assertThat(this.context.getBean(DisclosurePolicies.class))
			.isSameAs(this.context.getBean("liaisonsView", DisclosurePolicies.class));
		this.sources.save(ReportFixture.monitor());
		Http http = new Http(URI.create("http://127.0.0.1:" + this.port));
		Http.Response created = http.withToken(RunningTruce.token(this.users, "monitor")).postJson("/api/reports", """
				{"eventType": "armed_clash", "when": {"start": "2016-09-19"},
				 "where": {"latitude": 36.2177, "longitude": 37.1612},
				 "source": "monitor-aleppo", "externalId": "mon-5512", "narrative": "Clashes at the roundabout"}
				""");
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String id = created.json().get("id").asString();
		assertThat(this.checkpointing.checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
		long size = this.ledger.size();

		Http.Response entries = http.get("/ledger/entries?start=0&end=" + size);
		assertThat(entries.status()).isEqualTo(200);
		JsonNode entry = null;
		for (JsonNode e : entries.json()) {
			if (id.equals(e.get("subject").asString())) {
				entry = e;
			}
		}
		assertThat(entry).isNotNull();
		assertThat(opened(entry)).containsExactly("event", "location");
		assertThat(entry.get("disclosures").get(1).get("value").toString()).contains("\"placeName\":null");
		assertThat(entry.get("disclosures").get(0).get("value").get("narrative").asString())
			.isEqualTo("Clashes at the roundabout");
		assertThat(entries.body()).doesNotContain("monitor-aleppo").doesNotContain("mon-5512");

		Http.Response proof = http.get("/api/reports/" + id + "/proof");
		assertThat(proof.status()).as("%s", proof).isEqualTo(200);
		assertThat(opened(proof.json().get("entry"))).containsExactly("event", "location");
		assertThat(proof.body()).doesNotContain("monitor-aleppo").doesNotContain("mon-5512");
	}

	/**
	 * The groups disclosed with an entry as served, after checking that each opens the
	 * entry's commitment.
	 */
	private static List<String> opened(JsonNode served) {
		@SuppressWarnings("unchecked")
		Map<String, Object> document = JSON.readValue(served.get("entry").asString(), Map.class);
		Map<String, String> commitments = LedgerEntry.commitments((Map<?, ?>) document.get("body"));
		List<String> groups = new ArrayList<>();
		for (JsonNode d : served.get("disclosures")) {
			Disclosure disclosure = new Disclosure(d.get("group").asString(), d.get("salt").asString(),
					JSON.treeToValue(d.get("value"), Object.class));
			assertThat(disclosure.verify(commitments.get(disclosure.group()))).as("%s", d).isTrue();
			groups.add(disclosure.group());
		}
		return groups;
	}

}
