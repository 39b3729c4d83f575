package org.truce.report.application;

import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/** The file formats reports can be exported in. */
public enum ReportFormat {

	/** RFC 7946 GeoJSON: a FeatureCollection of points. */
	GEOJSON("application/geo+json", "geojson"),
	/** RFC 4180 CSV, UTF-8, one column per field. */
	CSV("text/csv", "csv");

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
			case CSV -> new CsvReportWriter(out, withSources);
		};
	}

	public static Optional<ReportFormat> parse(String text) {
		if (text == null) {
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
