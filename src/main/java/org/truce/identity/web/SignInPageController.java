package org.truce.identity.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page: a username and password form (posted to Spring Security's
 * {@code POST /login}, with its CSRF token) and a link for each configured identity
 * provider.
 */
@Controller
class SignInPageController {

	private final ObjectProvider<ClientRegistrationRepository> providers;

	SignInPageController(ObjectProvider<ClientRegistrationRepository> providers) {
		this.providers = providers;
	}

	/** An identity provider to sign in with. */
	record Provider(String name, String url) {

	}

	@GetMapping("/login")
	String signIn(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
			@RequestParam(required = false) Long locked, @RequestParam(required = false) String expired, Model model) {
		model.addAttribute("failed", error != null);
		model.addAttribute("expired", expired != null);
		model.addAttribute("signedOut", signedOut != null);
		model.addAttribute("lockedSeconds", locked == null ? null : Math.max(1, Math.min(locked, 86_400)));
		model.addAttribute("providers", providers());
		return "login";
	}

	private List<Provider> providers() {
		List<Provider> out = new ArrayList<>();
		ClientRegistrationRepository repository = this.providers.getIfAvailable();
		if (repository instanceof Iterable<?> registrations) {
			for (Object r : registrations) {
				ClientRegistration registration = (ClientRegistration) r;
				out.add(new Provider(registration.getClientName(),
						"/oauth2/authorization/" + registration.getRegistrationId()));
			}
		}
		return out;
	}

}
