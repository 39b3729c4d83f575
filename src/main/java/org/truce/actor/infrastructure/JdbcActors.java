package org.truce.actor.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.actor.application.Actors;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;

@Repository
class JdbcActors implements Actors {

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	JdbcActors(JdbcClient jdbc, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public void saveAll(List<Actor> actors) {
		this.tx.executeWithoutResult(status -> {
			for (Actor actor : actors) {
				this.jdbc
					.sql("INSERT INTO actors (id, name, type, parent_id) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE"
							+ " SET name = excluded.name, type = excluded.type, parent_id = excluded.parent_id")
					.params(actor.id(), actor.name(), actor.type().name(), actor.parentId())
					.update();
				this.jdbc.sql("DELETE FROM actor_aliases WHERE actor_id = ?").param(actor.id()).update();
				for (int i = 0; i < actor.aliases().size(); i++) {
					this.jdbc.sql("INSERT INTO actor_aliases (actor_id, position, alias) VALUES (?, ?, ?)")
						.params(actor.id(), i, actor.aliases().get(i))
						.update();
				}
				this.jdbc.sql("DELETE FROM actor_names WHERE actor_id = ?").param(actor.id()).update();
				actor.names().forEach((language, name) -> {
					if (!language.equals(Actor.NAME_LANGUAGE)) {
						this.jdbc.sql("INSERT INTO actor_names (actor_id, language, name) VALUES (?, ?, ?)")
							.params(actor.id(), language, name)
							.update();
					}
				});
				this.jdbc.sql("DELETE FROM actor_associations WHERE actor_id = ?").param(actor.id()).update();
				for (String other : new java.util.LinkedHashSet<>(actor.associatedWith())) {
					this.jdbc.sql("INSERT INTO actor_associations (actor_id, associated_with) VALUES (?, ?)")
						.params(actor.id(), other)
						.update();
				}
			}
		});
	}

	@Override
	public List<Actor> all() {
		Map<String, List<String>> aliases = new LinkedHashMap<>();
		this.jdbc.sql("SELECT actor_id, alias FROM actor_aliases ORDER BY actor_id, position").query(rs -> {
			aliases.computeIfAbsent(rs.getString("actor_id"), k -> new ArrayList<>()).add(rs.getString("alias"));
		});
		Map<String, List<String>> associations = new LinkedHashMap<>();
		this.jdbc.sql("SELECT actor_id, associated_with FROM actor_associations ORDER BY actor_id, associated_with")
			.query(rs -> {
				associations.computeIfAbsent(rs.getString("actor_id"), k -> new ArrayList<>())
					.add(rs.getString("associated_with"));
			});
		Map<String, Map<String, String>> names = new LinkedHashMap<>();
		this.jdbc.sql("SELECT actor_id, language, name FROM actor_names ORDER BY actor_id, language").query(rs -> {
			names.computeIfAbsent(rs.getString("actor_id"), k -> new LinkedHashMap<>())
				.put(rs.getString("language"), rs.getString("name"));
		});
		return this.jdbc.sql("SELECT id, name, type, parent_id FROM actors ORDER BY id")
			.query((rs, n) -> new Actor(rs.getString("id"), rs.getString("name"),
					ActorType.valueOf(rs.getString("type")), rs.getString("parent_id"),
					aliases.getOrDefault(rs.getString("id"), List.of()),
					associations.getOrDefault(rs.getString("id"), List.of()),
					names.getOrDefault(rs.getString("id"), Map.of())))
			.list();
	}

}
