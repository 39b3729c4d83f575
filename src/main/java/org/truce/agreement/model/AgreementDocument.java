package org.truce.agreement.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored version of an agreement document: the YAML text exactly as loaded, with its
 * digest. The text is the record; the parsed {@link Agreement} is derived from it.
 */
public record AgreementDocument(String agreementId, int version, Instant inForceFrom, String title, String fileName,
		String text, String sha256, Instant loadedAt) {

	public AgreementDocument {
		Objects.requireNonNull(agreementId, "agreementId");
		Objects.requireNonNull(text, "text");
		Objects.requireNonNull(sha256, "sha256");
	}

}
