package org.truce.incident.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A file attached to an incident as evidence, known by its digest.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes, computed by Truce on receipt
 * @param mediaType as the sender declared it, such as {@code image/jpeg}
 * @param name a file name or description, or null
 * @param sizeBytes the length of the bytes
 * @param receivedAt when Truce received and stored them
 * @param receivedBy the user who sent them
 */
public record Evidence(String id, UUID incidentId, String sha256, String mediaType, String name, long sizeBytes,
		Instant receivedAt, String receivedBy) {

}
