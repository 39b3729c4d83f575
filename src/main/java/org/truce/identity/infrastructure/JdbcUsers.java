package org.truce.identity.infrastructure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.truce.identity.application.Users;
import org.truce.identity.model.ApiToken;
import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.identity.model.User;
import org.truce.store.StoreDialect;

@Repository
class JdbcUsers implements Users {

	private static final String TOKEN_COLUMNS = "id, user_id, label, created_at, expires_at, revoked_at";

	private final JdbcClient jdbc;

	private final StoreDialect dialect;

	JdbcUsers(JdbcClient jdbc, StoreDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	@Override
	public void add(User user, String passwordHash) {
		this.jdbc.sql("INSERT INTO users (id, username, password_hash, created_at, disabled_at) VALUES (?, ?, ?, ?, ?)")
			.params(user.id().toString(), user.username(), passwordHash, this.dialect.instant(user.createdAt()),
					this.dialect.instant(user.disabledAt()))
			.update();
	}

	@Override
	public Optional<User> byUsername(String username) {
		return one("username = ?", username);
	}

	@Override
	public Optional<User> byId(UUID id) {
		return one("id = ?", id.toString());
	}

	@Override
	public Optional<String> passwordHash(UUID userId) {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
			.param(userId.toString())
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(h -> h);
	}

	@Override
	public void setPasswordHash(UUID userId, String passwordHash) {
		this.jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?")
			.params(passwordHash, userId.toString())
			.update();
	}

	@Override
	public List<User> all() {
		return users("1 = 1 ORDER BY username");
	}

	@Override
	public boolean addGrant(UUID userId, Grant grant, Instant at) {
		return this.jdbc
			.sql("INSERT INTO grants (user_id, role, scope, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(userId.toString(), grant.role().name(), scope(grant), this.dialect.instant(at))
			.update() == 1;
	}

	@Override
	public boolean removeGrant(UUID userId, Grant grant) {
		return this.jdbc.sql("DELETE FROM grants WHERE user_id = ? AND role = ? AND scope = ?")
			.params(userId.toString(), grant.role().name(), scope(grant))
			.update() == 1;
	}

	@Override
	public void addToken(ApiToken token, String tokenHash) {
		this.jdbc
			.sql("INSERT INTO api_tokens (id, user_id, label, token_hash, created_at, expires_at, revoked_at)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(token.id().toString(), token.userId().toString(), token.label(), tokenHash,
					this.dialect.instant(token.createdAt()), this.dialect.instant(token.expiresAt()),
					this.dialect.instant(token.revokedAt()))
			.update();
	}

	@Override
	public Optional<ApiToken> tokenByHash(String tokenHash) {
		return this.jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE token_hash = ?")
			.param(tokenHash)
			.query(this::tokenRow)
			.optional();
	}

	@Override
	public Optional<ApiToken> token(UUID tokenId) {
		return this.jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE id = ?")
			.param(tokenId.toString())
			.query(this::tokenRow)
			.optional();
	}

	@Override
	public List<ApiToken> tokens(UUID userId) {
		return this.jdbc.sql("SELECT " + TOKEN_COLUMNS + " FROM api_tokens WHERE user_id = ? ORDER BY created_at, id")
			.param(userId.toString())
			.query(this::tokenRow)
			.list();
	}

	@Override
	public boolean revokeToken(UUID tokenId, Instant at) {
		return this.jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(this.dialect.instant(at), tokenId.toString())
			.update() == 1;
	}

	private ApiToken tokenRow(ResultSet rs, int n) throws SQLException {
		return new ApiToken(UUID.fromString(rs.getString("id")), UUID.fromString(rs.getString("user_id")),
				rs.getString("label"), this.dialect.instant(rs, "created_at"), this.dialect.instant(rs, "expires_at"),
				this.dialect.instant(rs, "revoked_at"));
	}

	private Optional<User> one(String where, String param) {
		List<User> found = users(where, param);
		return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
	}

	private List<User> users(String where, Object... params) {
		Map<UUID, User> byId = new LinkedHashMap<>();
		this.jdbc.sql("SELECT id, username, created_at, disabled_at FROM users WHERE " + where)
			.params(params)
			.query((rs, n) -> new User(UUID.fromString(rs.getString("id")), rs.getString("username"), List.of(),
					this.dialect.instant(rs, "created_at"), this.dialect.instant(rs, "disabled_at")))
			.list()
			.forEach(u -> byId.put(u.id(), u));
		if (byId.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<Grant>> grants = new LinkedHashMap<>();
		String in = String.join(", ", Collections.nCopies(byId.size(), "?"));
		this.jdbc.sql("SELECT user_id, role, scope FROM grants WHERE user_id IN (" + in + ") ORDER BY role, scope")
			.params(byId.keySet().stream().map(UUID::toString).toList())
			.query(rs -> {
				grants.computeIfAbsent(UUID.fromString(rs.getString("user_id")), k -> new ArrayList<>())
					.add(new Grant(Role.valueOf(rs.getString("role")), rs.getString("scope")));
			});
		List<User> out = new ArrayList<>();
		for (User u : byId.values()) {
			out.add(new User(u.id(), u.username(), grants.getOrDefault(u.id(), List.of()), u.createdAt(),
					u.disabledAt()));
		}
		return out;
	}

	private static String scope(Grant grant) {
		return grant.actorId() == null ? "" : grant.actorId();
	}

}
