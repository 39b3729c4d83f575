package org.truce.scenario.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.report.application.ImportProgress;

/**
 * Registers the actors of the scenario's {@code actors.yaml} (a list under
 * {@code actors:} of id, name, type, parent, names in other languages by language tag
 * ({@code names: {ar: ..., ru: ...}}) and aliases). {@code ucdp_ids} and {@code sources}
 * document where an entry came from and are not stored: resolution goes by name, and
 * every UCDP side name is listed as a name or alias.
 */
@Component
@Order(100)
class ActorsLoader implements ScenarioLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final ActorDirectory directory;

	private final ResourceLoader resources;

	ActorsLoader(ActorDirectory directory, ResourceLoader resources) {
		this.directory = directory;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		Resource file = this.resources.getResource(scenario.file("actors.yaml"));
		if (!file.exists()) {
			return "Actors: the scenario has no actors.yaml.";
		}
		List<Actor> actors = read(file);
		this.directory.register(actors);
		return "Actors: " + actors.size() + " registered from actors.yaml.";
	}

	static List<Actor> read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return YAML.readValue(in, ActorsFile.class)
				.actors()
				.stream()
				.map(e -> new Actor(e.id(), e.name(), e.type(), e.parent(), e.aliases(), e.associatedWith(), e.names()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

	record ActorsFile(List<Entry> actors) {

		ActorsFile {
			actors = actors == null ? List.of() : actors;
		}

	}

	record Entry(String id, String name, ActorType type, String parent, Map<String, String> names, List<String> aliases,
			@JsonProperty("ucdp_ids") List<Integer> ucdpIds, List<String> sources, List<String> associatedWith) {

	}

}
