package org.truce.actor.model;

import java.util.List;

/** A small registry of the actors the 2016 talks name, for resolution tests. */
final class ActorFixture {

	private ActorFixture() {
	}

	static Actor russia() {
		return new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null,
				List.of("Russia", "Government of Russia"));
	}

	static Actor unitedStates() {
		return new Actor("usa", "United States", ActorType.STATE_FORCE, null,
				List.of("U.S.", "USA", "United States of America"));
	}

	static Actor lavrov() {
		return new Actor("sergey-lavrov", "Sergei Lavrov", ActorType.OTHER, "russia", List.of());
	}

	static Actor nusra() {
		return new Actor("jabhat-al-nusra", "Jabhat al-Nusra", ActorType.DESIGNATED_TERRORIST_ORGANISATION, null,
				List.of("al-Nusra Front", "Jabhat Fateh al-Sham"));
	}

	static Actor syrianAirForce() {
		return new Actor("syrian-air-force", "Syrian Air Force", ActorType.STATE_FORCE, "syria-government",
				List.of("the air force"));
	}

	static Actor russianAirForce() {
		return new Actor("russian-air-force", "Russian Aerospace Forces", ActorType.STATE_FORCE, "russia",
				List.of("The Air Force"));
	}

	static ActorRegistry registryOfTheGenevaTalks() {
		return new ActorRegistry(
				List.of(russia(), unitedStates(), lavrov(), nusra(), syrianAirForce(), russianAirForce()));
	}

}
