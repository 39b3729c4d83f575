package org.truce.report.model;

import java.time.ZoneOffset;

import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping of source precision codes to uncertainty radii: a coarser code never gets a
 * smaller radius, and no location is ever more certain than its precision allows.
 */
class LocationPrecisionProperties {

	@Property
	void everyUcdpWherePrecisionMapsToAPositiveRadius(@ForAll @IntRange(min = 1, max = 7) int code) {
		LocationPrecision precision = LocationPrecision.ofUcdp(code).orElseThrow();

		assertThat(precision.ucdpCode()).isEqualTo(code);
		assertThat(precision.radiusMetres()).isPositive();
	}

	@Property
	void ucdpRadiiDoNotShrinkFromExactPlaceToGovernorate(@ForAll @IntRange(min = 1, max = 4) int finer,
			@ForAll @IntRange(min = 1, max = 4) int coarser) {
		if (finer > coarser) {
			return;
		}
		assertThat(LocationPrecision.ofUcdp(finer).orElseThrow().radiusMetres())
			.isLessThanOrEqualTo(LocationPrecision.ofUcdp(coarser).orElseThrow().radiusMetres());
	}

	@Test
	void theCountryRadiusIsAtLeastTheGovernorateRadius() {
		assertThat(LocationPrecision.ofUcdp(6).orElseThrow().radiusMetres())
			.isGreaterThanOrEqualTo(LocationPrecision.ofUcdp(4).orElseThrow().radiusMetres());
	}

	@Property
	void acledGeoPrecisionsMapMonotonically(@ForAll @IntRange(min = 1, max = 3) int finer,
			@ForAll @IntRange(min = 1, max = 3) int coarser) {
		if (finer > coarser) {
			return;
		}
		assertThat(LocationPrecision.ofAcled(finer).orElseThrow().radiusMetres())
			.isLessThanOrEqualTo(LocationPrecision.ofAcled(coarser).orElseThrow().radiusMetres());
	}

	@Test
	void acledCodesMeanTheTownNearATownAndAGovernorate() {
		assertThat(List.of(1, 2, 3)).map(LocationPrecision::ofAcled)
			.containsExactly(Optional.of(LocationPrecision.EXACT), Optional.of(LocationPrecision.NEAR),
					Optional.of(LocationPrecision.ADMIN1));
	}

	@Property
	void codesOutOfRangeMapToNothing(@ForAll("notUcdp") int ucdp, @ForAll("notAcled") int acled) {
		assertThat(LocationPrecision.ofUcdp(ucdp)).isEmpty();
		assertThat(LocationPrecision.ofAcled(acled)).isEmpty();
	}

	@Property
	void ucdpDatePrecisionsOutsideOneToFiveMapToNothing(@ForAll("notUcdpDate") int code) {
		assertThat(TimePrecision.ofUcdp(code)).isEmpty();
	}

	@Property
	void everyUcdpDatePrecisionMapsToItself(@ForAll @IntRange(min = 1, max = 5) int code) {
		assertThat(TimePrecision.ofUcdp(code).orElseThrow().ucdpCode()).isEqualTo(code);
	}

	@Property(tries = 500)
	void aValidatedLocationIsNeverMoreCertainThanItsPrecision(@ForAll LocationPrecision precision,
			@ForAll("uncertainties") Double uncertainty, @ForAll @DoubleRange(min = -90, max = 90) double lat,
			@ForAll @DoubleRange(min = -180, max = 180) double lon) {
		ReportDraft draft = new ReportDraft("air_drone_strike", new ReportDraft.When("2016-09-19", null, null),
				new ReportDraft.Where(lat, lon, precision.name().toLowerCase(), uncertainty, null, null, null), null,
				null, null, null, "ucdp-ged", null, null);

		ReportValidator.Result result = ReportValidator.validate(draft, ZoneOffset.UTC, id -> true);

		assertThat(result.ok()).as("%s", result.problems()).isTrue();
		Location where = result.valid().where();
		assertThat(where.precision()).isEqualTo(precision);
		assertThat(where.uncertaintyMetres()).isGreaterThanOrEqualTo(precision.radiusMetres());
		if (uncertainty != null) {
			assertThat(where.uncertaintyMetres()).isGreaterThanOrEqualTo(uncertainty);
		}
	}

	@Provide
	Arbitrary<Integer> notUcdp() {
		return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().lessOrEqual(0),
				Arbitraries.integers().greaterOrEqual(8));
	}

	@Provide
	Arbitrary<Integer> notUcdpDate() {
		return Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().lessOrEqual(0),
				Arbitraries.integers().greaterOrEqual(6));
	}

	@Provide
	Arbitrary<Integer> notAcled() {
		return Arbitraries.oneOf(Arbitraries.integers().lessOrEqual(0), Arbitraries.integers().greaterOrEqual(4));
	}

	@Provide
	Arbitrary<Double> uncertainties() {
		return Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.doubles().between(0, 20_000_000),
				Arbitraries.of(0.0, 1.0, 99.99, 2_000.0, 600_000.0, 20_000_000.0));
	}

}
