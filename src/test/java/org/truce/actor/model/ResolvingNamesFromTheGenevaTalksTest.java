package org.truce.actor.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spellings that the 2016 reporting on the Geneva talks used for one party resolve to
 * that party (DESIGN.md, "actor registry with aliases and transliterations").
 */
class ResolvingNamesFromTheGenevaTalksTest {

	private final ActorRegistry registry = ActorFixture.registryOfTheGenevaTalks();

	@Test
	void russiaAndTheRussianFederationAreOneActorThroughAnAlias() {
		assertThat(this.registry.resolve("Russian Federation")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Russian Federation", "russia"));
		assertThat(this.registry.resolve("Russia")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Russia", "russia"));
		assertThat(this.registry.resolve("the Russian Federation").actorId()).isEqualTo("russia");
	}

	@Test
	void sergeiAndSergeyLavrovAreOnePersonWithoutAnAlias() {
		assertThat(ActorFixture.lavrov().aliases()).isEmpty();
		assertThat(this.registry.resolve("Sergei Lavrov").actorId()).isEqualTo("sergey-lavrov");
		assertThat(this.registry.resolve("Sergey Lavrov").actorId()).isEqualTo("sergey-lavrov");
		assertThat(this.registry.resolve("SERGEI LAVROV").actorId()).isEqualTo("sergey-lavrov");
	}

	@Test
	void usAndUsaAndTheUnitedStatesAreOneActor() {
		for (String name : List.of("US", "U.S.", "U. S.", "USA", "U.S.A.", "United States", "the United States",
				"United States of America")) {
			assertThat(this.registry.resolve(name)).as(name)
				.usingRecursiveComparison()
				.ignoringFields("match")
				.isEqualTo(ActorRef.resolved(name, "usa"));
		}
	}

	@Test
	void theFormsOfTheArticleInJabhatAlNusraAreOneActor() {
		for (String name : List.of("Jabhat al-Nusra", "Jabhat an-Nusra", "Jabhat Al Nusra", "Jabhat an-Nuṣra",
				"JABHAT AL-NUSRA", "Jabhat Nusra", "Jabhat Fateh al-Sham", "Jabhat Fateh ash-Sham")) {
			assertThat(this.registry.resolve(name).actorId()).as(name).isEqualTo("jabhat-al-nusra");
		}
	}

	@Test
	void anUnknownNameIsKeptVerbatimAndUnresolved() {
		ActorRef ref = this.registry.resolve("  Liwa Fatemiyoun (Afghan) ");

		assertThat(ref).isEqualTo(ActorRef.unresolved("  Liwa Fatemiyoun (Afghan) "));
		assertThat(ref.actorId()).isNull();
		assertThat(ref.candidates()).isEmpty();
	}

	@Test
	void aNameThatTwoActorsShareIsAmbiguousWithBothAsCandidates() {
		ActorRef ref = this.registry.resolve("the Air Force");

		assertThat(ref.status()).isEqualTo(ActorRef.ResolutionStatus.AMBIGUOUS);
		assertThat(ref.asReported()).isEqualTo("the Air Force");
		assertThat(ref.actorId()).isNull();
		assertThat(ref.candidates()).containsExactly("russian-air-force", "syrian-air-force");
		assertThat(this.registry.ambiguousKeys())
			.isEqualTo(Map.of("air furci", Set.of("russian-air-force", "syrian-air-force")));
	}

	@Test
	void nothingReportedResolvesToNothing() {
		assertThat(this.registry.resolve(null)).isNull();
		assertThat(this.registry.resolve("   ")).isNull();
	}

	@Test
	void aKeyIsMeantForRawNamesOnlyBecauseKeyingItAgainMayFoldFurther() {
		// Folding is one pass: q becomes k after kh became h, so a key can hold a kh that
		// a
		// second pass would fold. Key the names as reported; never store keys to key
		// again.
		assertThat(NameKey.of("Qhalid")).isEqualTo("khalid");
		assertThat(NameKey.of(NameKey.of("Qhalid"))).isEqualTo("halid");
		assertThat(NameKey.of("Khalid")).isEqualTo("halid");
	}

}
