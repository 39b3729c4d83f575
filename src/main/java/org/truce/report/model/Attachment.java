package org.truce.report.model;

/**
 * Evidence attached to a report, kept by its digest: the bytes themselves live elsewhere.
 *
 * @param sha256 lower-case hex SHA-256 of the bytes
 * @param mediaType such as {@code image/jpeg}
 * @param name a file name or description, or null
 */
public record Attachment(String sha256, String mediaType, String name) {

}
