package org.truce.ledger.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LogIdentity;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.StandardBase64;
import org.truce.report.application.Sources;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity page as the server renders it, before any script runs: the newest
 * checkpoint and which sides cosigned it, the report asked for, a link to it from the
 * map's report panel, and no inline script or style, so that a strict CSP can be set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityPageOverHttpTest {

	private static final SignerKey SIDE_A = SignerKey.generate("witness.side-a.example", SignatureType.COSIGNATURE_V1);

	private RunningTruce truce;

	private Http http;

	@BeforeAll
	void start() {
		this.truce = RunningTruce.sqlite(true, Map.of("truce.ledger.checkpoint-seconds", "3600",
				"truce.ledger.witnesses", SIDE_A.verifierKey().encoded()));
		this.truce.bean(Sources.class).save(ReportFixture.ucdp());
		this.http = this.truce.http("monitor");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.truce != null) {
			this.truce.close();
		}
	}

	@Test
	@Order(1)
	void thePageShowsTheNewestCheckpointAndWhichSidesCosignedIt() {
		Http.Response before = this.http.get("/ledger");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.contentType()).startsWith("text/html");
		assertThat(before.body()).contains("No checkpoint has been signed yet.");

		String id = submit("a report for the integrity page");
		this.truce.bean(Checkpointing.class).checkpoint();
		Ledger ledger = this.truce.bean(Ledger.class);
		long size = ledger.size();
		String page = this.http.get("/ledger").body();

		assertThat(page).doesNotContain("No checkpoint has been signed yet.")
			.contains("<dd id=\"checkpoint-size\">" + size + "</dd>")
			.contains(StandardBase64.encode(ledger.root(size)))
			.contains("witness.side-a.example</strong>:")
			.contains("has not cosigned this checkpoint")
			.contains(this.truce.bean(LogIdentity.class).verifierKey().encoded());
		assertThat(id).isNotBlank();
	}

	@Test
	void theReportAskedForIsInTheBoxEscaped() {
		String page = this.http.get("/ledger?report=%3Cscript%3Ealert(1)%3C/script%3E").body();
		assertThat(page).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"").doesNotContain("<script>alert");
	}

	@Test
	void theMapsReportPanelLinksToTheReportInTheLedger() {
		String id = submit("a report with a link to the ledger");
		String panel = this.http.get("/reports/" + id + "/panel").body();
		assertThat(panel).contains("<a href=\"/ledger?report=" + id + "\">Verify in the ledger</a>");
	}

	@Test
	void thePageHasNoInlineScriptOrStyle() {
		String page = this.http.get("/ledger").body();
		Matcher scripts = Pattern.compile("<script([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(page);
		int count = 0;
		while (scripts.find()) {
			count++;
			assertThat(scripts.group(1)).contains("src=\"/js/");
			assertThat(scripts.group(2)).isBlank();
		}
		assertThat(count).as("the strings (i18n.js), the log's checks (tlog.js) and the page's script (ledger.js)")
			.isEqualTo(3);
		assertThat(page).doesNotContainPattern("\\sstyle=")
			.doesNotContainPattern("\\son[a-z]+=")
			.doesNotContain("<style");
		assertThat(this.http.get("/js/ledger.js").status()).isEqualTo(200);
		assertThat(this.http.get("/js/tlog.js").status()).isEqualTo(200);
	}

	private String submit(String narrative) {
		Http.Response created = this.http.postJson("/api/reports", """
				{"eventType": "armed_clash", "when": {"start": "2016-09-19"},
				 "where": {"latitude": 36.2, "longitude": 37.1}, "source": "ucdp-ged", "narrative": "%s"}
				""".formatted(narrative));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		return created.json().get("id").asString();
	}

}
