package org.truce.geo.infrastructure;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.truce.store.PostgresTestSchema;
import org.truce.store.RequiresPostgres;
import org.truce.testing.PostgresTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scenario's geography loaded into PostgreSQL + PostGIS, in a fresh schema. Skipped
 * without {@code TRUCE_TEST_PG_URL}; see {@link RequiresPostgres}.
 */
@PostgresTest
@ExtendWith(RequiresPostgres.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class LoadingGeographyIntoPostgresTest extends GeographyStoreContract {

	static PostgresTestSchema schema;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void createSchema() {
		schema = PostgresTestSchema.create("geo");
	}

	@AfterAll
	static void dropSchema() {
		if (schema != null) {
			schema.drop();
		}
	}

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("truce.db", () -> schema.url());
	}

	@Test
	void postgisDerivesAValidMultiPolygonForEveryBoundary() {
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM boundaries WHERE geom IS NOT NULL"
					+ " AND GeometryType(geom) = 'MULTIPOLYGON' AND ST_SRID(geom) = 4326")
			.query(Integer.class)
			.single()).isEqualTo(763);
	}

	@Test
	void postgisAgreesWithJtsOnTheAreaOfAleppoGovernorate() {
		double postgis = this.jdbc.sql("SELECT ST_Area(geom) FROM boundaries WHERE pcode = 'SY02'")
			.query(Double.class)
			.single();

		assertThat(postgis).isCloseTo(this.boundaries.byPcode("SY02").orElseThrow().geometry().getArea(),
				org.assertj.core.data.Offset.offset(1e-9));
	}

}
