package org.truce.scenario.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.springframework.core.io.ClassPathResource;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorRef;
import org.truce.actor.model.ActorRegistry;
import org.truce.actor.model.NameMatch;
import org.truce.report.model.Casualties;
import org.truce.report.model.DataFlag;
import org.truce.report.model.DataFlags;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of resolution over the actors of {@code scenarios/syria-2016/actors.yaml}
 * (issue 18): each of an actor's names and aliases, in every script, resolves to it, and
 * so does any spelling that differs from one of them only as transliterations and Arabic
 * orthography do; no two actors share a key; a name in another script resolves to nothing
 * and is flagged.
 */
class ResolvingTheScenariosNamesAcrossScriptsProperties {

	private static final List<Actor> ACTORS = ActorsLoader
		.read(new ClassPathResource("scenarios/syria-2016/actors.yaml"));

	private static final ActorRegistry REGISTRY = new ActorRegistry(ACTORS);

	private static final String TASHKEEL = "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652";

	@Example
	void theScenarioNamesItsActorsInArabicCyrillicAndLatin() {
		long arabic = ACTORS.stream().filter(a -> a.names().containsKey("ar")).count();
		long russian = ACTORS.stream().filter(a -> a.names().containsKey("ru")).count();

		assertThat(arabic).isGreaterThanOrEqualTo(38);
		assertThat(russian).isGreaterThanOrEqualTo(37);
		for (String id : List.of("syria-government", "syrian-air-force", "russian-aerospace-forces", "fsa",
				"jabhat-fateh-al-sham", "islamic-state", "sdf", "ypg", "hezbollah", "sarc", "un", "united-states",
				"russia", "sergei-lavrov", "john-kerry", "bashar-al-assad", "staffan-de-mistura")) {
			Actor actor = REGISTRY.byId(id).orElseThrow();
			assertThat(NameMatch.scriptOf(actor.nameIn("ar"))).as(id).isEqualTo("Arabic");
			assertThat(NameMatch.scriptOf(actor.nameIn("ru"))).as(id).isEqualTo("Cyrillic");
			assertThat(NameMatch.scriptOf(actor.nameIn("en"))).as(id).isEqualTo("Latin");
		}
	}

	@Example
	void theIssuesExamplesResolveToOneActorEach() {
		for (String name : List.of("Сергей Лавров", "سيرغي لافروف", "Sergei Lavrov", "Sergey Lavrov")) {
			assertThat(REGISTRY.resolve(name).actorId()).as(name).isEqualTo("sergei-lavrov");
		}
		for (String name : List.of("بشار الأسد", "Bashar al-Assad")) {
			assertThat(REGISTRY.resolve(name).actorId()).as(name).isEqualTo("bashar-al-assad");
		}
	}

	@Property(tries = 300)
	void everyNameAndAliasInEveryScriptResolvesToItsActor(
			@ForAll("registeredNames") Tuple.Tuple2<Actor, String> named) {
		ActorRef ref = REGISTRY.resolve(named.get2());

		assertThat(ref.status()).as(named.get2()).isEqualTo(ActorRef.ResolutionStatus.RESOLVED);
		assertThat(ref.actorId()).as(named.get2()).isEqualTo(named.get1().id());
		assertThat(ref.match().how()).as(named.get2()).isIn(NameMatch.How.NAME, NameMatch.How.ALIAS);
	}

	@Property(tries = 1000)
	void aSpellingThatDiffersOnlyInTransliterationResolvesToTheSameActor(
			@ForAll("registeredNames") Tuple.Tuple2<Actor, String> named, @ForAll long seed) {
		String respelled = respell(named.get2(), new Random(seed));

		ActorRef ref = REGISTRY.resolve(respelled);

		assertThat(ref.actorId()).as(named.get2() + " respelled " + respelled).isEqualTo(named.get1().id());
		assertThat(ref.asReported()).isEqualTo(respelled);
	}

	@Example
	void noTwoActorsShareAKeyOrATransliterationKey() {
		// The collisions, enumerated: a shared key would make every name with it
		// ambiguous.
		assertThat(REGISTRY.ambiguousKeys()).as("NameKeys that several actors share").isEmpty();
		assertThat(REGISTRY.ambiguousTransliterations()).as("transliteration keys that several actors share").isEmpty();
	}

	@Property(tries = 300)
	void aNameInAnotherScriptResolvesToNothingAndIsFlagged(@ForAll("otherScripts") String name) {
		ActorRef ref = REGISTRY.resolve(name);

		assertThat(ref).isEqualTo(ActorRef.unresolved(name));
		assertThat(ref.explanation()).contains("a script that Truce does not transliterate");
		assertThat(DataFlags.derive(ref, null, Casualties.NONE)).contains(DataFlag.ACTOR_UNRESOLVED);
	}

	@Provide
	Arbitrary<Tuple.Tuple2<Actor, String>> registeredNames() {
		List<Tuple.Tuple2<Actor, String>> all = new ArrayList<>();
		for (Actor actor : ACTORS) {
			for (String name : actor.names().values()) {
				all.add(Tuple.of(actor, name));
			}
			for (String alias : actor.aliases()) {
				all.add(Tuple.of(actor, alias));
			}
		}
		return Arbitraries.of(all);
	}

	@Provide
	Arbitrary<String> otherScripts() {
		Arbitrary<String> hebrew = Arbitraries.strings()
			.withCharRange('\u05D0', '\u05EA')
			.ofMinLength(1)
			.ofMaxLength(8);
		Arbitrary<String> han = Arbitraries.strings().withCharRange('\u4E00', '\u9FA5').ofMinLength(1).ofMaxLength(4);
		Arbitrary<String> word = Arbitraries.oneOf(hebrew, han);
		return Combinators.combine(word, word.injectNull(0.5))
			.as((first, second) -> second == null ? first : first + " " + second);
	}

	/**
	 * The name as another writer could spell it, changing only what transliterations and
	 * Arabic orthography vary in: ei/ey and i/y, the article (added, removed, hyphenated
	 * or assimilated), tashkeel, the forms of alef and of the hamza's seat, ta marbuta
	 * and alef maqsura, ё and й, letter case.
	 */
	static String respell(String name, Random random) {
		String[] words = name.split(" ", -1);
		StringBuilder out = new StringBuilder();
		for (int w = 0; w < words.length; w++) {
			String word = words[w];
			if (w > 0) {
				out.append(' ');
			}
			if (word.isEmpty() || !Character.isLetter(word.codePointAt(0))) {
				out.append(word);
				continue;
			}
			out.append(
					NameMatch.scriptOf(word).equals("Arabic") ? arabic(word, random) : latinOrCyrillic(word, random));
		}
		return out.toString();
	}

	private static String arabic(String word, Random random) {
		String s = word;
		if (s.startsWith("ال") && s.length() >= 4 && random.nextInt(3) == 0) {
			s = s.substring(2);
		}
		else if (!s.startsWith("ال") && s.length() >= 2 && random.nextInt(4) == 0) {
			s = "ال" + s;
		}
		if (s.startsWith("ا") && random.nextBoolean()) {
			s = "أإآ".charAt(random.nextInt(3)) + s.substring(1);
		}
		if (s.startsWith("الا") && random.nextBoolean()) {
			s = "ال" + "أإ".charAt(random.nextInt(2)) + s.substring(3);
		}
		if (s.endsWith("ة") && random.nextBoolean()) {
			s = s.substring(0, s.length() - 1) + "ه";
		}
		else if (s.endsWith("ه") && random.nextBoolean()) {
			s = s.substring(0, s.length() - 1) + "ة";
		}
		if (s.endsWith("ي") && random.nextBoolean()) {
			s = s.substring(0, s.length() - 1) + "ى";
		}
		StringBuilder marked = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == 'ي' && i > 0 && i < s.length() - 1 && random.nextInt(5) == 0) {
				c = 'ئ';
			}
			else if (c == 'و' && i > 0 && random.nextInt(5) == 0) {
				c = 'ؤ';
			}
			marked.append(c);
			if (Character.isLetter(c) && random.nextInt(3) == 0) {
				marked.append(TASHKEEL.charAt(random.nextInt(TASHKEEL.length())));
			}
		}
		return marked.toString();
	}

	private static String latinOrCyrillic(String word, Random random) {
		String s = word;
		if (s.length() > 3 && s.startsWith("al-") && random.nextBoolean()) {
			s = s.substring(3);
		}
		else if (s.length() > 3 && s.startsWith("al-") && random.nextBoolean()) {
			s = List.of("el-", "al ", "Al-").get(random.nextInt(3)) + s.substring(3);
		}
		else if (s.length() > 3 && Character.isLowerCase(s.charAt(0)) && random.nextInt(6) == 0 && isLatin(s)) {
			s = "al-" + s;
		}
		if (s.endsWith("ei") && random.nextBoolean()) {
			s = s.substring(0, s.length() - 2) + "ey";
		}
		else if (s.endsWith("ey") && random.nextBoolean()) {
			s = s.substring(0, s.length() - 2) + "ei";
		}
		s = s.replace("ё", random.nextBoolean() ? "е" : "ё").replace("Ё", "Е");
		if (random.nextInt(4) == 0) {
			s = s.replace('й', 'и');
		}
		if (random.nextInt(4) == 0) {
			s = random.nextBoolean() ? s.toUpperCase(java.util.Locale.ROOT) : s.toLowerCase(java.util.Locale.ROOT);
		}
		return s;
	}

	private static boolean isLatin(String word) {
		return Set.of("Latin").contains(NameMatch.scriptOf(word));
	}

}
