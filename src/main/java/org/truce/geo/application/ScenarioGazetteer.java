package org.truce.geo.application;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.core.io.Resource;
import org.truce.geo.model.Place;
import org.truce.geo.model.PlaceKind;

/**
 * The gazetteer files of a scenario. Each source is one file, in one of the formats
 * below, named by the scenario's descriptor; see the Syria 2016 scenario's SOURCES.md §3
 * for their columns. Governorates are given as OCHA p-codes throughout: GeoNames admin-1
 * codes and UCDP's governorate names are translated with the scenario's crosswalk.
 */
public final class ScenarioGazetteer {

	/** OCHA COD-AB label points of the admin units (levels 0-3), English and Arabic. */
	public static final String OCHA_ADMIN_POINTS = "ocha-cod-ab-admin-points";

	/** OCHA COD-AB seats of the admin units (levels 0-3), English only. */
	public static final String OCHA_ADMIN_SEATS = "ocha-cod-ab-admin-capitals";

	/** GeoNames cities500, the scenario's country's rows. */
	public static final String GEONAMES = "geonames-cities500";

	/** Distinct locations of UCDP GED events. */
	public static final String UCDP_LOCATIONS = "ucdp-ged-locations";

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.get();

	/** GeoNames dumps use no quoting at all: a quote is an ordinary character. */
	private static final CSVFormat TSV = CSVFormat.TDF.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setQuote(null)
		.setIgnoreSurroundingSpaces(false)
		.get();

	private ScenarioGazetteer() {
	}

	/**
	 * The places of one source of the scenario.
	 * @throws IllegalArgumentException when the scenario has no such source, or it is
	 * none of the formats above
	 */
	public static List<Place> read(ScenarioGeography geography, String source) {
		String file = geography.gazetteer().get(source);
		if (file == null) {
			throw new IllegalArgumentException("the scenario has no gazetteer source " + source);
		}
		Resource resource = geography.file(file);
		return switch (source) {
			case OCHA_ADMIN_POINTS -> ochaAdminPoints(resource);
			case OCHA_ADMIN_SEATS -> ochaAdminSeats(resource);
			case GEONAMES -> geonames(resource, crosswalk(geography, "geonames_admin1_code"));
			case UCDP_LOCATIONS -> ucdpLocations(resource, crosswalk(geography, "ged_adm_1"));
			default -> throw new IllegalArgumentException("no gazetteer source " + source);
		};
	}

	/** Columns X, Y (lon, lat), admin_leve, name, name1 (Arabic), admN_pcode. */
	static List<Place> ochaAdminPoints(Resource file) {
		return parse(file, CSV, r -> {
			int level = Integer.parseInt(r.get("admin_leve").trim());
			return new Place(r.get("name"), blankToNull(r.get("name1")), number(r, "Y"), number(r, "X"),
					PlaceKind.ofAdminLevel(level), blankToNull(r.get("adm1_pcode")), OCHA_ADMIN_POINTS,
					blankToNull(r.get("adm" + level + "_pcode")));
		});
	}

	/**
	 * Columns X, Y (lon, lat), adm_p_lvl (the level of the unit it is the seat of), name,
	 * admN_pcode. {@code loc_pcode} is empty in this file, so the reference is the p-code
	 * of the unit governed from the seat.
	 */
	static List<Place> ochaAdminSeats(Resource file) {
		return parse(file, CSV, r -> {
			int level = Integer.parseInt(r.get("adm_p_lvl").trim());
			return new Place(r.get("name"), null, number(r, "Y"), number(r, "X"), PlaceKind.ADMIN_SEAT,
					blankToNull(r.get("adm1_pcode")), OCHA_ADMIN_SEATS, blankToNull(r.get("adm" + level + "_pcode")));
		});
	}

	/**
	 * The standard GeoNames columns. The Arabic name is the first alternate name in
	 * Arabic script; admin1_code ({@code 09}) with country_code ({@code SY}) is GeoNames'
	 * {@code SY.09}, translated to OCHA's.
	 */
	static List<Place> geonames(Resource file, Map<String, String> toOcha) {
		return parse(file, TSV,
				r -> new Place(r.get("name"), arabic(r.get("alternatenames")), number(r, "latitude"),
						number(r, "longitude"), PlaceKind.POPULATED_PLACE,
						toOcha.get(r.get("country_code") + "." + r.get("admin1_code")), GEONAMES, r.get("geonameid")));
	}

	/**
	 * Columns where_coordinates (the name, as UCDP writes it, such as "Aleppo town"),
	 * latitude, longitude, adm_1 (UCDP's governorate name, translated to OCHA's p-code).
	 * The file has a row per distinct (name, point, where_prec, adm_1, adm_2); 2,821 rows
	 * name 2,023 distinct (name, point) pairs, the rest repeating one with another
	 * where_prec, which describes how UCDP placed an event, not the place. One entry is
	 * kept per (name, point): the first, which has the most events.
	 */
	static List<Place> ucdpLocations(Resource file, Map<String, String> toOcha) {
		Map<List<Object>, Place> distinct = new LinkedHashMap<>();
		for (Place p : parse(file, CSV,
				r -> new Place(r.get("where_coordinates"), null, number(r, "latitude"), number(r, "longitude"),
						PlaceKind.CONFLICT_LOCATION, toOcha.get(r.get("adm_1")), UCDP_LOCATIONS, null))) {
			distinct.putIfAbsent(List.of(p.name(), p.latitude(), p.longitude()), p);
		}
		return List.copyOf(distinct.values());
	}

	/**
	 * From the crosswalk column {@code key} to the OCHA admin-1 p-code; empty when the
	 * scenario has no crosswalk.
	 */
	static Map<String, String> crosswalk(ScenarioGeography geography, String key) {
		Map<String, String> out = new HashMap<>();
		if (geography.crosswalk() == null) {
			return out;
		}
		for (CSVRecord r : records(geography.file(geography.crosswalk()), CSV)) {
			out.put(r.get(key), r.get("ocha_adm1_pcode"));
		}
		return out;
	}

	private static List<Place> parse(Resource file, CSVFormat format, Function<CSVRecord, Place> row) {
		List<Place> out = new ArrayList<>();
		for (CSVRecord r : records(file, format)) {
			try {
				out.add(row.apply(r));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(
						file.getDescription() + " row " + r.getRecordNumber() + ": " + ex.getMessage(), ex);
			}
		}
		return out;
	}

	private static List<CSVRecord> records(Resource file, CSVFormat format) {
		try (Reader in = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8);
				CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
			return parser.getRecords();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

	private static double number(CSVRecord r, String column) {
		return Double.parseDouble(r.get(column).trim());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	static String arabic(String alternateNames) {
		if (alternateNames == null) {
			return null;
		}
		for (String name : alternateNames.split(",")) {
			if (!name.isBlank() && name.codePoints()
				.filter(Character::isLetter)
				.allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
				return name.trim();
			}
		}
		return null;
	}

}
