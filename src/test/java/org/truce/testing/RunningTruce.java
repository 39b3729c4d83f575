package org.truce.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.truce.TruceApplication;
import org.truce.identity.application.ManagingUsers;
import org.truce.identity.model.Grant;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.store.StoreDialect;

/**
 * The real application, started in this JVM on one store: an embedded SQLite file in a
 * temporary directory, or a fresh PostgreSQL schema. Either without a web server or
 * serving HTTP on a random loopback port; or, for the contract of a store, only the store
 * and the components under test ({@link #sqliteSlice(Class...)},
 * {@link #postgresSlice(Class...)}). Closing it stops the application and deletes the
 * store.
 */
public final class RunningTruce implements AutoCloseable {

	/** The password of every user added by {@link #user(String, String...)}. */
	public static final String PASSWORD = "correct horse battery staple";

	private final ConfigurableApplicationContext context;

	private final AutoCloseable storeCleanup;

	private final String describe;

	private final Path dataDir;

	private RunningTruce(ConfigurableApplicationContext context, AutoCloseable storeCleanup, String describe,
			Path dataDir) {
		this.context = context;
		this.storeCleanup = storeCleanup;
		this.describe = describe;
		this.dataDir = dataDir;
	}

	/** A store in a new temporary directory. */
	public static RunningTruce sqlite(boolean web) {
		return sqlite(web, Map.of());
	}

	/**
	 * A store in a new temporary directory, with extra application properties (such as
	 * {@code truce.ledger.checkpoint-seconds}).
	 */
	public static RunningTruce sqlite(boolean web, Map<String, Object> extra) {
		Path dir = newTempDir();
		return start(web, with(Map.of("truce.data", dir.toString()), extra), () -> deleteRecursively(dir),
				"sqlite " + dir);
	}

	/**
	 * Only the store ({@link StoreSlice}) and these {@code components} (such as the store
	 * under test and what uses it) in a new temporary directory, without the rest of the
	 * application: for the contract of one store.
	 */
	public static RunningTruce sqliteSlice(Class<?>... components) {
		return sqliteSlice(Map.of(), components);
	}

	/**
	 * Only the store ({@link StoreSlice}) and these {@code components} in a new temporary
	 * directory, with extra application properties (such as
	 * {@code truce.ledger.witnesses}).
	 */
	public static RunningTruce sqliteSlice(Map<String, Object> extra, Class<?>... components) {
		Path dir = newTempDir();
		return start(slice(components), false, with(Map.of("truce.data", dir.toString()), extra),
				() -> deleteRecursively(dir), "sqlite slice " + dir);
	}

	/**
	 * A store in an existing directory, which is left in place on close (to reopen a
	 * store written before).
	 */
	public static RunningTruce sqliteIn(Path dir, boolean web) {
		return sqliteIn(dir, web, Map.of());
	}

	/**
	 * A store in an existing directory, left in place on close, with extra application
	 * properties (such as {@code truce.ledger.witnesses}).
	 */
	public static RunningTruce sqliteIn(Path dir, boolean web, Map<String, Object> properties) {
		Map<String, Object> store = new LinkedHashMap<>(properties);
		store.put("truce.data", dir.toString());
		return start(web, store, () -> {
		}, "sqlite " + dir);
	}

	/**
	 * A store in a fresh PostgreSQL schema; skips or fails as
	 * {@link PostgresTestDatabase} says.
	 */
	public static RunningTruce postgres(boolean web) {
		return postgres(web, Map.of());
	}

	/**
	 * A store in a fresh PostgreSQL schema, with extra application properties; skips or
	 * fails as {@link PostgresTestDatabase} says.
	 */
	public static RunningTruce postgres(boolean web, Map<String, Object> extra) {
		return postgres(new Class<?>[] { TruceApplication.class }, web, extra, "");
	}

	/**
	 * Only the store ({@link StoreSlice}) and these {@code components} on a fresh
	 * PostgreSQL schema, as {@link #sqliteSlice(Class...)} on SQLite: for the contract of
	 * one store. Skips or fails as {@link PostgresTestDatabase} says.
	 */
	public static RunningTruce postgresSlice(Class<?>... components) {
		return postgresSlice(Map.of(), components);
	}

	/**
	 * Only the store and these {@code components} on a fresh PostgreSQL schema, with
	 * extra application properties.
	 */
	public static RunningTruce postgresSlice(Map<String, Object> extra, Class<?>... components) {
		return postgres(slice(components), false, extra, " slice");
	}

	private static RunningTruce postgres(Class<?>[] sources, boolean web, Map<String, Object> extra, String kind) {
		PostgresTestDatabase.Schema schema = PostgresTestDatabase.freshSchema();
		try {
			Path dir = newTempDir();
			return start(sources, web, with(Map.of("truce.db", schema.url(), "truce.data", dir.toString()), extra),
					() -> {
						try {
							schema.close();
						}
						finally {
							deleteRecursively(dir);
						}
					}, "postgresql" + kind + " schema " + schema.name());
		}
		catch (RuntimeException ex) {
			schema.close();
			throw ex;
		}
	}

	/** The store's slice and these components. */
	private static Class<?>[] slice(Class<?>... components) {
		return Stream.concat(Stream.of(StoreSlice.class), Stream.of(components)).toArray(Class<?>[]::new);
	}

	/**
	 * One more instance on an existing PostgreSQL schema and data directory (which holds
	 * the ledger key), both left in place on close: several instances started so share
	 * one database, as several servers behind a load balancer do.
	 */
	public static RunningTruce postgresOn(PostgresTestDatabase.Schema schema, Path dataDir, boolean web,
			Map<String, Object> extra) {
		return start(web, with(Map.of("truce.db", schema.url(), "truce.data", dataDir.toString()), extra), () -> {
		}, "postgresql schema " + schema.name() + " with data in " + dataDir);
	}

	private static Map<String, Object> with(Map<String, Object> store, Map<String, Object> extra) {
		Map<String, Object> all = new LinkedHashMap<>(store);
		all.putAll(extra);
		return all;
	}

	private static RunningTruce start(boolean web, Map<String, Object> store, AutoCloseable cleanup, String describe) {
		return start(new Class<?>[] { TruceApplication.class }, web, store, cleanup, describe);
	}

	private static RunningTruce start(Class<?>[] sources, boolean web, Map<String, Object> store, AutoCloseable cleanup,
			String describe) {
		Map<String, Object> properties = new LinkedHashMap<>();
		// Tests send far more anonymous requests a minute from the loopback address than
		// a
		// person browsing the map: the anonymous allowance is raised unless a test sets
		// it
		// (AnonymousReadersAreRateLimitedTest tests the limit itself).
		properties.put("truce.security.anonymous.requests-per-minute", "1000000");
		properties.put("truce.security.anonymous.burst", "100000");
		properties.putAll(store);
		properties.put("server.port", "0");
		properties.put("logging.level.root", "warn");
		properties.put("spring.main.banner-mode", "off");
		List<String> args = new ArrayList<>();
		properties.forEach((k, v) -> args.add("--" + k + "=" + v));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(sources)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.logStartupInfo(false)
			.run(args.toArray(String[]::new));
		return new RunningTruce(context, cleanup, describe, Path.of(String.valueOf(store.get("truce.data"))));
	}

	/** The data directory; for SQLite, it holds {@code truce.db}. */
	public Path dataDir() {
		return this.dataDir;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Every bean of {@code type}, by name. */
	public <T> Map<String, T> beans(Class<T> type) {
		return this.context.getBeansOfType(type);
	}

	public StoreDialect dialect() {
		return bean(StoreDialect.class);
	}

	public JdbcClient jdbc() {
		return bean(JdbcClient.class);
	}

	/** Registers these actors (such as those of {@link Parties}). */
	public void register(Actor... actors) {
		bean(ActorDirectory.class).register(List.of(actors));
	}

	/**
	 * Adds a user named {@code name} who signs in with {@link #PASSWORD}, holding
	 * {@code grants} (such as {@code monitor} or {@code liaison:syria-government}).
	 */
	public void user(String name, String... grants) {
		bean(ManagingUsers.class).add(name, PASSWORD, parse(grants), ManagingUsers.COMMAND_LINE);
	}

	/**
	 * Adds a user holding {@code grants} (such as {@code monitor} or
	 * {@code liaison:syria-government}) and returns a new API token of it.
	 */
	public String token(String... grants) {
		return token(bean(ManagingUsers.class), grants);
	}

	/**
	 * Adds a user holding {@code grants} and returns a new API token of it (three ledger
	 * entries: the user, its grant and its token).
	 */
	public static String token(ManagingUsers users, String... grants) {
		String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
		users.add(name, null, parse(grants), ManagingUsers.COMMAND_LINE);
		return users.issueToken(name, "test", null, ManagingUsers.COMMAND_LINE).secret();
	}

	private static List<Grant> parse(String... grants) {
		return Stream.of(grants).map(g -> Grant.parse(g).orElseThrow()).toList();
	}

	/**
	 * An HTTP client of the web server, signed in with a token of a user holding
	 * {@code grants}.
	 */
	public Http http(String... grants) {
		Http http = new Http(baseUri());
		return grants.length == 0 ? http : http.withToken(token(grants));
	}

	/** The base URI of the web server, such as {@code http://127.0.0.1:41234}. */
	public URI baseUri() {
		String port = this.context.getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("not started with a web server");
		}
		return URI.create("http://127.0.0.1:" + port);
	}

	/**
	 * Deletes every report (and its publication), source and actor, so that the next test
	 * starts from an empty store.
	 */
	public void wipe() {
		JdbcClient jdbc = jdbc();
		jdbc.sql("DELETE FROM import_rejections").update();
		jdbc.sql("DELETE FROM imports").update();
		for (String table : List.of("webhook_attempts", "webhook_deliveries", "webhook_subscriptions", "alerts",
				"notification_acknowledgments", "notification_parties", "notifications", "declared_positions",
				"access_request_parties", "access_requests", "besieged_areas", "movement_restrictions",
				"determination_comments", "determination_sign_offs", "determinations", "idempotent_requests",
				"requests_for_information", "incident_evidence", "incident_claims", "candidate_links",
				"incident_reports", "incidents")) {
			jdbc.sql("DELETE FROM " + table).update();
		}
		jdbc.sql("DELETE FROM report_publications").update();
		jdbc.sql("DELETE FROM reports").update();
		if (dialect() instanceof StoreDialect.Sqlite) {
			// The R*Tree has no delete trigger: reports are never deleted in production.
			jdbc.sql("DELETE FROM reports_rtree").update();
		}
		jdbc.sql("DELETE FROM actor_aliases").update();
		jdbc.sql("DELETE FROM actor_associations").update();
		jdbc.sql("DELETE FROM actors").update();
		jdbc.sql("DELETE FROM sources").update();
	}

	@Override
	public String toString() {
		return this.describe;
	}

	/**
	 * Stops the application and deletes the store; first checks that every entry the
	 * application wrote to its ledger is as {@link org.truce.ledger.model.EntryKinds}
	 * lists it ({@link LedgerEntriesAsListed}), and fails after closing if one is not.
	 */
	@Override
	public void close() throws Exception {
		List<String> unlisted = List.of();
		try {
			unlisted = LedgerEntriesAsListed.problems(bean(org.truce.ledger.application.Ledger.class));
		}
		catch (RuntimeException ex) {
			// No ledger in this slice, or a store the test took away: nothing to check.
		}
		try {
			this.context.close();
		}
		finally {
			this.storeCleanup.close();
		}
		if (!unlisted.isEmpty()) {
			throw new AssertionError("ledger entries not as EntryKinds lists them: " + unlisted);
		}
	}

	public static Path newTempDir() {
		try {
			return Files.createTempDirectory("truce-test-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(p);
			}
		}
	}

}
