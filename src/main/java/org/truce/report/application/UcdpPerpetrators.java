package org.truce.report.application;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.WhoActed;

/**
 * Who acted in a UCDP GED event. UCDP's codebook makes {@code side_a} and {@code side_b}
 * the two sides of a dyad: for state-based violence ({@code type_of_violence} 1) side_a
 * is the government by convention, and for non-state violence (2) the order says nothing
 * of who attacked. So an event of type 1 or 2 is {@link WhoActed#EITHER_SIDE}, with
 * side_a as the report's actor and side_b as its target, as UCDP gives them. One-sided
 * violence (3) names its perpetrator as side_a: {@link WhoActed#ACTOR}.
 *
 * <p>
 * The exception is a stated rule below that reads, in the source's own words, who acted.
 * The rules are deliberately narrow, because a wrong inference charges the wrong side:
 * <ol>
 * <li>They read each headline (UCDP joins the headlines of an event's articles with
 * {@code ;}) and each citation of {@code source_article} on its own, after decoding HTML
 * character references.</li>
 * <li>A headline counts only when it is one statement: beside the matched words it holds
 * no {@code " and "}, {@code " with "}, {@code " while "}, {@code " amid "},
 * {@code " as "} or comma. SOHR's digests ("Clashes in X and the regime forces bomb Y")
 * are attached to events at both places, so the words need not be about this event.</li>
 * <li>A rule whose words say that someone shelled or bombed some place counts only when
 * the headline names the event's place ({@code where_coordinates} or {@code adm_2},
 * compared by consonant skeleton to allow for transliteration): UCDP attaches an article
 * to events at places the headline does not name.</li>
 * <li>A rule names one actor by id. It decides only when that actor is one of the event's
 * two sides, by the resolved actor id; a rule naming an actor that is neither side (as
 * "Russian air strikes" in a dyad of the Syrian government and the insurgents) infers
 * nothing.</li>
 * <li>When the rules that match name different actors, nothing is inferred.</li>
 * </ol>
 * When a rule decides that side_b acted, the report's actor becomes side_b and its target
 * side_a, and the basis says so.
 */
final class UcdpPerpetrators {

	/**
	 * A named rule: its words, and the actor (by registry id) that they say acted.
	 *
	 * @param id the rule's name, kept in the basis
	 * @param actorId the actor the words say acted
	 * @param pattern the words; matched against one headline at a time
	 */
	record Rule(String id, String actorId, Pattern pattern, boolean namesThePlace) {

	}

	/** The Islamic State's names; "IS" only in capitals, since "is" is a word. */
	private static final String IS = "(?:(?i:Islamic State|ISIS|ISIL|Daesh)|IS)";

	private static final String REGIME = "(?i:(?:the )?(?:Syrian )?(?:regime|Syrian army|Syrian Arab Army)(?:'s|’s)?)";

	/** "Islamic State claims bomb attack in Syria's Tartous". */
	static final Rule IS_CLAIMS = new Rule("is-claims", "islamic-state",
			Pattern.compile("^(?i:the )?" + IS + "(?i: group)? (?i:claims|claimed)\\b"), false);

	/** "Three Turkish soldiers killed in IS attack in Syria". */
	static final Rule IS_ATTACK = new Rule("is-attack", "islamic-state", Pattern.compile(
			"(?i:\\b(?:in|by) (?:an? )?)" + IS + " (?i:attack|suicide attack|suicide bombing|car bomb|car bombing)\\b"),
			false);

	/** "Regime forces shelled several areas in the northern countryside of Homs". */
	static final Rule REGIME_SHELLING = new Rule("regime-shelling", "syria-government", Pattern.compile("^" + REGIME
			+ "(?i: forces)? (?i:shell|shells|shelled|bomb|bombs|bombed|bombard|bombards|bombarded|target|targets|targeted)\\b"),
			true);

	/**
	 * "Regime's helicopters drop more than 50 barrel bombs on the besieged Khan al-Shih".
	 */
	static final Rule REGIME_BARREL_BOMBS = new Rule("regime-barrel-bombs", "syria-government", Pattern.compile("^"
			+ REGIME
			+ "(?i: helicopters?)? (?i:drop|drops|dropped) (?i:(?:more than |about |at least )?\\d+ )?(?i:barrel ?bombs?)"
			+ "|(?i:barrel ?bombs? dropped by )" + REGIME + "(?i: helicopters?)"), true);

	/**
	 * "Rebel shells kill 30 in Aleppo", "Rebels target Mahrda town in Hama countryside".
	 */
	static final Rule REBELS_SHELLED = new Rule("rebels-shelled", "syrian-insurgents", Pattern.compile(
			"^(?i:(?:the )?(?:rebels|rebel factions|insurgents|opposition fighters|opposition factions) (?:shell|shells|shelled|bomb|bombs|bombed|target|targets|targeted)\\b)"
					+ "|^(?i:rebel(?:'s|’s)? (?:shells|shelling|bombardment|rockets) (?:kill|kills|killed|wound|wounds|wounded|target|targets|targeted|hit|hits)\\b)"),
			true);

	/**
	 * "Russian airstrikes kill 23 civilians in Idlib city". Russia is a side of no UCDP
	 * Syrian dyad in 2016, so in that data this rule infers nothing.
	 */
	static final Rule RUSSIAN_AIR_STRIKES = new Rule("russian-air-strikes", "russia", Pattern.compile(
			"^(?i:(?:the )?Russian (?:air ?strikes?|warplanes?|jets?|aircraft|aerial bombardment|aviation)\\b)"), true);

	/** Every rule, all tried. */
	static final List<Rule> RULES = List.of(IS_CLAIMS, IS_ATTACK, REGIME_SHELLING, REGIME_BARREL_BOMBS, REBELS_SHELLED,
			RUSSIAN_AIR_STRIKES);

	/** Words that join a second statement to a headline. */
	private static final Pattern SECOND_STATEMENT = Pattern.compile("(?i: and | with | while | amid | as |,)");

	private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(\\d{1,6});");

	/**
	 * A rule's match: the words it matched, in which column.
	 */
	record Match(Rule rule, String words, String column) {

	}

	private UcdpPerpetrators() {
	}

	/**
	 * Who acted in an event, decided once its sides are resolved.
	 * @param places the event's place names ({@code where_coordinates}, {@code adm_2})
	 */
	static WhoActedReading reading(int typeOfViolence, String headline, String article, List<String> places) {
		if (typeOfViolence == 3) {
			return WhoActedReading.STATED;
		}
		List<Match> matches = matches(headline, article, places);
		return (sideA, sideB) -> decide(matches, sideA, sideB);
	}

	static WhoActedReading.Decision decide(List<Match> matches, ActorRef sideA, ActorRef sideB) {
		Set<String> named = new LinkedHashSet<>();
		matches.forEach(m -> named.add(m.rule().actorId()));
		if (named.size() != 1) {
			return new WhoActedReading.Decision(sideA, sideB, WhoActed.EITHER_SIDE, false);
		}
		Match match = matches.get(0);
		String actorId = match.rule().actorId();
		String said = "ucdp: rule " + match.rule().id() + ", '" + match.words() + "' in " + match.column();
		if (idOf(sideA) != null && idOf(sideA).equals(actorId)) {
			return new WhoActedReading.Decision(sideA, sideB, new WhoActed(WhoActed.Kind.ACTOR, List.of(),
					said + " -> side_a (" + sideA.asReported() + ") acted against side_b"), false);
		}
		if (idOf(sideB) != null && idOf(sideB).equals(actorId)) {
			return new WhoActedReading.Decision(sideB, sideA,
					new WhoActed(WhoActed.Kind.ACTOR, List.of(), said + " -> side_b (" + sideB.asReported()
							+ ") acted against side_a; actor and target are swapped from UCDP's order"),
					true);
		}
		return new WhoActedReading.Decision(sideA, sideB, WhoActed.EITHER_SIDE, false);
	}

	private static String idOf(ActorRef ref) {
		return ref == null || ref.status() != ActorRef.ResolutionStatus.RESOLVED ? null : ref.actorId();
	}

	/** Every rule's match in the event's headlines and citations. */
	static List<Match> matches(String headline, String article, List<String> places) {
		Set<String> placeKeys = new LinkedHashSet<>();
		for (String place : places) {
			String key = placeKey(place);
			if (key != null) {
				placeKeys.add(key);
			}
		}
		List<Match> out = new ArrayList<>();
		for (String part : statements(headline, false)) {
			match(part, "source_headline", placeKeys, out);
		}
		for (String part : statements(article, true)) {
			match(part, "source_article", placeKeys, out);
		}
		return out;
	}

	private static void match(String statement, String column, Set<String> placeKeys, List<Match> out) {
		for (Rule rule : RULES) {
			Matcher m = rule.pattern().matcher(statement);
			if (m.find() && !SECOND_STATEMENT.matcher(statement.substring(0, m.start())).find()
					&& !SECOND_STATEMENT.matcher(statement.substring(m.end())).find()
					&& (!rule.namesThePlace() || namesAny(statement, placeKeys))) {
				out.add(new Match(rule, m.group(), column));
			}
		}
	}

	/** Words that say what kind of place a name is, not which. */
	private static final Set<String> PLACE_KINDS = Set.of("town", "village", "city", "camp", "district", "governorate",
			"neighborhood", "neighbourhood", "area", "mountain", "plain", "hills", "airport", "idp", "subdistrict",
			"nahiya", "region", "countryside");

	/**
	 * A place name's key: the consonant skeleton of its last word that is not a kind of
	 * place (first letter kept, other vowels dropped, doubled letters single), so that
	 * Tartus and Tartous, Miskin and Meskin match; null when shorter than three letters,
	 * too short to tell places apart.
	 */
	static String placeKey(String name) {
		if (name == null) {
			return null;
		}
		String[] words = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").split("[^\\p{L}]+");
		for (int i = words.length - 1; i >= 0; i--) {
			String word = words[i].toLowerCase(Locale.ROOT);
			if (!word.isEmpty() && !PLACE_KINDS.contains(word)) {
				String key = skeleton(word);
				return key.length() < 3 ? null : key;
			}
		}
		return null;
	}

	private static boolean namesAny(String statement, Set<String> placeKeys) {
		for (String word : Normalizer.normalize(statement, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.split("[^\\p{L}]+")) {
			if (!word.isEmpty() && placeKeys.contains(skeleton(word.toLowerCase(Locale.ROOT)))) {
				return true;
			}
		}
		return false;
	}

	private static String skeleton(String word) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (i > 0 && "aeiouy".indexOf(c) >= 0) {
				continue;
			}
			if (out.length() > 0 && out.charAt(out.length() - 1) == c) {
				continue;
			}
			out.append(c);
		}
		return out.toString();
	}

	/**
	 * The headlines in a column, decoded. A citation of {@code source_article} reads
	 * {@code "SOURCE,DATE,HEADLINE"}; only its headline is kept.
	 */
	private static List<String> statements(String text, boolean citations) {
		if (text == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (String part : decode(text).split(";")) {
			String s = part.strip();
			if (citations) {
				s = s.replaceAll("^\"+|\"+$", "");
				int first = s.indexOf(',');
				int second = first < 0 ? -1 : s.indexOf(',', first + 1);
				if (second < 0) {
					continue;
				}
				s = s.substring(second + 1).strip();
			}
			if (!s.isEmpty()) {
				out.add(s);
			}
		}
		return out;
	}

	/** The text with numeric character references ({@code &#8217;}) decoded. */
	static String decode(String text) {
		Matcher m = CHARACTER_REFERENCE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			int code = Integer.parseInt(m.group(1));
			m.appendReplacement(out,
					Matcher.quoteReplacement(Character.isValidCodePoint(code) ? Character.toString(code) : m.group()));
		}
		m.appendTail(out);
		return out.toString();
	}

}
