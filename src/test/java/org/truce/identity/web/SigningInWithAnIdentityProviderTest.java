package org.truce.identity.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OpenID Connect provider configured (Spring Boot's
 * {@code spring.security.oauth2.client.*} properties), the sign-in page offers it and
 * sends the browser to the provider's authorisation endpoint; the provider's roles claim
 * maps to grants.
 */
class SigningInWithAnIdentityProviderTest {

	@Test
	void aConfiguredProviderIsOfferedAndTheBrowserIsSentToIt() throws Exception {
		String p = "spring.security.oauth2.client.";
		try (RunningTruce truce = RunningTruce.sqlite(true,
				Map.of(p + "registration.acme.client-id", "truce", p + "registration.acme.client-secret", "s3cret",
						p + "registration.acme.client-name", "Acme ID", p + "registration.acme.scope", "openid",
						p + "registration.acme.authorization-grant-type", "authorization_code",
						p + "registration.acme.redirect-uri", "{baseUrl}/login/oauth2/code/{registrationId}",
						p + "provider.acme.authorization-uri", "https://id.acme.example/authorize",
						p + "provider.acme.token-uri", "https://id.acme.example/token", p + "provider.acme.jwk-set-uri",
						"https://id.acme.example/jwks"))) {
			HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			String page = client
				.send(HttpRequest.newBuilder(truce.baseUri().resolve("/login")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			assertThat(page).contains("Acme ID").contains("/oauth2/authorization/acme");

			HttpResponse<String> start = client.send(
					HttpRequest.newBuilder(truce.baseUri().resolve("/oauth2/authorization/acme")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(start.statusCode()).isEqualTo(302);
			URI to = URI.create(start.headers().firstValue("Location").orElseThrow());
			assertThat(to.getHost()).isEqualTo("id.acme.example");
			assertThat(to.getQuery()).contains("client_id=truce")
				.contains("response_type=code")
				.contains("redirect_uri=" + truce.baseUri() + "/login/oauth2/code/acme");
		}
	}

	@Test
	void theRolesClaimMapsToGrants() {
		assertThat(OidcRoles.grants(List.of("monitor", "liaison:syria-government", "emperor", "monitor")))
			.containsExactly(new Grant(Role.MONITOR, null), new Grant(Role.LIAISON, "syria-government"));
		assertThat(OidcRoles.grants("co-chair:russia admin")).containsExactly(new Grant(Role.CO_CHAIR, "russia"),
				new Grant(Role.ADMIN, null));
		assertThat(OidcRoles.grants(null)).isEmpty();
		assertThat(OidcRoles.grants(42)).isEmpty();
	}

}
