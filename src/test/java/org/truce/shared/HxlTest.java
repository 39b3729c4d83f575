package org.truce.shared;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.truce.adjudication.application.ExportingFindings;
import org.truce.report.application.CsvReportWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HxlTest {

	@Test
	void theRowFollowsTheHeadersOrder() {
		assertThat(Hxl.row(List.of("lon", "lat"), Map.of("lat", "#geo+lat", "lon", "#geo+lon")))
			.containsExactly("#geo+lon", "#geo+lat");
	}

	@Test
	void aColumnWithoutAHashtagOrWithAMalformedOneIsRefusedNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> Hxl.row(List.of("a", "b"), Map.of("a", "#geo+lat")))
			.withMessageContaining("column b");
		for (String bad : List.of("geo+lat", "#Geo", "#geo+", "#geo +lat", "#1geo", "#geo+lat,")) {
			assertThat(Hxl.valid(bad)).as(bad).isFalse();
		}
		assertThat(Hxl.valid("#affected+killed+status_unknown+min")).isTrue();
		assertThat(Hxl.valid("#x_equipment+class")).isTrue();
	}

	@Test
	void everyExportedColumnHasOneHashtagAndNoTwoColumnsShareOne() {
		for (List<String> header : List.of(CsvReportWriter.HEADER, CsvReportWriter.HEADER_WITHOUT_SOURCES)) {
			assertThat(Hxl.row(header, CsvReportWriter.HXL)).doesNotHaveDuplicates();
		}
		for (List<String> header : List.of(ExportingFindings.HEADER, ExportingFindings.HEADER_WITHOUT_SOURCES)) {
			assertThat(Hxl.row(header, ExportingFindings.HXL)).doesNotHaveDuplicates();
		}
		assertThat(CsvReportWriter.HXL).containsOnlyKeys(CsvReportWriter.HEADER);
		assertThat(ExportingFindings.HXL).containsOnlyKeys(ExportingFindings.HEADER);
	}

}
