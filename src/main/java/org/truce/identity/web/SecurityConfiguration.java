package org.truce.identity.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.truce.identity.application.AccessChanges;
import org.truce.identity.application.FailedAttempts;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.web.Problems;
import org.truce.web.SecurityHeaders;

/**
 * Who may use which endpoint and page, and how people and machines sign in. Deny by
 * default: every path that is not listed in {@link #authorize} is refused. People sign in
 * with a password (Argon2id) or, when configured, an OpenID Connect provider, and get a
 * session cookie (HttpOnly, SameSite=Lax, Secure over TLS) with CSRF protection on every
 * form; machine clients send {@code Authorization: Bearer <token>}, which needs no
 * session and no CSRF token.
 */
@Configuration
@EnableWebSecurity
@ConditionalOnWebApplication
class SecurityConfiguration {

	@Bean
	Accounts accounts(Users users, ManagingUsers managing, Clock clock, AccessChanges changes,
			@Value("${truce.security.grants-kept-for:1s}") Duration keep) {
		return new Accounts(users, managing, clock, changes, keep);
	}

	/**
	 * No Micrometer observations of Spring Security's filters, authentications and
	 * authorizations: nothing exports metrics (only health is exposed), and timing each
	 * of its filters on every request cost about a fifth of the CPU of a trivial API
	 * request (docs/performance.md).
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	AttemptGuard attemptGuard(Clock clock, JsonMapper json, FailedAttempts failures,
			@Value("${truce.security.sign-in.account-failures:5}") int accountFailures,
			@Value("${truce.security.sign-in.address-failures:30}") int addressFailures,
			@Value("${truce.security.token.address-failures:30}") int tokenFailures,
			@Value("${truce.security.failure-window:15m}") Duration window,
			@Value("${truce.security.token.requests-per-second:1000}") int tokenRate,
			@Value("${truce.security.anonymous.requests-per-minute:300}") int anonymousRate,
			@Value("${truce.security.anonymous.burst:120}") int anonymousBurst) {
		return new AttemptGuard(new Throttle("account", accountFailures, window, clock, failures),
				new Throttle("address", addressFailures, window, clock, failures),
				new Throttle("token-address", tokenFailures, window, clock, failures),
				new RequestRate(tokenRate, tokenRate, System::nanoTime),
				new RequestRate(anonymousRate / 60.0, anonymousBurst, System::nanoTime), json);
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, Accounts accounts, AttemptGuard guard, JsonMapper json,
			ObjectProvider<ClientRegistrationRepository> identityProviders, OidcRoles oidcRoles,
			ListableBeanFactory beans) throws Exception {
		authorize(http, new UnmappedPaths(beans));
		http.userDetailsService(accounts);
		http.formLogin(form -> form.loginPage(AttemptGuard.SIGN_IN)
			.successHandler(new SavedRequestAwareAuthenticationSuccessHandler() {
				@Override
				public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
						Authentication authentication) throws ServletException, IOException {
					guard.signInSucceeded(authentication.getName());
					super.onAuthenticationSuccess(request, response, authentication);
				}
			})
			.failureHandler(new SimpleUrlAuthenticationFailureHandler(AttemptGuard.SIGN_IN + "?error") {
				@Override
				public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
						AuthenticationException exception) throws IOException, ServletException {
					guard.signInFailed(request.getParameter("username"), request.getRemoteAddr());
					super.onAuthenticationFailure(request, response, exception);
				}
			})
			.permitAll());
		http.logout(logout -> logout.logoutUrl("/logout")
			.logoutSuccessUrl(AttemptGuard.SIGN_IN + "?signedOut")
			.invalidateHttpSession(true)
			.deleteCookies("JSESSIONID"));
		if (identityProviders.getIfAvailable() != null) {
			http.oauth2Login(oidc -> oidc.loginPage(AttemptGuard.SIGN_IN)
				.userInfoEndpoint(info -> info.oidcUserService(oidcRoles)));
		}
		http.oauth2ResourceServer(rs -> rs.opaqueToken(token -> token.introspector(accounts))
			.authenticationEntryPoint(badToken(guard, json)));
		http.csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::forgeable));
		http.exceptionHandling(
				errors -> errors.authenticationEntryPoint(signInFirst(json)).accessDeniedHandler(refused(json)));
		http.requestCache(cache -> cache.requestCache(pagesOnly()));
		// One policy everywhere, except that Swagger UI's own pages may use inline styles
		// (see SecurityHeaders.SWAGGER_UI_POLICY for why).
		RequestMatcher swaggerUi = request -> request.getRequestURI().startsWith("/swagger-ui/");
		http.headers(headers -> headers
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
					new ContentSecurityPolicyHeaderWriter(SecurityHeaders.SWAGGER_UI_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
					new ContentSecurityPolicyHeaderWriter(SecurityHeaders.CONTENT_SECURITY_POLICY)))
			.frameOptions(frame -> frame.deny())
			.referrerPolicy(referrer -> referrer.policy(
					org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		// After the header writer, so that its refusals carry the security headers too.
		http.addFilterAfter(guard, HeaderWriterFilter.class);
		http.addFilterAfter(new CurrentGrants(accounts), AttemptGuard.class);
		return http.build();
	}

	/**
	 * Every path and who may use it. Reads of the record are open to everyone, and each
	 * answer is cut to what its reader may see ({@code Viewer}); writes need a role.
	 */
	private static void authorize(HttpSecurity http, UnmappedPaths unmapped) throws Exception {
		http.authorizeHttpRequests(rules -> rules
			// The asynchronous dispatch that ends an event stream: its request was
			// authorised when it began.
			.dispatcherTypeMatchers(DispatcherType.ASYNC)
			.permitAll()
			// Pages, their assets and the sign-in page: everyone.
			.requestMatchers(HttpMethod.GET, "/", "/login", "/ledger", "/css/**", "/js/**", "/webjars/**",
					"/favicon.svg", "/layers/**")
			.permitAll()
			.requestMatchers("/error")
			.permitAll()
			// Reference data (the scenario, actors, places, boundaries, agreements,
			// control map): everyone.
			.requestMatchers(HttpMethod.GET, "/api/scenario", "/api/event-types", "/api/actors", "/api/actors/resolve",
					"/api/places", "/api/boundaries/*", "/api/control-areas")
			.permitAll()
			// Outcomes over incidents: everyone; each answer counts only the incidents
			// its reader may see. The compliance clock is judged over the whole record:
			// only those who see it all.
			.requestMatchers(HttpMethod.GET, "/api/agreements/*/outcomes", "/api/agreements/*/incident-outcomes")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/agreements/*/clock")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.GET, "/api/agreements", "/api/agreements/*", "/api/agreements/*/zones",
					"/api/agreements/*/mingled")
			.permitAll()
			// Reports and findings, their pages and exports: everyone, and each answer is
			// cut to its reader (Viewer): the public reads what is published.
			.requestMatchers(HttpMethod.GET, "/api/reports", "/api/reports/*", "/api/map/reports", "/reports/*/panel",
					"/api/findings", "/api/incidents/*/findings", "/incidents/*/findings/panel", "/api/exports/reports",
					"/api/exports/findings")
			.permitAll()
			// OGC API – Features: everyone; each collection is cut to its reader as the
			// REST API's lists are.
			.requestMatchers(HttpMethod.GET, "/ogc", "/ogc/**")
			.permitAll()
			// Bulletins: everyone; each is computed from what its reader may see.
			.requestMatchers(HttpMethod.GET, "/api/bulletins")
			.permitAll()
			// The statistics page: everyone; its bulletin is cut to its reader as the
			// API's.
			.requestMatchers(HttpMethod.GET, "/statistics")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/reports", "/api/reports/batch")
			.hasAnyRole("MONITOR", "LIAISON")
			.requestMatchers(HttpMethod.POST, "/api/reports/*/publication")
			.hasRole("CO_CHAIR")
			// Incidents: everyone reads, each answer cut to the reader; analysts
			// (monitors)
			// merge, split and discount; each side states its claims; evidence and
			// candidate links are for staff.
			.requestMatchers(HttpMethod.GET, "/api/incidents", "/api/incidents/*", "/incidents", "/incidents/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/review")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/incidents/*/merge", "/incidents/*/split", "/incidents/*/rfis",
					"/review/links/*")
			.hasRole("MONITOR")
			.requestMatchers(HttpMethod.POST, "/api/incidents/*/merge", "/api/incidents/*/split",
					"/api/incidents/*/discount", "/api/candidate-links/*/decision")
			.hasRole("MONITOR")
			.requestMatchers(HttpMethod.POST, "/api/incidents/*/claims")
			.hasAnyRole("LIAISON", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/api/incidents/*/evidence")
			.hasAnyRole("MONITOR", "LIAISON")
			.requestMatchers(HttpMethod.GET, "/api/incidents/*/evidence/*", "/api/candidate-links")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.GET, "/api/sources")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/api/sources")
			.hasRole("MONITOR")
			.requestMatchers(HttpMethod.POST, "/api/imports/*")
			.hasRole("MONITOR")
			// Joint determinations: drafted and edited by monitors and co-chairs, signed
			// by
			// co-chairs (of a side the determination names: checked by Determining),
			// commented on by both. Reads are everyone's, cut to the reader: staff see
			// every determination, anyone else effective ones about incidents it may see.
			.requestMatchers(HttpMethod.GET, "/api/determinations", "/api/determinations/*",
					"/api/incidents/*/determinations")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/incidents/*/determinations", "/api/determinations/*/comments")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.PUT, "/api/determinations/*")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/api/determinations/*/sign-offs")
			.hasRole("CO_CHAIR")
			// Their pages: the co-chairs' queue and the drafting form for staff, a
			// determination's page for whoever may see it, and the forms they post.
			.requestMatchers(HttpMethod.GET, "/determinations/queue", "/incidents/*/determinations/new")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.GET, "/determinations/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/incidents/*/determinations", "/determinations/*/comments")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/determinations/*/sign-offs")
			.hasRole("CO_CHAIR")
			// Bulletins signed jointly (issue 17): drafted by monitors and co-chairs,
			// signed or dissented from by co-chairs (of a side the draft names: checked
			// by
			// SigningBulletins). Published bulletins and their pages are everyone's; a
			// draft is staff's (SigningBulletins answers anyone else 404).
			.requestMatchers(HttpMethod.GET, "/api/bulletins/drafts")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/api/bulletins/drafts", "/bulletins/drafts")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.POST, "/api/bulletins/drafts/*/sign", "/api/bulletins/drafts/*/dissent",
					"/bulletins/*/sign", "/bulletins/*/dissent")
			.hasRole("CO_CHAIR")
			.requestMatchers(HttpMethod.GET, "/api/bulletins/published", "/api/bulletins/*",
					"/api/bulletins/*/bulletin.json", "/bulletins", "/bulletins/*")
			.permitAll()
			// The ledger and its proofs: everyone; cosignatures carry a witness key's
			// signature.
			.requestMatchers(HttpMethod.GET, "/ledger/checkpoint", "/ledger/checkpoint/status", "/ledger/key",
					"/ledger/entries", "/ledger/proof/inclusion", "/ledger/proof/consistency", "/api/reports/*/proof")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/ledger/cosignature")
			.permitAll()
			// Requests for information: monitors and co-chairs send them and read them
			// all;
			// a liaison reads those addressed to its side and answers them (the service
			// checks the side). The inbox page: the same readers.
			.requestMatchers(HttpMethod.POST, "/api/incidents/*/rfis")
			.hasAnyRole("MONITOR", "CO_CHAIR")
			.requestMatchers(HttpMethod.GET, "/api/incidents/*/rfis", "/api/rfis", "/api/rfis/summary", "/api/rfis/*",
					"/inbox")
			.hasAnyRole("MONITOR", "CO_CHAIR", "LIAISON")
			.requestMatchers(HttpMethod.POST, "/api/rfis/*/answer", "/inbox/rfis/*/answer")
			.hasRole("LIAISON")
			// Humanitarian access: notifiers request access; each party concerned decides
			// through its liaison (the service checks the party); notifiers and monitors
			// record the outcome. Staff and notifiers read every request, a liaison those
			// concerning its side. Besieged areas (population figures are public) are
			// everyone's to read; monitors and notifiers record them. Restrictions of the
			// monitors' movement: monitors record them; staff and liaisons read them.
			.requestMatchers(HttpMethod.POST, "/api/access-requests")
			.hasRole("NOTIFIER")
			.requestMatchers(HttpMethod.GET, "/api/access-requests", "/api/access-requests/*", "/access-requests",
					"/access-requests/*")
			.hasAnyRole("NOTIFIER", "MONITOR", "CO_CHAIR", "LIAISON")
			.requestMatchers(HttpMethod.POST, "/api/access-requests/*/decisions", "/access-requests/*/decisions")
			.hasRole("LIAISON")
			.requestMatchers(HttpMethod.POST, "/api/access-requests/*/outcome")
			.hasAnyRole("NOTIFIER", "MONITOR")
			.requestMatchers(HttpMethod.GET, "/api/besieged-areas", "/api/besieged-areas.geojson",
					"/api/besieged-areas/*")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/besieged-areas")
			.hasAnyRole("MONITOR", "NOTIFIER")
			.requestMatchers(HttpMethod.PUT, "/api/besieged-areas/*")
			.hasAnyRole("MONITOR", "NOTIFIER")
			.requestMatchers(HttpMethod.POST, "/api/movement-restrictions")
			.hasRole("MONITOR")
			.requestMatchers(HttpMethod.GET, "/api/movement-restrictions")
			.hasAnyRole("MONITOR", "CO_CHAIR", "LIAISON")
			// Humanitarian notifications: notifiers register and withdraw
			// them; the liaisons of the parties concerned acknowledge them.
			// Staff, notifiers (their own) and liaisons (their side's) read
			// them. The map layer is everyone's, empty for those who may read
			// none. Declared positions: the co-chairs and the declaring side,
			// on the API and the page; their map layer is everyone's, empty for
			// those who may read none.
			.requestMatchers(HttpMethod.POST, "/api/notifications", "/api/notifications/*/withdrawal")
			.hasRole("NOTIFIER")
			.requestMatchers(HttpMethod.POST, "/api/notifications/*/acknowledgments",
					"/notifications/*/acknowledgments")
			.hasRole("LIAISON")
			.requestMatchers(HttpMethod.GET, "/api/notifications", "/api/notifications/*",
					"/api/notifications/*/notified", "/notifications", "/notifications/*")
			.hasAnyRole("MONITOR", "CO_CHAIR", "NOTIFIER", "LIAISON")
			.requestMatchers(HttpMethod.GET, "/api/map/notifications")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/api/positions", "/positions")
			.hasAnyRole("CO_CHAIR", "LIAISON")
			.requestMatchers(HttpMethod.POST, "/api/positions", "/api/positions/*/withdrawal", "/positions",
					"/positions/*/withdrawal")
			.hasAnyRole("CO_CHAIR", "LIAISON")
			.requestMatchers(HttpMethod.GET, "/api/map/positions")
			.permitAll()
			// Proximity alerts: staff and notifiers (a liaison or co-chair also sees the
			// alerts about its side's declared positions); each answer is cut to the
			// reader. Webhook subscriptions: admins.
			.requestMatchers(HttpMethod.GET, "/api/alerts", "/api/alerts/stream")
			.hasAnyRole("MONITOR", "CO_CHAIR", "NOTIFIER", "LIAISON")
			.requestMatchers("/api/webhooks", "/api/webhooks/**")
			.hasRole("ADMIN")
			// Who am I; users and tokens.
			.requestMatchers(HttpMethod.GET, "/api/me")
			.authenticated()
			.requestMatchers("/api/users", "/api/users/**", "/api/tokens/**")
			.hasRole("ADMIN")
			// Service: health and the API description.
			.requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/v3/api-docs",
					"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// Anything else that a controller handles: nobody. Paths nothing handles get
			// their 404.
			.anyRequest()
			.access(unmapped));
	}

	/**
	 * Whether a request could be forged by another site: a request that changes something
	 * and carries a session cookie, and every sign-in form (against login CSRF). A
	 * request without a session cookie has no session for a forger to ride on, whatever
	 * it sends. Bearer-token requests are exempted by the resource server, and a
	 * cosignature is authenticated by its witness key's signature.
	 */
	private static boolean forgeable(HttpServletRequest request) {
		String method = request.getMethod();
		if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
			return false;
		}
		return request.getRequestURI().equals(AttemptGuard.SIGN_IN) || request.getRequestedSessionId() != null;
	}

	/**
	 * A request the firewall refuses (an encoded slash, semicolon or percent sign, a
	 * non-printable character): no resource has such a path, so it is not found.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(JsonMapper json) {
		return (request, response, ex) -> Problems.write(request, response, json,
				Problem.keyed(ErrorCode.NOT_FOUND, null, "rejectedPath", request.getRequestURI()));
	}

	/**
	 * Remembers the page a person asked for before signing in, to go back to it after.
	 * Only page requests are remembered: an API request without credentials must not open
	 * a session (each would cost server memory for the session's lifetime).
	 */
	private static RequestCache pagesOnly() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && AttemptGuard.wantsPage(request));
		return cache;
	}

	/**
	 * Not signed in: pages go to the sign-in page, everything else gets 401 problem+json.
	 */
	private static AuthenticationEntryPoint signInFirst(JsonMapper json) {
		LoginUrlAuthenticationEntryPoint page = new LoginUrlAuthenticationEntryPoint(AttemptGuard.SIGN_IN);
		return (request, response, ex) -> {
			if (AttemptGuard.wantsPage(request)) {
				page.commence(request, response, ex);
				return;
			}
			response.setHeader("WWW-Authenticate", "Bearer");
			Problems.write(request, response, json, Problem.with(ErrorCode.UNAUTHENTICATED, null));
		};
	}

	/**
	 * A bearer token that is unknown, expired, revoked or malformed: 401, counted against
	 * the address.
	 */
	private static AuthenticationEntryPoint badToken(AttemptGuard guard, JsonMapper json) {
		AuthenticationEntryPoint noToken = signInFirst(json);
		return (request, response, ex) -> {
			if (!(ex instanceof OAuth2AuthenticationException invalid)
					|| !OAuth2ErrorCodes.INVALID_TOKEN.equals(invalid.getError().getErrorCode())) {
				noToken.commence(request, response, ex);
				return;
			}
			guard.badToken(request.getRemoteAddr());
			response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
			// Unknown, expired or revoked (the introspector says which), or no token at
			// all: "Bearer" with nothing, or with characters that no token has.
			Problem problem = ex.getCause() instanceof Accounts.RefusedToken refused ? refused.problem()
					: ex instanceof InvalidBearerTokenException ? Problem.with(ErrorCode.INVALID_TOKEN, "Authorization")
							: Problem.keyed(ErrorCode.INVALID_TOKEN, "Authorization", "malformed");
			Problems.write(request, response, json, problem);
		};
	}

	/**
	 * Signed in but not allowed: 403 problem+json. A form sent without its CSRF token is
	 * refused as such, or as not signed in when there is no session at all. A sign-in
	 * form without its token (its session expired, or another site posted it) sends a
	 * browser back to a fresh sign-in page that says so.
	 */
	private static AccessDeniedHandler refused(JsonMapper json) {
		return (request, response, ex) -> {
			if (ex instanceof CsrfException && AttemptGuard.SIGN_IN.equals(request.getRequestURI())) {
				if (AttemptGuard.wantsPage(request)) {
					response.sendRedirect(AttemptGuard.SIGN_IN + "?expired");
				}
				else {
					Problems.write(request, response, json, Problem.with(ErrorCode.CSRF_TOKEN_MISSING, "_csrf"));
				}
				return;
			}
			if (ex instanceof CsrfException) {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				boolean signedIn = SignedIn.of(auth) != null;
				ErrorCode code = signedIn ? ErrorCode.CSRF_TOKEN_MISSING : ErrorCode.UNAUTHENTICATED;
				Problems.write(request, response, json, Problem.with(code, signedIn ? "_csrf" : null));
				return;
			}
			Problems.write(request, response, json, Problem.with(ErrorCode.FORBIDDEN, null));
		};
	}

	/**
	 * Re-reads the roles of a user signed in with a password on every request (from the
	 * store at most once per {@code truce.security.grants-kept-for}, see
	 * {@link Accounts}), so that a revocation takes effect at once (within that time when
	 * made by another instance or command) and a disabled user's session ends.
	 */
	static final class CurrentGrants extends OncePerRequestFilter {

		private final Accounts accounts;

		CurrentGrants(Accounts accounts) {
			this.accounts = accounts;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth instanceof UsernamePasswordAuthenticationToken
					&& auth.getPrincipal() instanceof SignedIn.TruceUserDetails user) {
				List<GrantedAuthority> now = this.accounts.currentAuthorities(user.userId());
				if (now == null) {
					HttpSession session = request.getSession(false);
					if (session != null) {
						session.invalidate();
					}
					SecurityContextHolder.clearContext();
				}
				else if (!SignedIn.names(now).equals(SignedIn.names(auth.getAuthorities()))) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, now));
					SecurityContextHolder.setContext(context);
				}
			}
			chain.doFilter(request, response);
		}

	}

}
