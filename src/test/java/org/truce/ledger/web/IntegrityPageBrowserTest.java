package org.truce.ledger.web;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.truce.identity.application.ManagingUsers;
import org.truce.ledger.application.Checkpointing;
import org.truce.ledger.application.Cosigning;
import org.truce.ledger.application.DisclosurePolicies;
import org.truce.ledger.model.Cosignature;
import org.truce.ledger.model.Note;
import org.truce.ledger.model.NoteSignature;
import org.truce.ledger.model.SignatureType;
import org.truce.ledger.model.SignerKey;
import org.truce.ledger.model.StandardBase64;
import org.truce.report.application.Sources;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.Http;
import org.truce.testing.ReportFixture;
import org.truce.testing.RunningTruce;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The integrity page in a real browser (Debian's Chromium, driven by Playwright): a
 * report's inclusion proof, and the groups of its fields disclosed to the reader, are
 * checked by the page's own script with WebCrypto, and a proof, entry, disclosure or
 * signature altered on its way to the browser is caught. Skipped when Chromium is not
 * installed, unless {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IntegrityPageBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SignerKey SIDE_A = SignerKey.generate("witness.side-a.example", SignatureType.COSIGNATURE_V1);

	private static final SignerKey SIDE_B = SignerKey.generate("witness.side-b.example", SignatureType.COSIGNATURE_V1);

	private static final String VERDICT = "#verdict:not([data-verdict=\"pending\"])";

	@TempDir
	static Path data;

	@LocalServerPort
	int port;

	@Autowired
	Sources sources;

	@Autowired
	Checkpointing checkpointing;

	@Autowired
	Cosigning cosigning;

	@Autowired
	ManagingUsers users;

	/** A monitor's API token, to submit reports. */
	static String token;

	static String reportId;

	/**
	 * The reader is shown a report's event and location, never its source or who
	 * submitted it, as a party's liaison would be.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class LiaisonsView {

		@Bean
		@Primary
		DisclosurePolicies liaisonsView() {
			return () -> (kind, subject, group) -> !group.equals("source") && !group.equals("submitter");
		}

	}

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.data", () -> data.toString());
		registry.add("truce.ledger.checkpoint-seconds", () -> "3600");
		registry.add("truce.ledger.witnesses",
				() -> SIDE_A.verifierKey().encoded() + " " + SIDE_B.verifierKey().encoded());
	}

	/**
	 * Five reports, submitted over HTTP by a monitor, in a checkpoint that side A
	 * cosigned: the tree holds the monitor's three entries (user, role, token), then the
	 * reports.
	 */
	@BeforeEach
	void fiveReportsInACosignedCheckpoint() {
		if (reportId != null) {
			return;
		}
		this.sources.save(ReportFixture.ucdp());
		token = RunningTruce.token(this.users, "monitor");
		Http http = new Http(URI.create("http://127.0.0.1:" + this.port)).withToken(token);
		List<String> ids = new ArrayList<>();
		for (int n = 0; n < 5; n++) {
			Http.Response created = http.postJson("/api/reports", """
					{"eventType": "armed_clash", "when": {"start": "2016-09-19"},
					 "where": {"latitude": 36.2, "longitude": 37.1}, "source": "ucdp-ged",
					 "narrative": "report %d for the integrity page"}
					""".formatted(n));
			assertThat(created.status()).as("%s", created).isEqualTo(201);
			ids.add(created.json().get("id").asString());
		}
		assertThat(this.checkpointing.checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
		Note note = Note.parse(this.checkpointing.latest().orElseThrow());
		this.cosigning.accept(Cosignature.cosign(note, SIDE_A, 1_700_000_000L).encoded());
		reportId = ids.get(2);
	}

	@Test
	void aReportsInclusionProofIsVerifiedInTheBrowser() throws Exception {
		try (BrowserContext context = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(1100, 1300))) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			page.navigate("http://127.0.0.1:" + this.port + "/ledger?report=" + reportId);

			page.waitForSelector(VERDICT);
			assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "verified");
			assertThat(page.locator("#verdict")).hasText("Verified in your browser: this report's entry is leaf 5 of"
					+ " the tree of size 8 whose root the log signed.");
			assertThat(page.locator("#steps .step-fail")).hasCount(0);
			assertThat(page.locator("#steps")).containsText("Leaf hash SHA-256(0x00 || entry), computed here");
			assertThat(page.locator("#steps")).containsText("ends at the checkpoint's root");
			assertThat(page.locator("#steps")).containsText("witness.side-a.example cosigned this checkpoint");
			assertThat(page.locator("#steps")).containsText("witness.side-b.example has not cosigned");
			// The newest checkpoint, its signature and who cosigned it.
			assertThat(page.locator("#checkpoint-size")).hasText("8");
			assertThat(page.locator("#log-signature")).hasAttribute("data-state", "valid");
			assertThat(page.locator(".side.cosigned")).containsText("witness.side-a.example");
			assertThat(page.locator(".side.cosigned .check")).hasAttribute("data-state", "valid");
			assertThat(page.locator(".side.missing")).containsText("witness.side-b.example");
			assertThat(page.url()).endsWith("/ledger?report=" + reportId);

			Path screenshots = Files.createDirectories(Paths.get("target", "screenshots"));
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve("ledger.png")).setFullPage(true));
			assertThat(errors).as("errors in the page").isEmpty();
		}
	}

	@Test
	void theGroupsDisclosedToTheReaderAreCheckedAgainstTheEntrysCommitmentsInTheBrowser() {
		try (BrowserContext context = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(1100, 1600))) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			page.navigate("http://127.0.0.1:" + this.port + "/ledger?report=" + reportId);
			page.waitForSelector(VERDICT);
			assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "verified");
			assertThat(page.locator("#steps")).containsText("The disclosed event opens the entry's commitment");
			assertThat(page.locator("#steps")).containsText("The disclosed location opens the entry's commitment");
			assertThat(page.locator("#steps")).containsText("Not disclosed to you: source, submitter");
			assertThat(page.locator("#commitments-box")).isVisible();
			assertThat(page.locator("#commitments .commitment")).hasCount(4);
			assertThat(page.locator(".commitment[data-group=\"event\"]")).hasAttribute("data-state", "opened");
			assertThat(page.locator(".commitment[data-group=\"event\"] .disclosed-value"))
				.containsText("report 2 for the integrity page");
			assertThat(page.locator(".commitment[data-group=\"location\"] .disclosed-value")).containsText("36.2");
			assertThat(page.locator(".commitment[data-group=\"source\"]")).hasAttribute("data-state", "closed");
			assertThat(page.locator(".commitment[data-group=\"submitter\"]")).hasAttribute("data-state", "closed");
			assertThat(page.locator("#result")).not().containsText("ucdp-ged");
			assertThat(errors).as("errors in the page").isEmpty();
		}
	}

	@Test
	void aDisclosedValueAlteredOnItsWayIsCaught() {
		String verdict = tampered(proof -> {
			ObjectNode event = (ObjectNode) proof.get("entry").get("disclosures").get(0);
			assertThat(event.get("group").asString()).isEqualTo("event");
			((ObjectNode) event.get("value")).put("narrative", "nothing happened");
			return proof;
		}, "ledger-tampered-disclosure.png");
		assertThat(verdict).startsWith("NOT verified: the disclosed event does not open the entry's commitment:"
				+ " SHA-256(salt + \".\" + value) is ");
	}

	@Test
	void aDisclosureOfAGroupTheEntryDoesNotCommitToIsCaught() {
		String verdict = tampered(proof -> {
			ObjectNode extra = JSON.createObjectNode();
			extra.put("group", "informant");
			extra.put("salt", "AAECAwQFBgcICQoLDA0ODw");
			extra.put("value", "someone");
			((ArrayNode) proof.get("entry").get("disclosures")).add(extra);
			return proof;
		}, "ledger-unknown-disclosure.png");
		assertThat(verdict)
			.isEqualTo("NOT verified: the server disclosed the group informant, to which the entry commits nothing.");
	}

	@Test
	void aReportEnteredInTheBoxIsVerifiedToo() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.navigate("http://127.0.0.1:" + this.port + "/ledger");
			assertThat(page.locator("#result")).isHidden();
			page.fill("#report-id", reportId);
			page.click("#verify-form button");
			page.waitForSelector(VERDICT);
			assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "verified");
			assertThat(page.url()).endsWith("/ledger?report=" + reportId);

			page.fill("#report-id", "no-such-report");
			page.click("#verify-form button");
			page.waitForSelector("#verdict[data-verdict=\"unavailable\"]");
			assertThat(page.locator("#verdict")).containsText("No ledger entry is about report no-such-report");
		}
	}

	@Test
	void aFlippedBitInTheProofIsCaught() {
		String verdict = tampered(proof -> {
			ArrayNode hashes = (ArrayNode) proof.get("proof");
			hashes.set(0, flipBit(hashes.get(0).asString()));
			return proof;
		}, "ledger-tampered-proof.png");
		assertThat(verdict).startsWith("NOT verified: the inclusion proof leads to");
	}

	@Test
	void anEntryAlteredOnItsWayIsCaught() {
		String verdict = tampered(proof -> {
			ObjectNode entry = (ObjectNode) proof.get("entry");
			String text = entry.get("entry").asString();
			int at = text.indexOf("\"event\":\"") + "\"event\":\"".length();
			entry.put("entry", text.substring(0, at) + (text.charAt(at) == '0' ? '1' : '0') + text.substring(at + 1));
			return proof;
		}, "ledger-tampered-entry.png");
		assertThat(verdict).startsWith("NOT verified: the entry's leaf hash");
	}

	@Test
	void aCheckpointWithABadSignatureIsCaught() {
		String verdict = tampered(proof -> {
			Note note = Note.parse(proof.get("checkpoint").asString());
			List<NoteSignature> signatures = new ArrayList<>();
			for (NoteSignature s : note.signatures()) {
				byte[] bytes = s.signature();
				if (s.keyName().equals("localhost/truce")) {
					bytes[17] ^= 0x01;
				}
				signatures.add(new NoteSignature(s.keyName(), s.keyId(), bytes));
			}
			proof.put("checkpoint", new Note(note.text(), signatures).encoded());
			return proof;
		}, "ledger-tampered-signature.png");
		assertThat(verdict)
			.isEqualTo("NOT verified: the checkpoint's signature by the log's key localhost/truce is invalid.");
	}

	/** Runs last: it grows the tree that the other tests expect to have eight entries. */
	@Test
	@Order(Integer.MAX_VALUE)
	void aReportNotYetInACheckpointIsVerifiedOnceTheNextOneIsSigned() throws Exception {
		Http http = new Http(URI.create("http://127.0.0.1:" + this.port)).withToken(token);
		String id = http.postJson("/api/reports", """
				{"eventType": "armed_clash", "when": {"start": "2016-09-20"},
				 "where": {"latitude": 36.2, "longitude": 37.1}, "source": "ucdp-ged", "narrative": "a late report"}
				""").json().get("id").asString();
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			page.navigate("http://127.0.0.1:" + this.port + "/ledger?report=" + id);
			assertThat(page.locator("#verdict")).containsText("not in a signed checkpoint yet");
			assertThat(this.checkpointing.checkpoint()).isEqualTo(Checkpointing.Outcome.SIGNED);
			page.waitForSelector(VERDICT, new Page.WaitForSelectorOptions().setTimeout(10_000));
			assertThat(page.locator("#verdict")).hasText("Verified in your browser: this report's entry is leaf 8 of"
					+ " the tree of size 9 whose root the log signed.");
		}
	}

	/**
	 * Opens the page with the proof response altered by {@code change} on its way to the
	 * browser; the verdict shown.
	 */
	private String tampered(UnaryOperator<ObjectNode> change, String screenshot) {
		try (BrowserContext context = chromium
			.newContext(new Browser.NewContextOptions().setViewportSize(1100, 1300))) {
			Page page = context.newPage();
			List<String> errors = Chromium.watchErrors(page);
			page.route("**/api/reports/*/proof", route -> {
				APIResponse real = route.fetch();
				ObjectNode proof = (ObjectNode) JSON.readTree(real.text());
				route.fulfill(new Route.FulfillOptions().setResponse(real)
					.setBody(JSON.writeValueAsString(change.apply(proof))));
			});
			page.navigate("http://127.0.0.1:" + this.port + "/ledger?report=" + reportId);
			page.waitForSelector(VERDICT);
			assertThat(page.locator("#verdict")).hasAttribute("data-verdict", "not-verified");
			assertThat(page.locator("#steps .step-fail")).hasCount(1);
			try {
				Path screenshots = Files.createDirectories(Paths.get("target", "screenshots"));
				page.screenshot(
						new Page.ScreenshotOptions().setPath(screenshots.resolve(screenshot)).setFullPage(true));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			assertThat(errors).as("errors in the page").isEmpty();
			return page.locator("#verdict").textContent();
		}
	}

	private static String flipBit(String base64) {
		byte[] bytes = StandardBase64.decode(base64);
		bytes[0] ^= 0x01;
		return StandardBase64.encode(bytes);
	}

}
