package org.truce.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The paths of an operation's template, each variable filled in every way given. */
final class PathTemplates {

	private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

	private PathTemplates() {
	}

	/**
	 * Every path of {@code template} ({@code /api/incidents/{id}/claims}), each variable
	 * filled with each value {@code valuesAfter} gives for the segment before it
	 * ({@code incidents}).
	 */
	static List<String> filled(String template, Function<String, List<String>> valuesAfter) {
		List<String> paths = new ArrayList<>();
		paths.add("");
		String previous = "";
		for (String segment : template.substring(1).split("/", -1)) {
			List<String> values = new ArrayList<>();
			Matcher variable = VARIABLE.matcher(segment);
			if (variable.find()) {
				for (String value : valuesAfter.apply(previous)) {
					values.add(segment.substring(0, variable.start()) + value + segment.substring(variable.end()));
				}
			}
			else {
				values.add(segment);
			}
			List<String> next = new ArrayList<>();
			for (String path : paths) {
				for (String value : values) {
					next.add(path + "/" + value);
				}
			}
			paths = next;
			previous = segment;
		}
		return paths;
	}

}
