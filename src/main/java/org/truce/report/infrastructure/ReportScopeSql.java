package org.truce.report.infrastructure;

import java.util.Collections;
import java.util.List;

import org.truce.report.model.CoarseGrid;
import org.truce.report.model.ReportQuery;

/**
 * The SQL of a reader's {@link ReportQuery.Scope}, shared by every store that filters by
 * what its reader may see of the reports (the findings store too): conditions on a row of
 * {@code reports} under an alias.
 */
public final class ReportScopeSql {

	private ReportScopeSql() {
	}

	/**
	 * The condition that a reader of {@code scope} may see the report row {@code alias},
	 * beginning with {@code " AND "}, or the empty string when the scope leaves nothing
	 * out; its parameters are added to {@code params}.
	 */
	public static String visible(ReportQuery.Scope scope, String alias, List<Object> params) {
		StringBuilder sql = new StringBuilder();
		if (scope.concerning() != null) {
			if (scope.concerning().isEmpty()) {
				sql.append(" AND 1 = 0");
			}
			else {
				String in = String.join(", ", Collections.nCopies(scope.concerning().size(), "?"));
				sql.append(" AND (")
					.append(alias)
					.append(".actor_id IN (")
					.append(in)
					.append(") OR ")
					.append(alias)
					.append(".target_id IN (")
					.append(in)
					.append("))");
				List<String> ids = scope.concerning().stream().sorted().toList();
				params.addAll(ids);
				params.addAll(ids);
			}
		}
		if (scope.publishedOnly()) {
			sql.append(" AND EXISTS (SELECT 1 FROM report_publications p WHERE p.report_id = ")
				.append(alias)
				.append(".id)");
		}
		return sql.toString();
	}

	/** The condition that the report row {@code alias} comes from an at-risk source. */
	public static String fromAtRiskSource(String alias) {
		return alias + ".source_id IN (SELECT s.id FROM sources s WHERE s.at_risk)";
	}

	/**
	 * The latitude or longitude ({@code column} {@code lat} or {@code lon}) of the report
	 * row {@code alias} as the reader is shown it: the centre of its grid cell when its
	 * source is at risk, else the exact one. The same expression as {@link CoarseGrid}'s;
	 * the cell size is a number from the configuration, written into the SQL as a
	 * literal.
	 */
	public static String shown(String alias, String column, CoarseGrid grid) {
		String degrees = Double.toString(grid.degrees());
		return "(CASE WHEN " + fromAtRiskSource(alias) + " THEN (floor(" + alias + "." + column + " / " + degrees
				+ ") + 0.5) * " + degrees + " ELSE " + alias + "." + column + " END)";
	}

}
