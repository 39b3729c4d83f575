package org.truce.report.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Who reported: a monitor, a party's liaison, an NGO, the media, open sources or a
 * dataset.
 *
 * @param id stable identifier
 * @param name who the source is
 * @param kind what kind of source
 * @param reliability how far it can be trusted (Admiralty scale)
 * @param atRisk whether exposing the source could put someone in danger: readers who may
 * not see sources then see its reports' locations only coarsened
 * @param contact how to reach the source (a phone number, a channel), or null; only
 * monitors and co-chairs ever see it
 * @param usedBy who may file reports under it (see {@link #usableBy}): user ids and
 * grants, such as {@code liaison:syria-government} or {@code monitor}; empty for monitors
 * only
 */
public record Source(String id, String name, SourceKind kind, Reliability reliability, boolean atRisk, String contact,
		List<String> usedBy) {

	/** The grant that may use a source whose {@link #usedBy} is empty. */
	public static final String DEFAULT_USER = "monitor";

	public Source {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		reliability = reliability == null ? Reliability.F : reliability;
		usedBy = usedBy == null ? List.of() : List.copyOf(usedBy);
	}

	/** A source used by monitors only. */
	public Source(String id, String name, SourceKind kind, Reliability reliability, boolean atRisk, String contact) {
		this(id, name, kind, reliability, atRisk, contact, List.of());
	}

	/** A source not at risk, without contact details, used by monitors only. */
	public Source(String id, String name, SourceKind kind, Reliability reliability) {
		this(id, name, kind, reliability, false, null);
	}

	/**
	 * Whether a user may file reports under this source: when {@link #usedBy} names its
	 * user id, one of its grants ({@code liaison:syria-government}) or the role of one of
	 * them ({@code liaison}: any liaison); a source that names nobody is used by monitors
	 * only.
	 * @param grants the user's grants as written, {@code role} or {@code role:actor}
	 */
	public boolean usableBy(String userId, Collection<String> grants) {
		List<String> users = this.usedBy.isEmpty() ? List.of(DEFAULT_USER) : this.usedBy;
		if (userId != null && users.contains(userId)) {
			return true;
		}
		for (String grant : grants) {
			int colon = grant.indexOf(':');
			if (users.contains(grant) || (colon > 0 && users.contains(grant.substring(0, colon)))) {
				return true;
			}
		}
		return false;
	}

}
