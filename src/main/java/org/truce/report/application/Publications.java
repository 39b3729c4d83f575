package org.truce.report.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The store of report publications. A published report may be read by the public; a
 * publication is never withdrawn.
 */
public interface Publications {

	/**
	 * Publishes, in the caller's transaction (or a new one), those of the reports that
	 * are stored and not yet published.
	 * @return the publications made now, in the order of {@code reportIds}; a report
	 * already published or not stored has none
	 */
	List<Publication> publish(List<UUID> reportIds, Instant at, String by);

	/**
	 * Publishes, in the caller's transaction (or a new one), every stored report from the
	 * source that is not yet published, or every such report when {@code sourceId} is
	 * null.
	 * @return the publications made now, in the order of the reports' ids
	 */
	List<Publication> publishFrom(String sourceId, Instant at, String by);

	Optional<Publication> of(UUID reportId);

	long count();

	/**
	 * @param reportId the report published
	 * @param publishedAt when
	 * @param publishedBy who: a user id, or a word such as {@code command-line}
	 */
	record Publication(UUID reportId, Instant publishedAt, String publishedBy) {

	}

}
