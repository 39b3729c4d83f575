package org.truce.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.truce.bench.BenchCommand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The benchmarks ({@code org.truce.bench}, in {@code src/bench/java}) are not production
 * classes, and no production class refers to them: {@code truce bench} is found on the
 * class path, by name, when {@code truce-bench.jar} is on it.
 */
class TheProductShipsNoBenchmarksTest {

	@Test
	void noProductionClassIsOrUsesABenchmark() {
		noBenchmarks().check(TruceClasses.PRODUCTION);
	}

	@Test
	void theRuleCatchesABenchmarkAmongTheProductionClasses() {
		JavaClasses withABenchmark = new ClassFileImporter().importClasses(BenchCommand.class);

		assertThatThrownBy(() -> noBenchmarks().check(withABenchmark)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("BenchCommand");
	}

	private static ArchRule noBenchmarks() {
		return noClasses().should()
			.resideInAPackage("org.truce.bench..")
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("org.truce.bench..")
			.because("the product jar ships no benchmark code: the benchmarks are in truce-bench.jar");
	}

}
