package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import org.truce.report.model.EventType;
import org.truce.shared.Geodesic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProximityAlertsTest {

	private static final Instant T0 = Instant.parse("2016-09-19T16:00:00Z");

	/** A hospital at 36.20 N, 37.15 E. */
	private static final ProtectedPlace HOSPITAL = place(ProtectedPlaceKind.SITE, "POINT (37.15 36.20)", null, null);

	/** A convoy's route, due east along 36.20 N, 17:00 to 20:00 local (UTC+3). */
	private static final ProtectedPlace CONVOY = place(ProtectedPlaceKind.MOVEMENT,
			"LINESTRING (37.10 36.20, 37.20 36.20)", Instant.parse("2016-09-19T14:00:00Z"),
			Instant.parse("2016-09-19T17:00:00Z"));

	private final ProximityIndex index = new ProximityIndex(List.of(HOSPITAL, CONVOY), AlertDistances.of(1000));

	@Test
	void aStrikeWhoseWholeUncertaintyDiscLiesWithinTheDistanceIsWithin() {
		// 0.005 degrees north: about 555 m; 100 m of uncertainty.
		List<ProximityMatch> alerts = this.index.alerts(probe(36.205, 37.15, 100, T0, T0, EventType.AIR_DRONE_STRIKE));

		ProximityMatch hospital = only(alerts, HOSPITAL);
		assertThat(hospital.proximity()).isEqualTo(Proximity.WITHIN);
		assertThat(hospital.distanceMetres()).isCloseTo(Geodesic.distanceMetres(36.205, 37.15, 36.20, 37.15),
				within(0.01));
		assertThat(hospital.thresholdMetres()).isEqualTo(1000);
	}

	@Test
	void aStrikeWhoseDiscStraddlesTheDistanceIsPossiblyWithin() {
		// About 888 m away with 500 m of uncertainty: 388 m to 1388 m.
		ProximityMatch hospital = only(
				this.index.alerts(probe(36.208, 37.15, 500, T0, T0, EventType.SHELLING_ARTILLERY_MISSILE_ATTACK)),
				HOSPITAL);

		assertThat(hospital.proximity()).isEqualTo(Proximity.POSSIBLY_WITHIN);
	}

	@Test
	void aStrikeWhoseWholeDiscLiesBeyondTheDistanceRaisesNoAlert() {
		// About 1,665 m north of both the hospital and the route, 500 m of uncertainty.
		assertThat(this.index.alerts(probe(36.215, 37.15, 500, T0, T0, EventType.AIR_DRONE_STRIKE))).isEmpty();
	}

	@Test
	void aMovementIsProtectedOnlyDuringItsWindow() {
		IncidentProbe before = probe(36.203, 37.12, 10, Instant.parse("2016-09-19T13:00:00Z"),
				Instant.parse("2016-09-19T13:30:00Z"), EventType.AIR_DRONE_STRIKE);
		IncidentProbe during = probe(36.203, 37.12, 10, Instant.parse("2016-09-19T16:00:00Z"),
				Instant.parse("2016-09-19T16:30:00Z"), EventType.AIR_DRONE_STRIKE);
		IncidentProbe acrossTheEnd = probe(36.203, 37.12, 10, Instant.parse("2016-09-19T16:30:00Z"),
				Instant.parse("2016-09-19T18:00:00Z"), EventType.AIR_DRONE_STRIKE);

		assertThat(this.index.alerts(before)).isEmpty();
		assertThat(only(this.index.alerts(during), CONVOY).proximity()).isEqualTo(Proximity.WITHIN);
		ProximityMatch straddling = only(this.index.alerts(acrossTheEnd), CONVOY);
		assertThat(straddling.proximity()).isEqualTo(Proximity.POSSIBLY_WITHIN);
		assertThat(straddling.timeStraddles()).isTrue();
	}

	@Test
	void theDistanceToARouteIsToItsNearestPointNotToItsVertices() {
		// 0.003 degrees north of the middle of the route, far from both its ends.
		ProximityMatch convoy = only(this.index.near(probe(36.203, 37.16, 0, T0, T0, EventType.ARMED_CLASH)), CONVOY);

		assertThat(convoy.distanceMetres()).isCloseTo(Geodesic.distanceMetres(36.203, 37.16, 36.20, 37.16),
				within(0.5));
	}

	@Test
	void anIncidentInsideAProtectedAreaIsAtDistanceZero() {
		ProtectedPlace camp = place(ProtectedPlaceKind.SITE,
				"POLYGON ((37 36, 37.01 36, 37.01 36.01, 37 36.01, 37 36))", null, null);
		ProximityIndex index = new ProximityIndex(List.of(camp), AlertDistances.of(0));

		ProximityMatch m = only(index.alerts(probe(36.005, 37.005, 0, T0, T0, EventType.GRENADE)), camp);

		assertThat(m.distanceMetres()).isZero();
		assertThat(m.proximity()).isEqualTo(Proximity.WITHIN);
	}

	@Test
	void aNonViolentEventRaisesNoAlertEvenOnTopOfASite() {
		assertThat(this.index.alerts(probe(36.20, 37.15, 0, T0, T0, EventType.PEACEFUL_PROTEST))).isEmpty();
		assertThat(this.index.alerts(probe(36.20, 37.15, 0, T0, T0, EventType.AID_OBSTRUCTION))).isEmpty();
		assertThat(this.index.near(probe(36.20, 37.15, 0, T0, T0, EventType.AID_OBSTRUCTION))).isNotEmpty();
	}

	@Test
	void eachKindHasItsOwnDistance() {
		ProximityIndex index = new ProximityIndex(List.of(HOSPITAL, CONVOY), new AlertDistances(200, 2000, 500));
		// About 555 m from both the hospital and the route, in the convoy's window.
		List<ProximityMatch> alerts = index.alerts(probe(36.205, 37.15, 0, T0, T0, EventType.AIR_DRONE_STRIKE));

		assertThat(alerts).extracting(m -> m.place().kind()).containsExactly(ProtectedPlaceKind.MOVEMENT);
		assertThat(alerts.get(0).thresholdMetres()).isEqualTo(2000);
	}

	@Test
	void theViolentTypesAreStrikesShellingClashesAttacksAndBombs() {
		assertThat(ViolentEvents.TYPES).containsExactlyInAnyOrder(EventType.AIR_DRONE_STRIKE,
				EventType.SHELLING_ARTILLERY_MISSILE_ATTACK, EventType.ARMED_CLASH, EventType.ATTACK,
				EventType.SUICIDE_BOMB, EventType.REMOTE_EXPLOSIVE_LANDMINE_IED, EventType.GRENADE,
				EventType.CHEMICAL_WEAPON);
	}

	static ProximityMatch only(List<ProximityMatch> matches, ProtectedPlace place) {
		List<ProximityMatch> of = matches.stream().filter(m -> m.place().id().equals(place.id())).toList();
		assertThat(of).hasSize(1);
		return of.get(0);
	}

	static ProtectedPlace place(ProtectedPlaceKind kind, String wkt, Instant from, Instant to) {
		return new ProtectedPlace(UUID.randomUUID(), kind, kind + " " + wkt, geometry(wkt), from, to,
				kind == ProtectedPlaceKind.DECLARED_POSITION ? "united-states" : null, "test");
	}

	static Geometry geometry(String wkt) {
		try {
			return new WKTReader().read(wkt);
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static IncidentProbe probe(double lat, double lon, double radius, Instant start, Instant end, EventType type) {
		return new IncidentProbe(lat, lon, radius, start, end, type);
	}

}
