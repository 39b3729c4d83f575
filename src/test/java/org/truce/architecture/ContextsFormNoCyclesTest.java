package org.truce.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.truce.archfixture.delta.model.Pong;
import org.truce.archfixture.gamma.model.Ping;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contexts ({@code org.truce.<context>}, and the shared {@code web}, {@code store},
 * {@code cli} and {@code shared}) depend on each other without a cycle, so each can be
 * read, changed and tested starting from the ones it uses (docs/architecture.md).
 */
class ContextsFormNoCyclesTest {

	@Test
	void theContextsDependOnEachOtherWithoutACycle() {
		contextsUnder("org.truce").check(TruceClasses.PRODUCTION);
	}

	@Test
	void theCycleRuleCatchesTwoContextsUsingEachOther() {
		JavaClasses fixture = new ClassFileImporter().importClasses(Ping.class, Pong.class);

		assertThatThrownBy(() -> contextsUnder("org.truce.archfixture").check(fixture))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("gamma")
			.hasMessageContaining("delta");
	}

	private static ArchRule contextsUnder(String root) {
		return slices().matching(root + ".(*)..")
			.namingSlices("context $1")
			.should()
			.beFreeOfCycles()
			.because("contexts form a layered graph (docs/architecture.md)");
	}

}
