package org.truce.geo.application;

import java.util.List;

import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;

/**
 * The boundary files of the Syria 2016 scenario, read from the classpath: OCHA COD-AB
 * admin 0-3 and city neighbourhoods, and Natural Earth countries for context. See the
 * scenario's SOURCES.md for their origin and attributes.
 */
public final class ScenarioBoundaries {

	static final String DIR = "scenarios/syria-2016/boundaries/";

	/** Natural Earth 1:10m admin-0: Syria and the seven countries around it. */
	public static final String NEIGHBOURS = DIR + "ne_10m_admin0_syria_and_neighbours.geojson";

	private ScenarioBoundaries() {
	}

	/** The classpath resource holding the OCHA layer. */
	public static String resource(BoundaryLayer layer) {
		return DIR + switch (layer) {
			case ADMIN0 -> "syr_admin0_ocha_cod.geojson";
			case ADMIN1 -> "syr_admin1_ocha_cod.geojson";
			case ADMIN2 -> "syr_admin2_ocha_cod.geojson";
			case ADMIN3 -> "syr_admin3_ocha_cod.geojson";
			case NEIGHBOURHOOD -> "syr_city_neighbourhoods_ocha_cod.geojson";
		};
	}

	/** The layer's units with their OCHA p-codes and English and Arabic names. */
	public static List<Boundary> read(BoundaryLayer layer) {
		String resource = resource(layer);
		return GeoJson.readClasspath(resource).stream().map(f -> boundary(layer, f, resource)).toList();
	}

	/**
	 * Admin levels name their attributes {@code admN_pcode}, {@code admN_name} (English)
	 * and {@code admN_name1} (Arabic). The neighbourhood layer's shapefile cut its names
	 * to ten characters: {@code neighbor_2} is the code, {@code neighborho} the English
	 * and {@code neighbor_1} the Arabic name; it lies in the sub-district
	 * {@code adm3_pcode}.
	 */
	static Boundary boundary(BoundaryLayer layer, GeoJson.Feature f, String resource) {
		String pcode;
		String name;
		String nameAr;
		String parent;
		if (layer == BoundaryLayer.NEIGHBOURHOOD) {
			pcode = f.text("neighbor_2");
			name = f.text("neighborho");
			nameAr = f.text("neighbor_1");
			parent = f.text("adm3_pcode");
		}
		else {
			int n = layer.level();
			pcode = f.text("adm" + n + "_pcode");
			name = f.text("adm" + n + "_name");
			nameAr = f.text("adm" + n + "_name1");
			parent = n == 0 ? null : f.text("adm" + (n - 1) + "_pcode");
		}
		if (pcode == null || name == null) {
			throw new IllegalArgumentException(resource + " has a feature without a p-code or a name");
		}
		return new Boundary(layer, pcode, name, nameAr, parent, GeoJson.multiPolygon(f.geometry()));
	}

}
