package org.truce.deconfliction.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.ledger.application.Checkpointing;
import org.truce.testing.BrowserTest;
import org.truce.testing.Chromium;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;
import org.truce.testing.SignIn;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: the Syrian government's liaison signs in, finds the convoy
 * notification on the notifications page and acknowledges it with the page's form (a
 * session form with its CSRF token); the notification's page then shows who acknowledged
 * it and when, the party still awaited, and the ledger proof of each entry; a monitor
 * sees the convoy on the map. Skipped when Chromium is not installed, unless
 * {@code TRUCE_REQUIRE_BROWSER=1}.
 */
@BrowserTest
class ALiaisonAcknowledgesANotificationBrowserTest {

	@RegisterExtension
	static final Chromium chromium = new Chromium();

	private static RunningTruce truce;

	private static NotificationHistory convoy;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(true);
		truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
		truce.user("liaison-sy", "liaison:syria-government");
		truce.user("monitor-m", "monitor");
		convoy = truce.bean(Notifying.class)
			.register(new Notifying.NewNotification("MOVEMENT", "UN/SARC convoy to Urum al-Kubra", null, "CONVOY",
					"{\"type\": \"LineString\", \"coordinates\": [[37.1611, 36.2021], [36.94775, 36.1481]]}",
					Instant.now(), Instant.now().plusSeconds(86_400), List.of(), "UN and SARC emblems",
					List.of("syria-government", "russia")), "notifier-1");
	}

	@AfterAll
	static void stop() throws Exception {
		if (truce != null) {
			truce.close();
		}
	}

	@Test
	void theLiaisonAcknowledgesAndTheNotificationsPageShowsWhoAndTheProof() {
		UUID id = convoy.notification().id();
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "liaison-sy");
			page.navigate(truce.baseUri().resolve("/notifications").toString());

			String row = "#notification-" + id;
			assertThat(page.locator(row + " a")).hasText("UN/SARC convoy to Urum al-Kubra");
			assertThat(page.locator(row + " .notification-status")).hasText("SENT");
			assertThat(page.locator(row + " input[name=_csrf]")).hasCount(1);
			page.click(row + " .acknowledge-form button");
			page.waitForURL("**/notifications?acknowledged=" + id);

			assertThat(page.locator("#acknowledgment-recorded")).isVisible();
			assertThat(page.locator(row + " .acknowledge-form")).hasCount(0);
			NotificationHistory stored = truce.bean(Notifying.class)
				.read(id, truce.bean(Notifying.class).reader("test", List.of(new Grant(Role.MONITOR, null))))
				.orElseThrow();
			assertThat(stored.acknowledgment("syria-government")).isPresent();
			assertThat(stored.acknowledgment("russia")).isEmpty();

			truce.bean(Checkpointing.class).checkpoint();
			page.click(row + " a");
			page.waitForURL("**/notifications/" + id);
			String at = stored.acknowledgment("syria-government").orElseThrow().at().toString();
			assertThat(page.locator(".acknowledgment[data-party=syria-government] time")).hasText(at);
			assertThat(page.locator(".acknowledgment[data-party=syria-government] code"))
				.hasText(stored.acknowledgment("syria-government").orElseThrow().by());
			assertThat(page.locator(".awaiting[data-party=russia]")).containsText("not acknowledged");
			assertThat(page.locator(".entry-proof[data-kind=notification-sent] .audit-path")).hasCount(1);
			assertThat(page.locator(".entry-proof[data-kind=notification-acknowledged] .leaf-hash")).hasCount(1);
			assertThat(page.locator("#content-commitment")).hasText(Notifying.contentCommitment(stored));
			assertThat(page.locator(".acknowledge-form")).hasCount(0);
		}
	}

	@Test
	void aMonitorSeesTheConvoyOnTheMap() {
		try (BrowserContext context = chromium.newContext()) {
			Page page = context.newPage();
			SignIn.as(page, truce, "monitor-m");
			page.navigate(truce.baseUri().resolve("/").toString());

			assertThat(page.locator("#map")).hasAttribute("data-notifications", "1");
			// The notifications and the live alerts join the map's one layer switcher.
			assertThat(page.locator(".leaflet-control-layers")).hasCount(1);
			assertThat(page.locator(".leaflet-control-layers label")).containsText(
					new String[] { "Governorates", "Reports", "Notified sites and movements", "Live alerts" });
		}
	}

}
