package org.truce.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The row a dataset published for a report, kept verbatim and apart from what Truce
 * inferred from it: every column of the file, in the file's order, with its value exactly
 * as written (an empty field is the empty string, never trimmed). ACLED's inter codes,
 * interaction and associated actors, UCDP's dyad, conflict and side ids and deaths by
 * side are read from here, and an export in the source's own layout writes them back.
 *
 * <p>
 * As sensitive as the report's source: only readers who see sources see them (they hold
 * the source line and the exact coordinates).
 *
 * @param format the layout the row is in: {@code acled} or {@code ucdp}
 * @param values column name, as the file's header wrote it, to value
 */
public record SourceFields(String format, Map<String, String> values) {

	public SourceFields {
		Objects.requireNonNull(format, "format");
		Objects.requireNonNull(values, "values");
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/**
	 * The value of a column, found without regard to case; null when the row has none.
	 */
	public String get(String column) {
		String exact = this.values.get(column);
		if (exact != null) {
			return exact;
		}
		for (Map.Entry<String, String> e : this.values.entrySet()) {
			if (e.getKey().trim().equalsIgnoreCase(column)) {
				return e.getValue();
			}
		}
		return null;
	}

}
