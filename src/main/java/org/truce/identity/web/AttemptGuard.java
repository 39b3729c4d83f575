package org.truce.identity.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.web.Problems;

/**
 * Rate limits in front of authentication: refuses a password sign-in for an account or
 * from an address that failed too often, a bearer token from an address that sent too
 * many bad tokens, a token used faster than its allowance, and anonymous requests from an
 * address faster than its allowance (one {@link RequestRate} each). Answers 429
 * problem+json with Retry-After (a browser's sign-in form goes back to the sign-in page,
 * which says how long to wait).
 */
final class AttemptGuard extends OncePerRequestFilter {

	static final String SIGN_IN = "/login";

	private final Throttle accounts;

	private final Throttle addresses;

	private final Throttle badTokens;

	private final RequestRate tokenUse;

	private final RequestRate anonymousUse;

	private final JsonMapper json;

	AttemptGuard(Throttle accounts, Throttle addresses, Throttle badTokens, RequestRate tokenUse,
			RequestRate anonymousUse, JsonMapper json) {
		this.accounts = accounts;
		this.addresses = addresses;
		this.badTokens = badTokens;
		this.tokenUse = tokenUse;
		this.anonymousUse = anonymousUse;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		if ("POST".equals(request.getMethod()) && SIGN_IN.equals(request.getRequestURI())) {
			String username = request.getParameter("username");
			Optional<Duration> wait = this.addresses.lockedFor(address)
				.or(() -> username == null ? Optional.empty() : this.accounts.lockedFor(account(username)));
			if (wait.isPresent()) {
				if (wantsPage(request)) {
					response.sendRedirect(SIGN_IN + "?locked=" + Math.max(1, wait.get().toSeconds()));
				}
				else {
					refuse(request, response, wait.get(), ErrorCode.TOO_MANY_ATTEMPTS, "signIns");
				}
				return;
			}
		}
		String bearer = bearer(request);
		if (bearer != null) {
			Optional<Duration> wait = this.badTokens.lockedFor(address);
			if (wait.isPresent()) {
				refuse(request, response, wait.get(), ErrorCode.TOO_MANY_ATTEMPTS, "badTokens");
				return;
			}
			Optional<Duration> tooFast = this.tokenUse.take(bearer);
			if (tooFast.isPresent()) {
				refuse(request, response, tooFast.get(), ErrorCode.RATE_LIMITED, "token");
				return;
			}
		}
		else if (anonymous()) {
			// The address is the client's own, or the one a trusted proxy forwarded
			// (server.forward-headers-strategy, set only behind a proxy).
			Optional<Duration> tooFast = this.anonymousUse.take(address);
			if (tooFast.isPresent()) {
				refuse(request, response, tooFast.get(), ErrorCode.RATE_LIMITED, "anonymous");
				return;
			}
		}
		chain.doFilter(request, response);
	}

	void signInFailed(String username, String address) {
		this.addresses.failed(address);
		if (username != null) {
			this.accounts.failed(account(username));
		}
	}

	void signInSucceeded(String username) {
		this.accounts.succeeded(account(username));
	}

	void badToken(String address) {
		this.badTokens.failed(address);
	}

	/** Nobody signed in: no session with a user (a bearer token is handled apart). */
	private static boolean anonymous() {
		Authentication who = SecurityContextHolder.getContext().getAuthentication();
		return who == null || who instanceof AnonymousAuthenticationToken || !who.isAuthenticated();
	}

	/**
	 * @param what the sentence's variant in the problems bundle, which is followed by
	 * {@code .minutes} or {@code .seconds}: the wait, in whole minutes from two minutes
	 * on
	 */
	private void refuse(HttpServletRequest request, HttpServletResponse response, Duration wait, ErrorCode code,
			String what) throws IOException {
		long seconds = Math.max(1, wait.toSeconds());
		response.setHeader("Retry-After", String.valueOf(seconds));
		Problem problem = seconds >= 120 ? Problem.keyed(code, null, what + ".minutes", (seconds + 59) / 60)
				: Problem.keyed(code, null, what + ".seconds", seconds);
		Problems.write(request, response, this.json, problem);
	}

	static String bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		return header.substring(7).strip();
	}

	/**
	 * A browser page request (not the API, not htmx), which is sent to the sign-in page.
	 */
	static boolean wantsPage(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		String path = request.getRequestURI();
		return accept != null && accept.contains("text/html") && request.getHeader("HX-Request") == null
				&& !path.startsWith("/api/") && bearer(request) == null;
	}

	private static String account(String username) {
		return username.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
