package org.truce.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * When a record says a thing happened, and on whose word: the asserted time and its
 * provenance, kept apart from the time Truce recorded it. A notification entered after
 * the fact, from a letter or a statement, asserts the time it was given; Truce records it
 * later. Every answer that depends on time uses the asserted time, and says who asserts
 * it and in what document.
 *
 * <p>
 * Invariant: an assertion is never later than its recording ({@link #resolve} refuses
 * it). When nothing is asserted, the asserted time is the recorded time, asserted by the
 * user who entered it, with no document ({@link #recorded}).
 *
 * @param at the instant asserted, to the millisecond
 * @param by who asserts it: a person, office or organisation (by default the user id of
 * whoever entered the record)
 * @param document the document that says so, as a citation (title, date, paragraph), or
 * null
 * @param url where the document can be read (http or https), or null
 */
public record Asserted(Instant at, String by, String document, String url) {

	/** The longest citation or address accepted. */
	public static final int MAX_TEXT = 2000;

	/** The longest name of who asserts. */
	public static final int MAX_BY = 500;

	public Asserted {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(by, "by");
	}

	/** Nothing asserted apart from the record itself: its own time, by its own author. */
	public static Asserted recorded(Instant recordedAt, String recordedBy) {
		return new Asserted(recordedAt, recordedBy, null, null);
	}

	/**
	 * The stored assertion, or the recording itself when none was stored (rows written
	 * before assertions were kept).
	 */
	public static Asserted stored(Instant at, String by, String document, String url, Instant recordedAt,
			String recordedBy) {
		if (at == null) {
			return new Asserted(recordedAt, recordedBy, document, url);
		}
		return new Asserted(at, by == null ? recordedBy : by, document, url);
	}

	/** Whether it says more than the recording: another time, author or a document. */
	public boolean differsFrom(Instant recordedAt, String recordedBy) {
		return !this.at.equals(recordedAt) || !this.by.equals(recordedBy) || this.document != null || this.url != null;
	}

	/**
	 * Its fields as a JSON object for views and ledger entries: {@code at} (ISO 8601,
	 * UTC), {@code by}, {@code document}, {@code url} (null when absent).
	 */
	public Map<String, Object> fields() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("at", this.at.toString());
		m.put("by", this.by);
		m.put("document", this.document);
		m.put("url", this.url);
		return m;
	}

	/**
	 * What a client sends: each field optional, the time an instant with its offset.
	 */
	public record Input(String at, String by, String document, String url) {

		public static final Input NONE = new Input(null, null, null, null);

		boolean empty() {
			return blank(this.at) && blank(this.by) && blank(this.document) && blank(this.url);
		}

	}

	/**
	 * The assertion a client made about a record being recorded at {@code recordedAt} by
	 * {@code userId}, checked. With no asserted time, the recorded time is asserted (by
	 * the one named, else the user), with the document if one is cited. Adds to
	 * {@code problems} and gives null when the input is refused:
	 * <ul>
	 * <li>INVALID_VALUE on {@code <field>.at} when it is not an instant with offset, or
	 * lies outside the years Truce records; on {@code <field>.url} when it is not an
	 * http(s) address;</li>
	 * <li>ASSERTED_AFTER_RECORDED on {@code <field>.at} when it is later than
	 * {@code recordedAt};</li>
	 * <li>ASSERTED_BY_REQUIRED on {@code <field>.by} when a time is asserted without
	 * saying who asserts it: a time given after the fact is only as good as its source,
	 * so it is not credited to the user who typed it in;</li>
	 * <li>TOO_LONG on the field that is.</li>
	 * </ul>
	 */
	public static Asserted resolve(String field, Input in, Instant recordedAt, String userId, List<Problem> problems) {
		Instant recorded = recordedAt.truncatedTo(ChronoUnit.MILLIS);
		if (in == null || in.empty()) {
			return recorded(recorded, userId);
		}
		int before = problems.size();
		Instant at = InstantFields.withOffset(field + ".at", in.at(), false, problems);
		String by = strip(in.by());
		String document = strip(in.document());
		String url = strip(in.url());
		if (at != null) {
			at = at.truncatedTo(ChronoUnit.MILLIS);
			if (!TimeText.recordable(at)) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field + ".at", "years", field + ".at"));
			}
			else if (at.isAfter(recorded)) {
				problems.add(Problem.keyed(ErrorCode.ASSERTED_AFTER_RECORDED, field + ".at", "when", field + ".at", at,
						recorded));
			}
			if (by == null) {
				problems.add(Problem.of(ErrorCode.ASSERTED_BY_REQUIRED, field + ".by"));
			}
		}
		if (by != null && by.length() > MAX_BY) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, field + ".by"));
		}
		if (document != null && document.length() > MAX_TEXT) {
			problems.add(Problem.of(ErrorCode.TOO_LONG, field + ".document"));
		}
		if (url != null) {
			if (url.length() > MAX_TEXT) {
				problems.add(Problem.of(ErrorCode.TOO_LONG, field + ".url"));
			}
			else if (!webAddress(url)) {
				problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, field + ".url", "webAddress", field + ".url"));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new Asserted(at == null ? recorded : at, by == null ? userId : by, document, url);
	}

	private static boolean webAddress(String url) {
		try {
			URI uri = new URI(url);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String strip(String s) {
		return blank(s) ? null : s.strip();
	}

}
