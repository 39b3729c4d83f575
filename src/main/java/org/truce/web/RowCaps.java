package org.truce.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * How many rows each list, map layer and export answers at most. Each list has a name;
 * its cap is {@code truce.limits.rows.<name>}, or {@code truce.limits.rows.default}
 * (1,000) when that is not set. The store is asked for {@link #ask(String) cap + 1} rows,
 * never more, and {@link #cut} keeps the first {@code cap}: when there were more, the
 * answer says so with the header {@value #TRUNCATED}{@code : true} (and a JSON object
 * answer with {@code "truncated": true}). Every capped answer carries
 * {@value #CAP}{@code : <cap>}, so that a client can tell a complete list from a cut one.
 * A {@code limit} query parameter above the cap is refused (400 INVALID_QUERY).
 */
@Component
public class RowCaps {

	/** The header that says how many rows this list answers at most. */
	public static final String CAP = "Truce-Row-Cap";

	/** The header that says the list was cut at its cap. */
	public static final String TRUNCATED = "Truce-Truncated";

	static final int DEFAULT = 1000;

	private final Environment environment;

	RowCaps(Environment environment) {
		this.environment = environment;
	}

	/** The cap of the named list (at least 1). */
	public int of(String list) {
		Integer fallback = this.environment.getProperty("truce.limits.rows.default", Integer.class, DEFAULT);
		return Math.max(1, this.environment.getProperty("truce.limits.rows." + list, Integer.class, fallback));
	}

	/**
	 * The cap of a list whose own default ({@code byDefault}) is not the common one: only
	 * {@code truce.limits.rows.<list>} changes it.
	 */
	public int of(String list, int byDefault) {
		return Math.max(1, this.environment.getProperty("truce.limits.rows." + list, Integer.class, byDefault));
	}

	/**
	 * How many rows to ask the store for: the cap, and one more to tell whether it cut.
	 */
	public int ask(String list) {
		return of(list) + 1;
	}

	/**
	 * The page size for a list with a {@code limit} parameter: the requested limit, or
	 * the default one when none was given, never above the cap.
	 * @throws org.truce.shared.RejectedException INVALID_QUERY when {@code requested} is
	 * below 1 or above the cap
	 */
	public int limit(String list, Integer requested, int byDefault) {
		return limit(list, requested, byDefault, Integer.MAX_VALUE);
	}

	/** As {@link #limit(String, Integer, int)}, never above {@code max} either. */
	public int limit(String list, Integer requested, int byDefault, int max) {
		int cap = Math.min(max, of(list));
		if (requested == null) {
			return Math.min(byDefault, cap);
		}
		if (requested < 1 || requested > cap) {
			throw QueryParameters.invalid("limit", "limit", cap);
		}
		return requested;
	}

	/**
	 * The first {@code cap} of {@code rows} (read with {@link #ask}), marking the current
	 * response as capped, and as truncated when there were more.
	 */
	public <T> List<T> cut(String list, List<T> rows) {
		return cut(rows, of(list));
	}

	/** As {@link #cut(String, List)}, at a given cap (a page size). */
	public static <T> List<T> cut(List<T> rows, int cap) {
		boolean truncated = rows.size() > cap;
		mark(cap, truncated);
		return truncated ? List.copyOf(rows.subList(0, cap)) : rows;
	}

	/**
	 * {@code {"items": [...]}}, with {@code "truncated": true} when the current response
	 * was marked as cut.
	 */
	public static Map<String, Object> items(List<?> items) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		if (truncated()) {
			body.put("truncated", true);
		}
		return body;
	}

	/**
	 * {@code body}, with {@code "truncated": true} added when the current response was
	 * marked as cut.
	 */
	public static Map<String, Object> truncatedIf(Map<String, Object> body) {
		if (!truncated()) {
			return body;
		}
		Map<String, Object> out = new LinkedHashMap<>(body);
		out.put("truncated", true);
		return out;
	}

	/** Whether the current response was marked as cut at its cap. */
	public static boolean truncated() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				&& attributes.getResponse() != null && "true".equals(attributes.getResponse().getHeader(TRUNCATED));
	}

	/** Marks the current response as capped at {@code cap}, and whether it was cut. */
	public static void mark(int cap, boolean truncated) {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletResponse response = attributes.getResponse();
			if (response != null) {
				response.setHeader(CAP, String.valueOf(cap));
				if (truncated) {
					response.setHeader(TRUNCATED, "true");
				}
			}
		}
	}

}
