package org.truce.architecture;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;
import org.truce.archfixture.alpha.application.ReachingIntoBeta;
import org.truce.archfixture.beta.infrastructure.BetaStore;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contexts ({@code org.truce.<context>}) meet through each other's model and application
 * only: no context's model or application reaches into another context's infrastructure
 * or web layer. Controllers are web classes, package-private.
 */
class ContextsKeepTheirInternalsTest {

	private static final Pattern LAYERED = Pattern
		.compile("org\\.truce\\.(?:archfixture\\.)?([^.]+)\\.(model|application|infrastructure|web)(\\..*)?");

	@Test
	void noContextsModelOrApplicationDependsOnAnotherContextsInfrastructureOrWeb() {
		contextBoundaries().check(TruceClasses.PRODUCTION);
	}

	@Test
	void theBoundaryRuleCatchesAnApplicationClassUsingAnotherContextsStore() {
		JavaClasses fixture = new ClassFileImporter().importClasses(ReachingIntoBeta.class, BetaStore.class);

		assertThatThrownBy(() -> contextBoundaries().check(fixture)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("ReachingIntoBeta")
			.hasMessageContaining("BetaStore");
	}

	private static ArchRule contextBoundaries() {
		return classes().that()
			.resideInAnyPackage("org.truce.*.model..", "org.truce.*.application..", "org.truce.archfixture.*.model..",
					"org.truce.archfixture.*.application..")
			.should(notReachIntoAnotherContextsInfrastructureOrWeb());
	}

	@Test
	void controllersAreWebClassesAndPackagePrivate() {
		classes().that()
			.areAnnotatedWith(RestController.class)
			.or()
			.areAnnotatedWith(Controller.class)
			.should()
			.resideInAPackage("..web..")
			.andShould()
			.notBePublic()
			.because("controllers are small and package-private (STYLE.md)")
			.check(TruceClasses.PRODUCTION);
	}

	private static ArchCondition<JavaClass> notReachIntoAnotherContextsInfrastructureOrWeb() {
		return new ArchCondition<>("not depend on another context's infrastructure or web") {

			@Override
			public void check(JavaClass item, ConditionEvents events) {
				String from = contextOf(item.getPackageName()).orElseThrow();
				for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
					String target = dependency.getTargetClass().getPackageName();
					boolean sharedWeb = target.equals("org.truce.web") || target.startsWith("org.truce.web.");
					Matcher m = LAYERED.matcher(target);
					boolean otherInternals = m.matches() && !m.group(1).equals(from)
							&& (m.group(2).equals("infrastructure") || m.group(2).equals("web"));
					if (sharedWeb || otherInternals) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

	private static Optional<String> contextOf(String packageName) {
		Matcher m = LAYERED.matcher(packageName);
		return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
	}

}
