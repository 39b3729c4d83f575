package org.truce.identity.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.application.Users;
import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.User;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

/** Users, their roles and API tokens (admins only). */
@RestController
class UserController {

	static final int MAX_GRANTS = 20;

	private final ManagingUsers managing;

	private final Users users;

	private final RowCaps caps;

	UserController(ManagingUsers managing, Users users, RowCaps caps) {
		this.caps = caps;
		this.managing = managing;
		this.users = users;
	}

	record TokenView(UUID id, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {

		static TokenView of(ApiToken t) {
			return new TokenView(t.id(), t.label(), t.createdAt(), t.expiresAt(), t.revokedAt());
		}

	}

	record UserView(UUID id, String username, List<String> grants, Instant createdAt, Instant disabledAt,
			List<TokenView> tokens) {

	}

	record NewUser(String username, String password, List<String> grants) {

	}

	record AddedUser(UserView user, String password) {

	}

	record NewGrant(String grant) {

	}

	record NewToken(String label, Instant expiresAt) {

	}

	record IssuedToken(UUID id, String token, Instant expiresAt) {

	}

	@Operation(summary = "Every user with roles and tokens (admins)")
	@GetMapping("/api/users")
	List<UserView> all() {
		return this.caps.cut("users", this.users.all()).stream().map(this::view).toList();
	}

	@Operation(summary = "Add a user; a password is generated and returned when none is given (admins)")
	@PostMapping("/api/users")
	ResponseEntity<AddedUser> add(@RequestBody NewUser body) {
		List<Grant> grants = grants(body.grants());
		ManagingUsers.Added added = this.managing.add(body.username(), body.password(), grants, by());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new AddedUser(view(added.user()), body.password() == null ? added.password() : null));
	}

	@Operation(summary = "Grant a role, such as monitor or liaison:syria-government (admins)")
	@PostMapping("/api/users/{username}/grants")
	ResponseEntity<UserView> grant(@PathVariable String username, @RequestBody NewGrant body) {
		boolean added = this.managing.grant(username, grant(body.grant(), "grant"), by());
		return ResponseEntity.status(added ? HttpStatus.CREATED : HttpStatus.OK).body(current(username));
	}

	@Operation(summary = "Revoke a role (admins)")
	@DeleteMapping("/api/users/{username}/grants/{grant}")
	ResponseEntity<Void> revoke(@PathVariable String username, @PathVariable String grant) {
		if (!this.managing.revoke(username, grant(grant, "grant"), by())) {
			throw new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "grant", "grant", username, grant));
		}
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Issue an API token; the token is shown only in this answer (admins)")
	@PostMapping("/api/users/{username}/tokens")
	ResponseEntity<IssuedToken> token(@PathVariable String username, @RequestBody NewToken body) {
		ManagingUsers.IssuedToken issued = this.managing.issueToken(username, body.label(), body.expiresAt(), by());
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new IssuedToken(issued.token().id(), issued.secret(), issued.token().expiresAt()));
	}

	@Operation(summary = "Revoke an API token (admins)")
	@DeleteMapping("/api/tokens/{id}")
	ResponseEntity<Void> revokeToken(@PathVariable UUID id) {
		this.managing.revokeToken(id, by());
		return ResponseEntity.noContent().build();
	}

	private UserView current(String username) {
		return this.users.byUsername(username).map(this::view).orElseThrow();
	}

	private UserView view(User u) {
		return new UserView(u.id(), u.username(), u.grants().stream().map(Grant::toString).toList(), u.createdAt(),
				u.disabledAt(), this.users.tokens(u.id()).stream().map(TokenView::of).toList());
	}

	private static List<Grant> grants(List<String> texts) {
		if (texts == null) {
			return List.of();
		}
		if (texts.size() > MAX_GRANTS) {
			throw new RejectedException(Problem.of(ErrorCode.TOO_MANY_ITEMS, "grants"));
		}
		List<Grant> out = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			out.add(grant(texts.get(i), "grants[" + i + "]"));
		}
		return out;
	}

	private static Grant grant(String text, String field) {
		return Grant.parse(text)
			.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.INVALID_VALUE, field, "grant", text)));
	}

	private static String by() {
		return SignedIn.of(SecurityContextHolder.getContext().getAuthentication()).userId();
	}

}
