package org.truce.report.application;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.truce.report.model.EventType;

/**
 * Infers an ACLED-style event type for a UCDP GED event, which has none. UCDP's own
 * {@code type_of_violence} 3 (one-sided violence against civilians) is an
 * {@link EventType#ATTACK}; otherwise the first keyword rule that matches the source
 * headline, or failing that the source citation, decides, and an event no rule matches is
 * an {@link EventType#ARMED_CLASH}. The rules are tried in the order listed. Every
 * inference states its basis, which is stored with the report.
 */
final class UcdpEventTypes {

	/** A named keyword rule. */
	record Rule(String name, EventType type, Pattern pattern) {

	}

	/** The type and a sentence saying which rule decided it. */
	record Inference(EventType type, String basis) {

	}

	static final List<Rule> RULES = List.of(
			new Rule("air-strike", EventType.AIR_DRONE_STRIKE,
					Pattern.compile("\\b(air ?strike|warplane|air ?raid|barrel ?bomb|bombed by aircraft)",
							Pattern.CASE_INSENSITIVE)),
			new Rule("shelling", EventType.SHELLING_ARTILLERY_MISSILE_ATTACK,
					Pattern.compile("\\b(shell|artillery|mortar|rocket|missile)", Pattern.CASE_INSENSITIVE)),
			new Rule("suicide-or-car-bomb", EventType.SUICIDE_BOMB,
					Pattern.compile("\\b(car ?bomb|suicide)", Pattern.CASE_INSENSITIVE)),
			// "IED" only in capitals: in lower case it is inside "killed".
			new Rule("explosive-device", EventType.REMOTE_EXPLOSIVE_LANDMINE_IED,
					Pattern.compile("\\bIEDs?\\b|(?i:\\b(land ?mine|explosive device))")));

	private UcdpEventTypes() {
	}

	static Inference infer(int typeOfViolence, String headline, String article) {
		if (typeOfViolence == 3) {
			return new Inference(EventType.ATTACK,
					"ucdp: type_of_violence 3 (one-sided violence against civilians) -> attack");
		}
		for (Rule rule : RULES) {
			String found = find(rule, headline);
			String column = "source_headline";
			if (found == null) {
				found = find(rule, article);
				column = "source_article";
			}
			if (found != null) {
				return new Inference(rule.type(),
						"ucdp: rule " + rule.name() + ", '" + found + "' in " + column + " -> " + rule.type().code());
			}
		}
		return new Inference(EventType.ARMED_CLASH, "ucdp: type_of_violence " + typeOfViolence
				+ ", no keyword rule matched source_headline or source_article -> armed_clash (default)");
	}

	private static String find(Rule rule, String text) {
		if (text == null) {
			return null;
		}
		Matcher m = rule.pattern().matcher(text);
		return m.find() ? m.group() : null;
	}

}
