package org.truce.geo.model;

import java.util.Objects;

import org.truce.actor.model.NameKey;

/**
 * A named point from a gazetteer. Several entries may share a name: gazetteers overlap,
 * and the same name may belong to different places.
 *
 * @param name the name as the gazetteer writes it
 * @param nameAr the Arabic name, or null
 * @param latitude WGS84 degrees north
 * @param longitude WGS84 degrees east
 * @param kind what the entry names
 * @param admin1Pcode the OCHA p-code of the governorate it lies in, as the gazetteer
 * states it (translated to OCHA's p-codes where the gazetteer uses other codes), or null
 * when the gazetteer does not say
 * @param source the gazetteer, such as {@code geonames-cities500}
 * @param sourceRef the entry's identifier in that gazetteer (a GeoNames id, a p-code), or
 * null
 */
public record Place(String name, String nameAr, double latitude, double longitude, PlaceKind kind, String admin1Pcode,
		String source, String sourceRef) {

	public Place {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(source, "source");
		if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
			throw new IllegalArgumentException("coordinates out of range for " + name);
		}
	}

	/** The folded name under which spellings coincide; see {@link NameKey}. */
	public String nameKey() {
		return NameKey.of(this.name);
	}

}
