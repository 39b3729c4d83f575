package org.truce.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Humanitarian Exchange Language (HXL, hxlstandard.org, 1.1): a row of hashtags under
 * a CSV's header, such as {@code #adm1+name} or {@code #affected+killed}, that
 * humanitarian data platforms read to know what each column holds, whatever its name.
 * Core hashtags are used where one fits the column's meaning; the others are custom
 * ({@code #x_...}), as the standard requires.
 */
public final class Hxl {

	/** A hashtag with its attributes: lower-case names, as the standard writes them. */
	private static final Pattern TAG = Pattern.compile("#[a-z][a-z0-9_]*(\\+[a-z][a-z0-9_]*)*");

	private Hxl() {
	}

	/**
	 * The hashtag row for {@code header}, in its order.
	 * @param tags each column's hashtag, for every column of the header
	 * @throws IllegalArgumentException when a column has no hashtag, or one that is not a
	 * valid HXL hashtag
	 */
	public static List<String> row(List<String> header, Map<String, String> tags) {
		List<String> row = new ArrayList<>(header.size());
		for (String column : header) {
			String tag = tags.get(column);
			if (tag == null || !valid(tag)) {
				throw new IllegalArgumentException("column " + column + " has no valid HXL hashtag: " + tag);
			}
			row.add(tag);
		}
		return row;
	}

	/**
	 * Whether a CSV row is a row of HXL hashtags, as HDX publishes under a header: at
	 * least one value, and every value that is not blank a hashtag (in any case, with
	 * spaces before its attributes, as the standard allows).
	 */
	public static boolean isHashtagRow(String[] values) {
		boolean any = false;
		for (String value : values) {
			if (value == null || value.isBlank()) {
				continue;
			}
			if (!valid(value.replaceAll("\\s+", "").toLowerCase(java.util.Locale.ROOT))) {
				return false;
			}
			any = true;
		}
		return any;
	}

	/** Whether {@code tag} is a hashtag with attributes, as HXL writes them. */
	public static boolean valid(String tag) {
		return TAG.matcher(tag).matches();
	}

}
