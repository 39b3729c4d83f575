package org.truce.identity.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.truce.identity.model.Grant;

/**
 * Sign-in with an organisation's own OpenID Connect provider (configured with Spring
 * Boot's {@code spring.security.oauth2.client.registration.*} properties). The roles come
 * from a claim, {@code truce.security.oidc.roles-claim} (default {@code truce_roles}): a
 * list of grants written as on the command line, such as {@code monitor} or
 * {@code liaison:syria-government}. Values that are not grants are ignored; a user with
 * none is signed in with no role and sees what the public sees.
 */
@Component
class OidcRoles implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final String claim;

	OidcRoles(@Value("${truce.security.oidc.roles-claim:truce_roles}") String claim) {
		this.claim = claim;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = this.delegate.loadUser(request);
		List<GrantedAuthority> authorities = Accounts.authorities(grants(user.getClaims().get(this.claim)));
		String nameAttribute = request.getClientRegistration()
			.getProviderDetails()
			.getUserInfoEndpoint()
			.getUserNameAttributeName();
		return nameAttribute == null || nameAttribute.isEmpty()
				? new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo())
				: new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), nameAttribute);
	}

	/**
	 * The grants a claim's value names: a list of strings, or one space-separated string.
	 */
	static List<Grant> grants(Object claimValue) {
		List<String> texts = new ArrayList<>();
		if (claimValue instanceof Collection<?> values) {
			values.forEach(v -> texts.add(String.valueOf(v)));
		}
		else if (claimValue instanceof String text) {
			texts.addAll(List.of(text.strip().split("\\s+")));
		}
		List<Grant> grants = new ArrayList<>();
		for (String t : texts) {
			Grant.parse(t).filter(g -> !grants.contains(g)).ifPresent(grants::add);
		}
		return grants;
	}

}
