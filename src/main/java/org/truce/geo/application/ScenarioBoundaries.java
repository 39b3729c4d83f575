package org.truce.geo.application;

import java.util.List;

import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;

/**
 * The boundary files of a scenario, in the OCHA COD-AB shape: admin 0-3 and city
 * neighbourhoods. See the Syria 2016 scenario's SOURCES.md for their origin and
 * attributes.
 */
public final class ScenarioBoundaries {

	private ScenarioBoundaries() {
	}

	/**
	 * The layer's units with their OCHA p-codes and English and Arabic names; none when
	 * the scenario has no file for the layer.
	 */
	public static List<Boundary> read(ScenarioGeography geography, BoundaryLayer layer) {
		return geography.boundaryFile(layer)
			.map(file -> GeoJson.read(file).stream().map(f -> boundary(layer, f, file.getDescription())).toList())
			.orElse(List.of());
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
