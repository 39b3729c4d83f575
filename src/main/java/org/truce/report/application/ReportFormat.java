package org.truce.report.application;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The file formats reports can be exported in. */
public enum ReportFormat {

	/** RFC 7946 GeoJSON: a FeatureCollection of points. */
	GEOJSON("application/geo+json", "geojson"),
	/** RFC 4180 CSV, UTF-8, one column per field. */
	CSV("text/csv", "csv"),
	/**
	 * {@link #CSV} with a row of HXL hashtags under the header
	 * ({@link CsvReportWriter#HXL}), for humanitarian data platforms.
	 */
	CSV_HXL("text/csv", "csv");

	private final String mediaType;

	private final String extension;

	ReportFormat(String mediaType, String extension) {
		this.mediaType = mediaType;
		this.extension = extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/**
	 * @param withSources false to leave out each report's source and external id, for a
	 * reader who may not see them
	 */
	public ReportWriter writer(OutputStream out, boolean withSources) {
		return switch (this) {
			case GEOJSON -> new GeoJsonReportWriter(out, withSources);
			case CSV -> new CsvReportWriter(out, withSources, false);
			case CSV_HXL -> new CsvReportWriter(out, withSources, true);
		};
	}

	/**
	 * This format with HXL hashtags, when {@code hxl}: CSV only.
	 * @return empty when HXL is asked of a format that is not CSV
	 */
	public Optional<ReportFormat> withHxl(boolean hxl) {
		if (!hxl) {
			return Optional.of(this);
		}
		return this == GEOJSON ? Optional.empty() : Optional.of(CSV_HXL);
	}

	/** The format named {@code geojson} or {@code csv}, in any case. */
	public static Optional<ReportFormat> parse(String text) {
		if (text == null || text.trim().equalsIgnoreCase("csv_hxl")) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
