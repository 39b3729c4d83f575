package org.truce.agreement.application;

import java.util.List;
import java.util.Optional;

import org.truce.agreement.model.AgreementDocument;

/** The store of agreement document versions. Versions are added, never changed. */
public interface AgreementVersions {

	void add(AgreementDocument document);

	Optional<AgreementDocument> find(String agreementId, int version);

	/** Every version of every agreement, ordered by agreement id and version. */
	List<AgreementDocument> all();

}
