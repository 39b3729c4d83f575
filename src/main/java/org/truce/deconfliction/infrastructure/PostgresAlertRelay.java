package org.truce.deconfliction.infrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.truce.deconfliction.application.Alerts;
import org.truce.deconfliction.application.AlertsRaised;
import org.truce.deconfliction.model.Alert;
import org.truce.shared.BackgroundLoop;
import org.truce.store.StoreDialect;

/**
 * Brings the alerts raised by the other server instances sharing one PostgreSQL database
 * to this instance's readers. Each instance that stores alerts says so in the same
 * transaction ({@code NOTIFY truce_alerts}, which PostgreSQL delivers at the commit, in
 * commit order, to every listener), with its own instance id and the alerts' ids; every
 * other instance listens on a connection of its own, reads those alerts and announces
 * them ({@link AlertsRaised}) to its event streams. An instance never relays its own.
 *
 * <p>
 * Alerts raised while the listening connection is down (it reconnects every few seconds)
 * are not relayed live; they are in {@code GET /api/alerts}. The embedded store serves
 * one instance and relays nothing.
 */
@Component
class PostgresAlertRelay extends BackgroundLoop {

	static final String CHANNEL = "truce_alerts";

	/** Ids per notification: its payload stays far below PostgreSQL's 8000 bytes. */
	private static final int IDS_PER_NOTICE = 100;

	private static final Logger log = LoggerFactory.getLogger(PostgresAlertRelay.class);

	private final String instance = UUID.randomUUID().toString();

	private final String url;

	private final JdbcClient jdbc;

	private final boolean postgres;

	/** Looked up at use: the store of alerts itself tells this relay what it stored. */
	private final ObjectProvider<Alerts> alerts;

	private final ApplicationEventPublisher events;

	/**
	 * The channel of this schema: instances on other schemas of the database are not
	 * told.
	 */
	private volatile String channel;

	PostgresAlertRelay(@Value("${truce.db:}") String url, StoreDialect dialect, JdbcClient jdbc,
			ObjectProvider<Alerts> alerts, ApplicationEventPublisher events) {
		super("truce-alert-relay", true, Duration.ofSeconds(5));
		this.url = url;
		this.jdbc = jdbc;
		this.postgres = dialect instanceof StoreDialect.Postgres;
		this.alerts = alerts;
		this.events = events;
	}

	/**
	 * Tells the other instances, at the commit of the caller's transaction, that these
	 * alerts were stored. Does nothing on the embedded store.
	 */
	void announce(List<Alert> stored) {
		if (!this.postgres || stored.isEmpty()) {
			return;
		}
		for (int from = 0; from < stored.size(); from += IDS_PER_NOTICE) {
			StringBuilder payload = new StringBuilder(this.instance);
			for (Alert a : stored.subList(from, Math.min(stored.size(), from + IDS_PER_NOTICE))) {
				payload.append(',').append(a.id());
			}
			this.jdbc.sql("SELECT pg_notify(?, ?)").params(channel(), payload.toString()).query().singleRow();
		}
	}

	@Override
	protected boolean enabled() {
		return this.postgres;
	}

	@Override
	protected void loop() {
		while (isRunning()) {
			try (Connection c = DriverManager.getConnection(this.url)) {
				try (Statement s = c.createStatement()) {
					s.execute("LISTEN \"" + channel().replace("\"", "\"\"") + "\"");
				}
				PGConnection pg = c.unwrap(PGConnection.class);
				while (isRunning()) {
					PGNotification[] notices = pg.getNotifications(500);
					if (notices != null) {
						for (PGNotification n : notices) {
							relay(n.getParameter());
						}
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!isRunning()) {
					return;
				}
				log.warn("listening for other instances' alerts failed ({}); retrying in 2 s", ex.toString());
				pause(Duration.ofSeconds(2));
			}
		}
	}

	private String channel() {
		String c = this.channel;
		if (c == null) {
			c = CHANNEL + "_" + this.jdbc.sql("SELECT current_schema()").query(String.class).single();
			this.channel = c;
		}
		return c;
	}

	private void relay(String payload) {
		String[] parts = payload.split(",");
		if (parts.length < 2 || parts[0].equals(this.instance)) {
			return;
		}
		List<Alert> raised = new ArrayList<>();
		for (int i = 1; i < parts.length; i++) {
			Optional<Alert> a = this.alerts.getObject().byId(UUID.fromString(parts[i]));
			a.ifPresent(raised::add);
		}
		if (!raised.isEmpty()) {
			this.events.publishEvent(new AlertsRaised(raised, System.nanoTime()));
		}
	}

}
