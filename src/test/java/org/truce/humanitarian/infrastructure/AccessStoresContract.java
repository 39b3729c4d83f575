package org.truce.humanitarian.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;

import org.truce.geo.application.GeoJson;
import org.truce.humanitarian.application.AccessRequests;
import org.truce.humanitarian.application.BesiegedAreas;
import org.truce.humanitarian.application.MovementRestrictions;
import org.truce.humanitarian.model.AccessCargo;
import org.truce.humanitarian.model.AccessDecision;
import org.truce.humanitarian.model.AccessDestination;
import org.truce.humanitarian.model.AccessOutcome;
import org.truce.humanitarian.model.AccessOutcomeKind;
import org.truce.humanitarian.model.AccessRequest;
import org.truce.humanitarian.model.AccessVerdict;
import org.truce.humanitarian.model.BesiegedArea;
import org.truce.humanitarian.model.BesiegedStatus;
import org.truce.humanitarian.model.MovementRestriction;
import org.truce.humanitarian.model.MovementRestrictionKind;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the humanitarian access stores must do; each subclass runs it against one real
 * store, beginning every test with empty tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessStoresContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcAccessRequests.class, JdbcBesiegedAreas.class,
			JdbcMovementRestrictions.class };

	private static final Instant T0 = Instant.parse("2016-09-15T06:00:00.123Z");

	private static final String SALT = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";

	private static final AccessDestination EASTERN_ALEPPO = new AccessDestination("Eastern Aleppo", 36.2021, 37.1343);

	private StartedOrSkipped<RunningTruce> started;

	private AccessRequests requests;

	private BesiegedAreas areas;

	private MovementRestrictions restrictions;

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyStores() {
		RunningTruce truce = this.started.get();
		truce.wipe();
		this.requests = truce.bean(AccessRequests.class);
		this.areas = truce.bean(BesiegedAreas.class);
		this.restrictions = truce.bean(MovementRestrictions.class);
	}

	private static LineString castelloRoute() throws Exception {
		return (LineString) new WKTReader(GeoJson.WGS84)
			.read("LINESTRING (37.1276 36.2435, 37.133 36.2545, 37.14 36.261, 37.152 36.259, 37.1665 36.2475)");
	}

	private AccessRequest convoy(Instant at, String... parties) throws Exception {
		return new AccessRequest(UUID.randomUUID(), castelloRoute(), EASTERN_ALEPPO,
				List.of(new AccessCargo("wheat flour", 40, "t"), new AccessCargo("surgical kits", 120, "kits")),
				275_000, List.of(parties).stream().map(AccessDecision::pending).toList(), at, at.plusSeconds(86_400),
				"notifier-1", at, SALT, null, null, 1);
	}

	@Test
	void aRequestIsReadBackWithItsRouteCargoAndPartiesInOrder() throws Exception {
		AccessRequest r = convoy(T0, "syria-government", "fsa");
		this.requests.insert(r);

		AccessRequest read = this.requests.byId(r.id()).orElseThrow();
		assertThat(read.route().equalsExact(r.route())).isTrue();
		assertThat(read.destination()).isEqualTo(EASTERN_ALEPPO);
		assertThat(read.cargo()).isEqualTo(r.cargo());
		assertThat(read.peopleInNeed()).isEqualTo(275_000);
		assertThat(read.parties()).extracting(AccessDecision::party).containsExactly("syria-government", "fsa");
		assertThat(read.parties()).allMatch(p -> !p.decided());
		assertThat(read.from()).isEqualTo(T0);
		assertThat(read.outcome()).isNull();
		assertThat(read.version()).isEqualTo(1);
		assertThat(read.contentSalt()).as("the salt of its ledger commitment").isEqualTo(SALT);
	}

	@Test
	void aPartyDecidesOnceAndEachDecisionAddsAVersion() throws Exception {
		AccessRequest r = convoy(T0, "syria-government", "fsa");
		this.requests.insert(r);
		AccessDecision denied = new AccessDecision("syria-government", AccessVerdict.DENIED, "security", null,
				"00112233445566778899aabbccddeeff", "l1", T0.plusSeconds(60));

		assertThat(this.requests.decide(r.id(), denied)).isTrue();
		assertThat(this.requests.decide(r.id(), new AccessDecision("syria-government", AccessVerdict.APPROVED, "ok",
				null, SALT, "l2", T0.plusSeconds(120))))
			.as("a second decision of the same party")
			.isFalse();
		assertThat(this.requests.decide(r.id(),
				new AccessDecision("hezbollah", AccessVerdict.APPROVED, "ok", null, SALT, "l3", T0.plusSeconds(120))))
			.as("a party not concerned")
			.isFalse();
		assertThat(this.requests.decide(r.id(), new AccessDecision("fsa", AccessVerdict.CONDITIONAL, "escort",
				"UN escort only", SALT, "l4", T0.plusSeconds(180))))
			.isTrue();

		AccessRequest read = this.requests.byId(r.id()).orElseThrow();
		assertThat(read.party("syria-government")).contains(denied);
		assertThat(read.party("fsa").orElseThrow().conditions()).isEqualTo("UN escort only");
		assertThat(read.version()).isEqualTo(3);
		assertThat(read.state()).isEqualTo("DENIED");
	}

	@Test
	void anOutcomeIsRecordedOnceAtTheVersionReadAndABlockedOneIsLinkedToOneReport() throws Exception {
		AccessRequest r = convoy(T0, "syria-government");
		this.requests.insert(r);
		AccessOutcome blocked = new AccessOutcome(AccessOutcomeKind.BLOCKED, null, null, "syria-government",
				new AccessDestination("Castello Road checkpoint", 36.2545, 37.133), "turned back", SALT,
				T0.plusSeconds(3600), "notifier-1", T0.plusSeconds(7200));

		assertThat(this.requests.recordOutcome(r.id(), 7, blocked)).as("a stale version").isFalse();
		assertThat(this.requests.recordOutcome(r.id(), 1, blocked)).isTrue();
		assertThat(this.requests.recordOutcome(r.id(), 2, blocked)).as("a second outcome").isFalse();
		assertThat(this.requests.byId(r.id()).orElseThrow().outcome()).isEqualTo(blocked)
			.extracting(AccessOutcome::detailsSalt)
			.isEqualTo(SALT);

		UUID report = UUID.randomUUID();
		assertThat(this.requests.linkObstructionReport(r.id(), report)).isTrue();
		assertThat(this.requests.linkObstructionReport(r.id(), UUID.randomUUID())).as("linked once").isFalse();
		assertThat(this.requests.byId(r.id()).orElseThrow().obstructionReportId()).isEqualTo(report);
	}

	@Test
	void listingIsMostRecentFirstAndCanBeCutToSomeParties() throws Exception {
		AccessRequest older = convoy(T0, "syria-government");
		AccessRequest newer = convoy(T0.plusSeconds(60), "fsa", "jaysh-al-islam");
		this.requests.insert(older);
		this.requests.insert(newer);

		assertThat(this.requests.list(null, 10)).extracting(AccessRequest::id).containsExactly(newer.id(), older.id());
		assertThat(this.requests.list(Set.of("jaysh-al-islam", "ypg"), 10)).extracting(AccessRequest::id)
			.containsExactly(newer.id());
		assertThat(this.requests.list(Set.of(), 10)).isEmpty();
		assertThat(this.requests.list(null, 1)).hasSize(1);
	}

	@Test
	void aBesiegedAreaIsRevisedOnlyAtTheVersionRead() throws Exception {
		BesiegedArea area = new BesiegedArea(UUID.randomUUID(), "Madaya", BesiegedStatus.BESIEGED,
				new WKTReader(GeoJson.WGS84)
					.read("POLYGON ((36.08 33.68, 36.12 33.68, 36.12 33.71, 36.08 33.71, 36.08 33.68))"),
				40_000, LocalDate.parse("2016-09-01"), List.of("syria-government", "hezbollah"), "OCHA", "m1", T0, 1);
		this.areas.insert(area);
		assertThat(this.areas.byId(area.id()).orElseThrow().besiegers()).containsExactly("syria-government",
				"hezbollah");

		BesiegedArea revised = new BesiegedArea(area.id(), "Madaya", BesiegedStatus.BESIEGED, area.area(), 43_000,
				LocalDate.parse("2016-10-01"), List.of(), null, "m2", T0.plusSeconds(60), 2);
		assertThat(this.areas.revise(revised, 5)).isFalse();
		assertThat(this.areas.revise(revised, 1)).isTrue();
		assertThat(this.areas.revise(revised, 1)).as("a second revision from the same version").isFalse();

		BesiegedArea read = this.areas.all().get(0);
		assertThat(read.population()).isEqualTo(43_000);
		assertThat(read.besiegers()).isEmpty();
		assertThat(read.version()).isEqualTo(2);
		assertThat(read.area().equalsExact(area.area())).isTrue();
	}

	@Test
	void aRestrictionIsLinkedToItsReportOnceAndListedByTheRestrictingActor() {
		MovementRestriction delay = new MovementRestriction(UUID.randomUUID(), MovementRestrictionKind.DELAY, 45,
				new AccessDestination("Checkpoint at Ramouseh", 36.17, 37.15), T0, "syria-government",
				"two armoured vehicles, four monitors", null, "m1", T0.plusSeconds(60), null);
		MovementRestriction denial = new MovementRestriction(UUID.randomUUID(), MovementRestrictionKind.DENIAL, null,
				new AccessDestination("Bridge at Tal Rifaat", 36.47, 37.1), T0.plusSeconds(600), "fsa", "patrol B",
				null, "m1", T0.plusSeconds(660), null);
		this.restrictions.insert(delay);
		this.restrictions.insert(denial);

		assertThat(this.restrictions.byId(delay.id())).contains(delay);
		assertThat(this.restrictions.list(null, 10)).extracting(MovementRestriction::id)
			.containsExactly(denial.id(), delay.id());
		assertThat(this.restrictions.list(Set.of("syria-government"), 10)).containsExactly(delay);
		UUID report = UUID.randomUUID();
		assertThat(this.restrictions.linkReport(delay.id(), report)).isTrue();
		assertThat(this.restrictions.linkReport(delay.id(), UUID.randomUUID())).isFalse();
		assertThat(this.restrictions.byId(delay.id()).orElseThrow().reportId()).isEqualTo(report);
		assertThat(this.restrictions.byId(denial.id()).orElseThrow().reportId()).isNull();
	}

}
