package org.truce.agreement;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.DocumentError;
import org.truce.agreement.model.RouteDistances;
import org.truce.report.model.EquipmentClass;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

class AgreementDocumentsTest {

	private final AgreementDocuments documents = new AgreementDocuments(
			new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY));

	@Test
	void aZoneCanReferToEveryNeighbourhoodOfACityByTheCitysName() {
		AgreementDocuments.Parsed parsed = this.documents.parse("pause.yaml", new StringReader("""
				id: pause
				effective: {from: "2016-10-20T08:00:00+03:00", to: "2016-10-22T19:00:00+03:00"}
				parties: [syria-government]
				zones:
				  - id: aleppo-city
				    boundary: {layer: neighbourhood, name: Aleppo}
				  - id: aleppo-governorate
				    boundary: {layer: admin1, pcode: SY02}
				terms:
				  - id: pause/cease
				    text: A pause.
				    prohibits: ["category:battles"]
				    by: parties
				    against: anyone
				    zones: [aleppo-city]
				"""));
		assertThat(parsed.errors()).isEmpty();
		var city = parsed.agreement().zone("aleppo-city").orElseThrow().geometry();
		var governorate = parsed.agreement().zone("aleppo-governorate").orElseThrow().geometry();
		assertThat(city.getArea()).isPositive();
		assertThat(governorate.contains(city.getInteriorPoint())).isTrue();
		assertThat(city.getArea()).isLessThan(governorate.getArea() / 50);
	}

	@Test
	void everyFaultIsReportedWithItsFileLineAndColumn() {
		AgreementDocuments.Parsed parsed = this.documents.parse("broken.yaml", new StringReader("""
				id: broken
				effective: {from: "2016-10-20"}
				parties: [a]
				excluded: [a]
				zones:
				  - id: z
				    boundary: {layer: admin1, pcode: SY99}
				terms:
				  - id: t
				    text: A term.
				    prohibits: [air_strike_of_some_kind]
				    by: parties
				    against: everybody
				    zones: [nowhere]
				    colour: red
				"""));
		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.errors()).extracting(DocumentError::toString)
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:2:").contains("zone offset"))
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:4:").contains("both as a party and as excluded"))
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:7:").contains("SY99"))
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:11:").contains("unknown event type"))
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:13:")
				.contains("anyone, parties, civilians or humanitarian"))
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:14:").contains("nowhere"))
			.anySatisfy(e -> assertThat(e).startsWith("broken.yaml:15:").contains("unknown key 'colour'"));
	}

	@Test
	void distancesFromARouteAreReadBySideAndClassAndTheirFaultsAreReported() {
		AgreementDocuments.Parsed good = this.documents.parse("road.yaml", new StringReader("""
				id: road
				effective: {from: "2016-09-12T19:00:00+03:00"}
				parties: [syria-government, syrian-insurgents]
				bindsAssociated: [syria-government]
				zones:
				  - id: road
				    route: [[37.12, 36.25], [37.16, 36.26]]
				    widthMetres: 100
				terms:
				  - id: road/withdraw
				    text: Pull back.
				    prohibits: [weapons_in_restricted_area]
				    by: {actors: [syria-government]}
				    against: anyone
				    distances:
				      from: road
				      left: north
				      right: south
				      metres:
				        north: {heavy_weapons: 3500, personnel: 1000}
				        south: {personnel: 500}
				"""));
		assertThat(good.errors()).isEmpty();
		assertThat(good.agreement().bindsAssociated()).containsExactly("syria-government");
		var distances = good.agreement().terms().get(0).distances();
		assertThat(distances.metres(RouteDistances.Side.LEFT, EquipmentClass.HEAVY_WEAPONS)).contains(3500.0);
		assertThat(distances.metres(RouteDistances.Side.RIGHT, EquipmentClass.PERSONNEL)).contains(500.0);
		assertThat(distances.metres(RouteDistances.Side.RIGHT, EquipmentClass.HEAVY_WEAPONS)).isEmpty();
		assertThat(distances.name(RouteDistances.Side.LEFT)).isEqualTo("north");

		AgreementDocuments.Parsed bad = this.documents.parse("bad-road.yaml", new StringReader("""
				id: bad-road
				effective: {from: "2016-09-12T19:00:00+03:00"}
				parties: [syria-government]
				bindsAssociated: [hezbollah]
				zones:
				  - id: square
				    polygon: {type: Polygon, coordinates: [[[37, 36], [38, 36], [38, 37], [37, 37], [37, 36]]]}
				terms:
				  - id: t
				    text: Pull back.
				    prohibits: [weapons_in_restricted_area]
				    by: parties
				    against: anyone
				    zones: [square]
				    distances:
				      from: square
				      left: north
				      right: south
				      metres:
				        north: {tanks: 3500}
				        east: {personnel: 500}
				        south: {personnel: -5}
				"""));
		assertThat(bad.errors()).extracting(DocumentError::toString)
			.anySatisfy(e -> assertThat(e).startsWith("bad-road.yaml:4:").contains("'hezbollah' binds its associated"))
			.anySatisfy(e -> assertThat(e).startsWith("bad-road.yaml:14:").contains("'zones' or 'distances'"))
			.anySatisfy(e -> assertThat(e).startsWith("bad-road.yaml:16:").contains("not drawn as a route"))
			.anySatisfy(e -> assertThat(e).startsWith("bad-road.yaml:20:").contains("unknown equipment class 'tanks'"))
			.anySatisfy(e -> assertThat(e).startsWith("bad-road.yaml:21:").contains("side 'east'"))
			.anySatisfy(e -> assertThat(e).startsWith("bad-road.yaml:22:").contains("positive number of metres"));
	}

	@Test
	void aTimeWithoutItsZoneOffsetIsRefusedNamingItsKey() {
		AgreementDocuments.Parsed parsed = this.documents.parse("local.yaml", new StringReader("""
				id: local
				effective: {from: "2016-10-20T08:00:00", to: "2016-10-22T19:00:00+03:00"}
				parties: [syria-government]
				declarations:
				  - actor: syria-government
				    accepted: "2016-02-26"
				terms:
				  - id: local/t
				    text: A term.
				    prohibits: [armed_clash]
				    by: parties
				    against: anyone
				"""));

		assertThat(parsed.ok()).isFalse();
		assertThat(parsed.errors()).extracting(DocumentError::toString)
			.anySatisfy(e -> assertThat(e).startsWith("local.yaml:2:")
				.contains("from: '2016-10-20T08:00:00' is a time without its zone offset"))
			.anySatisfy(e -> assertThat(e).startsWith("local.yaml:6:")
				.contains("accepted: '2016-02-26' is a date without a time and zone offset"))
			.noneSatisfy(e -> assertThat(e).contains("to:"));
	}

	@Test
	void invalidYamlIsReportedAtItsPosition() {
		AgreementDocuments.Parsed parsed = this.documents.parse("bad.yaml", new StringReader("id: x\nterms: [a, b\n"));
		assertThat(parsed.errors()).singleElement().satisfies(e -> {
			assertThat(e.file()).isEqualTo("bad.yaml");
			assertThat(e.line()).isGreaterThanOrEqualTo(2);
			assertThat(e.message()).startsWith("not valid YAML");
		});
	}

	@Test
	void aRouteIsBufferedToItsWidth() {
		AgreementDocuments.Parsed parsed = this.documents.parse("road.yaml", new StringReader("""
				id: road
				effective: {from: "2016-09-12T19:00:00+03:00"}
				parties: [a]
				zones:
				  - id: castello
				    route: [[37.12, 36.25], [37.16, 36.25]]
				    widthMetres: 1000
				terms:
				  - id: road/t
				    text: Keep the road open.
				    prohibits: [aid_obstruction]
				    by: parties
				    against: civilians
				    zones: [castello]
				"""));
		assertThat(parsed.errors()).isEmpty();
		var envelope = parsed.agreement().zone("castello").orElseThrow().geometry().getEnvelopeInternal();
		double heightMetres = envelope.getHeight() * 111_132;
		assertThat(heightMetres).isBetween(990.0, 1010.0);
	}

	@Test
	void anOpenEndIsWrittenAsNull() {
		AgreementDocuments.Parsed parsed = this.documents.parse("open.yaml", new StringReader("""
				id: open
				effective: {from: "2016-02-27T00:00:00+02:00", to: null}
				parties: [a]
				terms:
				  - id: open/t
				    text: A term.
				    prohibits: [armed_clash]
				    by: parties
				    against: parties
				"""));
		assertThat(parsed.errors()).isEmpty();
		assertThat(parsed.agreement().effective().end()).isNull();
	}

}
