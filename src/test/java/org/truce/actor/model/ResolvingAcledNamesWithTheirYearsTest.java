package org.truce.actor.model;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ACLED names state forces with the years of their government in brackets, and other
 * groups with a country in brackets (scenarios/syria-2016/actors.yaml cites the sources).
 * The years are read as a period; the country is part of the name.
 */
class ResolvingAcledNamesWithTheirYearsTest {

	private static final Actor SYRIA = new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
			List.of("Military Forces of Syria (2000-)", "Police Forces of Syria"));

	private static final Actor SYRIAN_AIR_FORCE = new Actor("syrian-air-force", "Syrian Air Force",
			ActorType.STATE_FORCE, "syria-government",
			List.of("Military Forces of Syria (2000-) Syrian Arab Air Force"));

	private static final Actor RUSSIA = new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null,
			List.of("Military Forces of Russia (2000-)"));

	private static final Actor IS_IN_IRAQ = new Actor("islamic-state-iraq", "Islamic State in Iraq",
			ActorType.DESIGNATED_TERRORIST_ORGANISATION, null, List.of("Islamic State (Iraq)"));

	private static final Actor CIVILIANS = new Actor("civilians", "Civilians", ActorType.CIVILIANS, null,
			List.of("Civilians (Syria)"));

	private final ActorRegistry registry = new ActorRegistry(
			List.of(SYRIA, SYRIAN_AIR_FORCE, RUSSIA, IS_IN_IRAQ, CIVILIANS));

	@Test
	void theForcesOfTheGovernmentInPowerResolveByTheirAlias() {
		assertThat(this.registry.resolve("Military Forces of Syria (2000-)")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Military Forces of Syria (2000-)", "syria-government"));
		assertThat(this.registry.resolve("Military Forces of Russia (2000-)")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Military Forces of Russia (2000-)", "russia"));
	}

	@Test
	void aPeriodThatHasSinceEndedIsTheSameGovernmentAndTheReportedWordsAreKept() {
		assertThat(this.registry.resolve("Military Forces of Syria (2000-2024)")).usingRecursiveComparison()
			.ignoringFields("match")
			.isEqualTo(ActorRef.resolved("Military Forces of Syria (2000-2024)", "syria-government"));
		assertThat(this.registry.resolve("military forces of syria ( 2000 - )").actorId())
			.isEqualTo("syria-government");
	}

	@Test
	void theForcesOfTheGovernmentThatFollowedDoNotResolveToTheOneBefore() {
		assertThat(this.registry.resolve("Military Forces of Syria (2024-)"))
			.isEqualTo(ActorRef.unresolved("Military Forces of Syria (2024-)"));
		assertThat(this.registry.resolve("Military Forces of Syria (1971-2000)").status())
			.isEqualTo(ActorRef.ResolutionStatus.UNRESOLVED);
	}

	@Test
	void anAliasWrittenWithoutYearsMatchesTheForcesOfEveryPeriod() {
		for (String name : List.of("Police Forces of Syria (2000-)", "Police Forces of Syria (2000-2012)",
				"Police Forces of Syria (1971-2000)", "Police Forces of Syria")) {
			assertThat(this.registry.resolve(name)).as(name)
				.usingRecursiveComparison()
				.ignoringFields("match")
				.isEqualTo(ActorRef.resolved(name, "syria-government"));
		}
	}

	@Test
	void aNameWithoutYearsDoesNotMatchAnAliasThatNamesAPeriod() {
		assertThat(this.registry.resolve("Military Forces of Syria").status())
			.isEqualTo(ActorRef.ResolutionStatus.UNRESOLVED);
	}

	@Test
	void aUnitNamedAfterThePeriodResolvesToItsOwnActor() {
		assertThat(this.registry.resolve("Military Forces of Syria (2000-2024) Syrian Arab Air Force").actorId())
			.isEqualTo("syrian-air-force");
		assertThat(this.registry.resolve("Military Forces of Syria (2000-) Prison Guards").status())
			.isEqualTo(ActorRef.ResolutionStatus.UNRESOLVED);
	}

	@Test
	void aCountryInBracketsIsNeverDropped() {
		assertThat(this.registry.resolve("Islamic State (Syria)"))
			.isEqualTo(ActorRef.unresolved("Islamic State (Syria)"));
		assertThat(this.registry.resolve("Islamic State (Iraq)").actorId()).isEqualTo("islamic-state-iraq");
		assertThat(this.registry.resolve("Civilians (Iraq)").status()).isEqualTo(ActorRef.ResolutionStatus.UNRESOLVED);
		assertThat(this.registry.resolve("Civilians (Syria)").actorId()).isEqualTo("civilians");
	}

	@Test
	void onlyYearsAndAHyphenMakeAPeriod() {
		assertThat(GovernmentPeriod.in("Militia (Pro-Iran)")).isEmpty();
		assertThat(GovernmentPeriod.in("Islamic State (Syria)")).isEmpty();
		assertThat(GovernmentPeriod.in("Unit 2000")).isEmpty();
		assertThat(GovernmentPeriod.in("Forces (1990-2000) and (2000-)")).as("two periods: neither is read").isEmpty();
		GovernmentPeriod period = GovernmentPeriod.in("Military Forces of Turkey (2002-2016) Gendarmerie").get();
		assertThat(period.start()).isEqualTo(2002);
		assertThat(period.end()).isEqualTo(2016);
		assertThat(period.openEnded()).isEqualTo("Military Forces of Turkey (2002-) Gendarmerie");
		assertThat(period.withoutPeriod()).isEqualTo("Military Forces of Turkey Gendarmerie");
	}

}
