package org.truce.scenario.application;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import org.truce.geo.application.ScenarioGeography;
import org.truce.geo.model.BoundaryLayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario's {@code scenario.yaml}, read by {@link Scenario#read(String)}. */
class ReadingAScenarioDescriptorTest {

	@Test
	void theSyriaDescriptorGivesItsTimeZoneFilesAndMap() {
		Scenario syria = Scenario.read(Scenario.DEMO);

		assertThat(syria.id()).isEqualTo("syria-2016");
		assertThat(syria.timeZone()).isEqualTo(ZoneId.of("Asia/Damascus"));
		assertThat(syria.file(syria.ucdpEvents()))
			.isEqualTo("classpath:scenarios/syria-2016/events/ucdp_ged_syria_2016.csv");
		assertThat(syria.geography().boundaryFile(BoundaryLayer.NEIGHBOURHOOD))
			.hasValueSatisfying(f -> assertThat(f.exists()).isTrue());
		assertThat(syria.geography().map().layers()).extracting(ScenarioGeography.MapLayer::role)
			.containsExactly(ScenarioGeography.Role.COUNTRY, ScenarioGeography.Role.REGIONS,
					ScenarioGeography.Role.DISTRICTS, ScenarioGeography.Role.CONTEXT);
		assertThat(syria.demoUsers()).containsEntry("liaison-sy", "liaison:syria-government");
	}

	@Test
	void aFolderWithoutADescriptorIsNoScenario() {
		assertThatThrownBy(() -> Scenario.read("classpath:scenarios/does-not-exist"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("no scenario at classpath:scenarios/does-not-exist/: it has no scenario.yaml");
	}

	@Test
	void aDescriptorWithoutTheMapsBoundsIsRefusedAndSaysWhy() {
		assertThatThrownBy(() -> Scenario.read("classpath:scenarios/invalid-no-bounds/"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageEndingWith("is not valid: it needs geography.map.bounds");
	}

}
