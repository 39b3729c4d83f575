package org.truce.architecture;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.truce.testing.SlowTest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain model is plain Java (and JTS): no framework, no database, no JSON binding,
 * and nothing from the layers built on top of it.
 */
class ModelIsPlainJavaTest {

	@SlowTest
	@Test
	void theModelUsesNoSpring() {
		rule("org.springframework..").check(TruceClasses.PRODUCTION);
	}

	@Test
	void theModelUsesNoJdbc() {
		rule("java.sql..", "javax.sql..").check(TruceClasses.PRODUCTION);
	}

	@Test
	void theModelUsesNoJackson() {
		rule("tools.jackson..", "com.fasterxml..").check(TruceClasses.PRODUCTION);
	}

	@Test
	void theModelKnowsNothingOfTheLayersAboveIt() {
		noClasses().that()
			.resideInAPackage("..model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..application..", "..infrastructure..", "..web..", "..cli..")
			.check(TruceClasses.PRODUCTION);
	}

	private static ArchRule rule(String... packages) {
		return noClasses().that()
			.resideInAPackage("..model..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages)
			.because("the model is plain Java (STYLE.md, DESIGN.md 'Shape of the code')");
	}

}
