package org.truce.ledger;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The ledger's model is plain Java with JDK crypto (an offline verifier must be able to
 * run it with nothing else), and the offline proof commands do not start Spring.
 */
class LedgerModelIsPlainJavaTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> location.contains("/org/truce/ledger/")
				|| location.contains("/org/truce/cli/ProofCommand"))
		.importPackages("org.truce.ledger", "org.truce.cli");

	@Test
	void theModelDependsOnTheJdkAndItselfOnly() {
		ArchRule rule = classes().that()
			.resideInAPackage("org.truce.ledger.model..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("org.truce.ledger.model..", "java.lang..", "java.util..", "java.security..",
					"java.nio..", "java.math..", "java.io..");
		rule.check(CLASSES);
	}

	@Test
	void theModelUsesNeitherSpringNorSql() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("org.truce.ledger.model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "tools.jackson..");
		rule.check(CLASSES);
	}

	@Test
	void theProofCommandsDoNotStartSpring() {
		ArchRule rule = noClasses().that()
			.haveNameMatching("org\\.truce\\.cli\\.ProofCommand.*")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.truce.store..")
			.orShould()
			.dependOnClassesThat()
			.haveNameMatching("org\\.truce\\.cli\\.Spring");
		rule.check(CLASSES);
	}

}
