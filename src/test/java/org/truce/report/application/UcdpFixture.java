package org.truce.report.application;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

import org.springframework.core.io.ClassPathResource;

/** UCDP GED files for tests, built from the rows of the real 2016 file. */
public final class UcdpFixture {

	public static final String REAL_FILE = "scenarios/syria-2016/events/ucdp_ged_syria_2016.csv";

	private UcdpFixture() {
	}

	/** The real 2016 file as an import file. */
	public static ImportFile ged2016() {
		return ImportFile.of("classpath:" + REAL_FILE, new ClassPathResource(REAL_FILE));
	}

	/** The header of the real file: its 41 columns in order. */
	public static List<String> header() {
		return read(1).header();
	}

	/**
	 * The first {@code n} rows of the real file, as mutable maps from column to value.
	 */
	public static List<Map<String, String>> realRows(int n) {
		return read(n).rows();
	}

	private record Table(List<String> header, List<Map<String, String>> rows) {

	}

	private static Table read(int n) {
		try (Reader in = new InputStreamReader(new ClassPathResource(REAL_FILE).getInputStream(),
				StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
			List<Map<String, String>> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				if (rows.size() == n) {
					break;
				}
				rows.add(new LinkedHashMap<>(record.toMap()));
			}
			return new Table(parser.getHeaderNames(), rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the rows under the real header, every field quoted as the real file is. */
	public static Path write(Path file, List<Map<String, String>> rows) {
		List<String> header = header();
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter csv = new CSVPrinter(out,
						CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\n").get())) {
			csv.printRecord(header);
			for (Map<String, String> row : rows) {
				List<String> values = new ArrayList<>();
				for (String column : header) {
					values.add(row.get(column));
				}
				csv.printRecord(values);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/**
	 * Five real rows (ids 214797, 214804, 214808, 214811, 214814). The first has a line
	 * break in its headline, the second's latitude is "north" (row 3), the fourth ends
	 * before it starts (row 5).
	 */
	public static Path fiveRowsWithTwoBrokenOnes(Path dir) {
		List<Map<String, String>> rows = realRows(5);
		rows.get(0).put("source_headline", rows.get(0).get("source_headline") + "\nsecond line, with a comma");
		rows.get(1).put("latitude", "north");
		rows.get(3).put("date_end", "2015-12-31");
		return write(dir.resolve("ucdp_five_rows_two_broken.csv"), rows);
	}

	public static ImportFile file(Path path) {
		try {
			return ImportFile.of(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
