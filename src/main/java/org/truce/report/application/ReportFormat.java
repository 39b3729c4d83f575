package org.truce.report.application;

import java.io.OutputStream;
import java.util.List;
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
	CSV_HXL("text/csv", "csv"),
	/**
	 * ACLED's own export layout, from the rows kept at import: the reports imported from
	 * ACLED only ({@link SourceLayoutWriter}).
	 */
	ACLED("text/csv", "csv", "acled"),
	/**
	 * UCDP GED's own layout, from the rows kept at import: the reports imported from UCDP
	 * only ({@link SourceLayoutWriter}).
	 */
	UCDP("text/csv", "csv", "ucdp");

	private final String mediaType;

	private final String extension;

	private final String layout;

	ReportFormat(String mediaType, String extension) {
		this(mediaType, extension, null);
	}

	ReportFormat(String mediaType, String extension, String layout) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.layout = layout;
	}

	/**
	 * The dataset layout this format writes back ({@code acled}, {@code ucdp}, as
	 * {@link org.truce.report.model.SourceFields#format}), or null for Truce's own
	 * formats.
	 */
	public String layout() {
		return this.layout;
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
	 * @param layoutHeader for a dataset's layout, the columns to write; ignored otherwise
	 */
	ReportWriter writer(OutputStream out, boolean withSources, List<String> layoutHeader) {
		return switch (this) {
			case GEOJSON -> new GeoJsonReportWriter(out, withSources);
			case CSV -> new CsvReportWriter(out, withSources, false);
			case CSV_HXL -> new CsvReportWriter(out, withSources, true);
			case ACLED, UCDP -> new SourceLayoutWriter(out, layoutHeader);
		};
	}

	/**
	 * This format with HXL hashtags, when {@code hxl}: Truce's CSV only (a dataset's
	 * layout is written as the dataset publishes it).
	 * @return empty when HXL is asked of a format that is not CSV
	 */
	public Optional<ReportFormat> withHxl(boolean hxl) {
		if (!hxl) {
			return Optional.of(this);
		}
		return this == CSV || this == CSV_HXL ? Optional.of(CSV_HXL) : Optional.empty();
	}

	/**
	 * The format named {@code geojson}, {@code csv}, {@code acled} or {@code ucdp}, in
	 * any case.
	 */
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
