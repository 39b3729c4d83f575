package org.truce.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * A side runs its witness, and an auditor runs the offline verifier, with the jar alone:
 * neither starts Spring nor opens a store. (They use Jackson and the JDK's HTTP client.)
 */
class TheWitnessAndTheVerifierNeedNoSpringTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("org.truce.ledger", "org.truce.cli");

	private static final String[] WITNESS_AND_VERIFIER = { "org\\.truce\\.cli\\.WitnessCommand.*",
			"org\\.truce\\.cli\\.VerifyCommand.*", "org\\.truce\\.ledger\\.application\\.Witness.*",
			"org\\.truce\\.ledger\\.application\\.LogServer.*",
			"org\\.truce\\.ledger\\.application\\.VerifyingExport.*",
			"org\\.truce\\.ledger\\.application\\.ExportVerdict.*",
			"org\\.truce\\.ledger\\.application\\.ExportFailure", "org\\.truce\\.ledger\\.application\\.ExportedLedger",
			"org\\.truce\\.ledger\\.application\\.CanonicalText.*",
			"org\\.truce\\.ledger\\.infrastructure\\.HttpLogServer",
			"org\\.truce\\.ledger\\.infrastructure\\.WitnessStateFile" };

	@Test
	void theyDependNeitherOnSpringNorOnTheStore() {
		ArchRule rule = noClasses().that()
			.haveNameMatching(String.join("|", WITNESS_AND_VERIFIER))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.truce.store..", "java.sql..", "javax.sql..")
			.orShould()
			.dependOnClassesThat()
			.haveNameMatching("org\\.truce\\.cli\\.Spring|org\\.truce\\.ledger\\.application\\.(Ledger|LedgerStore|"
					+ "Checkpointing|Cosigning|ExportingLedger)");
		rule.check(CLASSES);
	}

}
