package org.truce.agreement.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.MingledArea;
import org.truce.agreement.model.Zone;

/**
 * The properties of an agreement's zones, its mingled areas and the control map's areas
 * as GeoJSON features, the same in the REST API ({@code /api/agreements/{id}/zones},
 * {@code /api/agreements/{id}/mingled}, {@code /api/control-areas}) and in OGC API –
 * Features ({@code /ogc}).
 */
public final class AgreementFeatures {

	private AgreementFeatures() {
	}

	public static Map<String, Object> zone(Agreement a, Zone z) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", z.id());
		p.put("name", z.name());
		p.put("agreement", a.id());
		p.put("definition", String.valueOf(z.definition()));
		return p;
	}

	/** A mingled area's id: its party's area and the excluded actor's area. */
	public static String mingledId(MingledArea m) {
		return m.partyAreaId() + "~" + m.excludedAreaId();
	}

	public static Map<String, Object> mingled(MingledArea m) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("partyArea", m.partyAreaId());
		p.put("party", m.partyActorId());
		p.put("excludedArea", m.excludedAreaId());
		p.put("excluded", m.excludedActorId());
		p.put("from", m.period().start());
		p.put("to", m.period().end());
		return p;
	}

	public static Map<String, Object> controlArea(ControlArea c) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", c.id());
		p.put("actor", c.actorId());
		p.put("validFrom", c.valid().start());
		p.put("validTo", c.valid().end());
		p.put("source", c.source());
		return p;
	}

}
