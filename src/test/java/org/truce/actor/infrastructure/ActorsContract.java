package org.truce.actor.infrastructure;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.application.Actors;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorType;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Actors} store must do, and that the {@link ActorDirectory} on top of
 * it resolves what was stored. Each subclass runs it on one real store.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ActorsContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcActors.class, ActorDirectory.class };

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Actors actors;

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyStore() {
		this.truce = this.started.get();
		this.actors = this.truce.bean(Actors.class);
		this.truce.wipe();
	}

	static Actor russia() {
		return new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null,
				List.of("Russia", "Government of Russia", "Россия"));
	}

	static Actor russianAirForce() {
		return new Actor("russian-air-force", "Russian Aerospace Forces", ActorType.STATE_FORCE, "russia",
				List.of("VKS"));
	}

	static Actor isis() {
		return new Actor("isis", "Islamic State", ActorType.DESIGNATED_TERRORIST_ORGANISATION, null, List.of());
	}

	@Test
	void savedActorsReadBackWithTheirParentsAndAliasesInOrder() {
		this.actors.saveAll(List.of(russianAirForce(), russia(), isis()));

		assertThat(this.actors.all()).containsExactly(isis(), russia(), russianAirForce());
	}

	@Test
	void savingAnActorAgainReplacesItsFieldsAndAliases() {
		this.actors.saveAll(List.of(russia(), russianAirForce()));
		Actor renamed = new Actor("russian-air-force", "Russian Air Force", ActorType.STATE_FORCE, null,
				List.of("RuAF"));

		this.actors.saveAll(List.of(renamed));

		assertThat(this.actors.all()).containsExactly(russia(), renamed);
	}

	@Test
	void savingAnActorWithNoAliasesRemovesTheOldOnes() {
		this.actors.saveAll(List.of(russia()));

		this.actors.saveAll(List.of(new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, null)));

		assertThat(this.actors.all()).singleElement().extracting(Actor::aliases).asList().isEmpty();
	}

	@Test
	void anActorsNamesInOtherLanguagesReadBackAndAreReplacedWhenSavedAgain() {
		Actor lavrov = new Actor("sergei-lavrov", "Sergei Lavrov", ActorType.OTHER, null, List.of("Лавров"), List.of(),
				Map.of("ru", "Сергей Лавров", "ar", "سيرغي لافروف"));
		this.actors.saveAll(List.of(lavrov));

		assertThat(this.actors.all()).containsExactly(lavrov);
		assertThat(this.actors.all().get(0).names()).containsOnly(Map.entry("en", "Sergei Lavrov"),
				Map.entry("ru", "Сергей Лавров"), Map.entry("ar", "سيرغي لافروف"));

		Actor russianOnly = new Actor("sergei-lavrov", "Sergei Lavrov", ActorType.OTHER, null, List.of(), List.of(),
				Map.of("ru", "Сергей Викторович Лавров"));
		this.actors.saveAll(List.of(russianOnly));

		assertThat(this.actors.all().get(0).names()).containsOnly(Map.entry("en", "Sergei Lavrov"),
				Map.entry("ru", "Сергей Викторович Лавров"));
		ActorDirectory directory = this.truce.bean(ActorDirectory.class);
		directory.register(List.of(lavrov));
		assertThat(directory.resolve("سيرغي لافروف").actorId()).isEqualTo("sergei-lavrov");
	}

	@Test
	void anEmptyStoreHasNoActors() {
		assertThat(this.actors.all()).isEmpty();
	}

	@Test
	void registeredActorsResolveAtOnceByNameAliasOrId() {
		ActorDirectory directory = this.truce.bean(ActorDirectory.class);

		directory.register(List.of(russia(), russianAirForce()));

		assertThat(directory.resolve("Russia")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Russia", "russia"));
		assertThat(directory.resolve("the Russian federation")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("the Russian federation", "russia"));
		assertThat(directory.resolve("russian-air-force").actorId()).isEqualTo("russian-air-force");
		assertThat(directory.resolve("Wagner")).isEqualTo(ActorRef.unresolved("Wagner"));
		assertThat(directory.registry().lineage("russian-air-force")).extracting(Actor::id)
			.containsExactly("russian-air-force", "russia");
	}

}
