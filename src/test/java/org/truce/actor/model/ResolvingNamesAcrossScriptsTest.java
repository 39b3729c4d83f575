package org.truce.actor.model;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolution prefers the registered names and aliases, in any script, and only then
 * matches by transliteration; a transliteration that several actors share picks none, and
 * every resolution says which name it matched and how (issue 18).
 */
class ResolvingNamesAcrossScriptsTest {

	private static final Actor LAVROV = new Actor("sergei-lavrov", "Sergei Lavrov", ActorType.OTHER, "russia",
			List.of("Sergey Lavrov", "Лавров"), List.of(), Map.of("ru", "Сергей Лавров", "ar", "سيرغي لافروف"));

	@Test
	void aNameRegisteredInAScriptMatchesAsThatName() {
		ActorRegistry registry = new ActorRegistry(List.of(LAVROV));

		ActorRef cyrillic = registry.resolve("Сергей Лавров");
		ActorRef arabic = registry.resolve("سيرغي لافروف");
		ActorRef alias = registry.resolve("ЛАВРОВ");
		ActorRef folded = registry.resolve("Sergey Lavrov");

		assertThat(cyrillic.actorId()).isEqualTo("sergei-lavrov");
		assertThat(cyrillic.match())
			.isEqualTo(new NameMatch(NameMatch.How.NAME, "Сергей Лавров", "Cyrillic", "сергеи лавров"));
		assertThat(cyrillic.explanation())
			.isEqualTo("'Сергей Лавров' matches the actor's Cyrillic name 'Сергей Лавров'.");
		assertThat(arabic.match().how()).isEqualTo(NameMatch.How.NAME);
		assertThat(arabic.match().script()).isEqualTo("Arabic");
		assertThat(alias.match()).isEqualTo(new NameMatch(NameMatch.How.ALIAS, "Лавров", "Cyrillic", "лавров"));
		// an alias that folds to the name's own key is matched as the name
		assertThat(folded.match())
			.isEqualTo(new NameMatch(NameMatch.How.NAME, "Sergei Lavrov", "Latin", "sirgi lavruv"));
	}

	@Test
	void withOnlyItsLatinNameRegisteredTheOtherScriptsMatchByTransliteration() {
		ActorRegistry registry = new ActorRegistry(
				List.of(new Actor("sergei-lavrov", "Sergei Lavrov", ActorType.OTHER, null, List.of()),
						new Actor("bashar-al-assad", "Bashar al-Assad", ActorType.OTHER, null, List.of())));

		for (String name : List.of("Сергей Лавров", "سيرغي لافروف", "Sergej Lavrov")) {
			ActorRef ref = registry.resolve(name);
			assertThat(ref.actorId()).as(name).isEqualTo("sergei-lavrov");
			assertThat(ref.match()).as(name)
				.isEqualTo(new NameMatch(NameMatch.How.TRANSLITERATION, "Sergei Lavrov", "Latin", "srglfrf"));
			assertThat(ref.explanation()).as(name).contains("transliterated", "'srglfrf'", "'Sergei Lavrov'");
		}
		assertThat(registry.resolve("بشار الأسد").actorId()).isEqualTo("bashar-al-assad");
		assertThat(registry.resolve("Башар Асад").actorId()).isEqualTo("bashar-al-assad");
	}

	@Test
	void aTransliterationThatTwoActorsShareIsAmbiguousAndPicksNone() {
		// Two registered spellings that differ only in their vowels share a consonant
		// skeleton
		ActorRegistry registry = new ActorRegistry(
				List.of(new Actor("tell-hamis", "Tall Hamis", ActorType.OTHER, null, List.of()),
						new Actor("tell-humus", "Tell Homos", ActorType.OTHER, null, List.of())));

		ActorRef ref = registry.resolve("تل حميس");

		assertThat(ref.status()).isEqualTo(ActorRef.ResolutionStatus.AMBIGUOUS);
		assertThat(ref.actorId()).isNull();
		assertThat(ref.candidates()).containsExactly("tell-hamis", "tell-humus");
		assertThat(ref.match().how()).isEqualTo(NameMatch.How.TRANSLITERATION);
		assertThat(ref.explanation()).contains("could be any of [tell-hamis, tell-humus]", "none is chosen");
		assertThat(registry.ambiguousTransliterations()).containsOnlyKeys("tlhms");
		assertThat(registry.ambiguousKeys()).isEmpty();
	}

	@Test
	void aRegisteredNameWinsOverATransliterationOfAnother() {
		// "Tall Hamis" is written, as a name, by one actor; only the other shares its
		// skeleton
		ActorRegistry registry = new ActorRegistry(
				List.of(new Actor("tell-hamis", "Tall Hamis", ActorType.OTHER, null, List.of()),
						new Actor("tell-humus", "Tell Homos", ActorType.OTHER, null, List.of())));

		ActorRef ref = registry.resolve("Tall Hamis");

		assertThat(ref.actorId()).isEqualTo("tell-hamis");
		assertThat(ref.match().how()).isEqualTo(NameMatch.How.NAME);
	}

	@Test
	void anAmbiguousNameIsNotResolvedByItsTransliteration() {
		ActorRegistry registry = ActorFixture.registryOfTheGenevaTalks();

		ActorRef ref = registry.resolve("the air force");

		assertThat(ref.status()).isEqualTo(ActorRef.ResolutionStatus.AMBIGUOUS);
		assertThat(ref.match()).isNull();
	}

	@Test
	void aShortSkeletonIsNeverLookedUp() {
		ActorRegistry registry = new ActorRegistry(
				List.of(new Actor("un", "United Nations", ActorType.OTHER, null, List.of("UN"))));

		assertThat(TransliterationKey.of("أون")).isEqualTo("n");
		assertThat(registry.resolve("أون").status()).isEqualTo(ActorRef.ResolutionStatus.UNRESOLVED);
	}

	@Test
	void aNameInAnotherScriptIsKeptAndUnresolvedAndSaysWhy() {
		ActorRegistry registry = new ActorRegistry(List.of(LAVROV));

		ActorRef ref = registry.resolve("סרגיי לברוב");

		assertThat(ref).isEqualTo(ActorRef.unresolved("סרגיי לברוב"));
		assertThat(ref.explanation()).contains("a script that Truce does not transliterate");
	}

}
