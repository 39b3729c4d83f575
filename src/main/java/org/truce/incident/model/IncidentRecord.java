package org.truce.incident.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An incident as the record keeps it: which reports describe it, whether it was merged
 * into another, whether an analyst discounted it, and its version for optimistic
 * concurrency (each change adds one).
 *
 * @param id the incident's id: the id of one of its reports, its anchor
 * @param status open, or merged into {@code mergedInto}
 * @param mergedInto the incident this one was merged into, or null
 * @param discount why an analyst discounted it, or null
 * @param version the number of changes made to it, from 1
 * @param reportIds its reports, in the order they joined
 */
public record IncidentRecord(UUID id, Status status, UUID mergedInto, Discount discount, int version, Instant createdAt,
		Instant updatedAt, List<UUID> reportIds) {

	public IncidentRecord {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
		reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
	}

	/** Whether the incident still stands on its own. */
	public enum Status {

		OPEN, MERGED

	}

	/** An analyst's decision that the incident did not happen as reported. */
	public record Discount(String by, String reason) {

	}

	/**
	 * The quoted entity tag of this version, as sent in {@code ETag} and
	 * {@code If-Match}.
	 */
	public String etag() {
		return "\"" + this.version + "\"";
	}

}
