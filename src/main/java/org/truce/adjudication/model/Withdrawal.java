package org.truce.adjudication.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.truce.agreement.model.RouteDistances;
import org.truce.agreement.model.Term;
import org.truce.incident.model.Incident;
import org.truce.report.model.EquipmentClass;

/**
 * The place condition of a term that sets withdrawal distances from a route: it holds
 * when the incident's equipment lies nearer to the route, on its side, than its class's
 * distance there, with all of its uncertainty radius; it does not hold when it lies at or
 * beyond that distance with all of it, or when the term sets no distance for the class on
 * that side; otherwise it is unknown.
 *
 * <p>
 * When the incident names no equipment class, every class is tried: the condition takes
 * the answer they all give, and is unknown ({@link MissingFact#EQUIPMENT_CLASS_UNKNOWN})
 * when they differ. When the uncertainty radius reaches across the route, both sides are
 * tried in the same way.
 */
final class Withdrawal {

	/** 0.5 % and a metre, for the projection used to find the nearest point. */
	private static final double RELATIVE_MARGIN = 0.005;

	private Withdrawal() {
	}

	static Tri check(Term term, RouteGauge gauge, Incident incident) {
		RouteDistances distances = term.distances();
		double lat = incident.where().latitude();
		double lon = incident.where().longitude();
		double radius = incident.where().uncertaintyMetres();
		RouteGauge.Measure measure = gauge.measure(lat, lon);
		double metres = measure.metres();
		double margin = metres * RELATIVE_MARGIN + 1;
		boolean sideKnown = metres > radius + margin;
		RouteDistances.Side side = measure.side();
		RouteDistances.Side other = side == RouteDistances.Side.LEFT ? RouteDistances.Side.RIGHT
				: RouteDistances.Side.LEFT;
		String sideName = distances.name(side);
		String route = distances.routeZoneId();

		Map<String, String> data = new HashMap<>();
		data.put("route", route);
		data.put("side", sideName);
		data.put("distanceMetres", String.valueOf(Math.round(metres)));
		data.put("uncertaintyMetres", String.valueOf(Math.round(radius)));
		data.put("locationPrecision", incident.where().precision().name());
		data.put("equipmentClass", incident.equipment() == null ? "unknown" : incident.equipment().code());

		List<EquipmentClass> classes = incident.equipment() == null ? List.of(EquipmentClass.values())
				: List.of(incident.equipment());
		Map<EquipmentClass, Tri.Value> outcomes = new EnumMap<>(EquipmentClass.class);
		for (EquipmentClass equipment : classes) {
			Tri.Value value = compare(distances.metres(side, equipment), Math.max(0, metres - radius - margin),
					metres + radius + margin);
			if (!sideKnown) {
				Tri.Value across = compare(distances.metres(other, equipment), 0, radius - metres + margin);
				value = value == across ? value : Tri.Value.UNKNOWN;
			}
			outcomes.put(equipment, value);
		}
		String where = Math.round(metres) + " m " + sideName + " of " + route + " (uncertainty radius "
				+ Math.round(radius) + " m)";
		if (!sideKnown) {
			where += ", which reaches across the route to its " + distances.name(other) + " side";
		}
		List<String> each = new ArrayList<>();
		outcomes.forEach((equipment,
				value) -> each.add(equipment.code() + " "
						+ distances.metres(side, equipment).map(m -> Math.round(m) + " m").orElse("no distance") + ": "
						+ word(value)));
		data.put("requiredMetres", String.join("; ", each));

		Tri.Value first = outcomes.values().iterator().next();
		boolean agree = outcomes.values().stream().allMatch(v -> v == first);
		if (!agree) {
			return Tri.unknown(MissingFact.EQUIPMENT_CLASS_UNKNOWN,
					new Reason(ReasonCode.EQUIPMENT_CLASS_UNKNOWN, "The incident lies " + where
							+ "; the report names no equipment class, and the term's distances for the classes give "
							+ "different answers: " + String.join("; ", each) + ".", data));
		}
		String what = incident.equipment() == null ? "whatever the class of equipment"
				: describe(distances, side, incident.equipment());
		return switch (first) {
			case TRUE -> Tri.yes(new Reason(ReasonCode.WITHIN_WITHDRAWAL_DISTANCE,
					"The incident lies " + where + ", nearer than the term allows, " + what + ".", data));
			case FALSE -> Tri.no(new Reason(ReasonCode.BEYOND_WITHDRAWAL_DISTANCE,
					"The incident lies " + where + ", where the term allows it, " + what + ".", data));
			case UNKNOWN -> Tri.unknown(MissingFact.LOCATION_STRADDLES_WITHDRAWAL_DISTANCE, new Reason(
					ReasonCode.WITHDRAWAL_DISTANCE_STRADDLED,
					"The incident lies " + where + ": its uncertainty radius crosses the distance, " + what + ".",
					data));
		};
	}

	private static String describe(RouteDistances distances, RouteDistances.Side side, EquipmentClass equipment) {
		Optional<Double> required = distances.metres(side, equipment);
		return required
			.map(m -> "as " + equipment.code() + " must keep " + Math.round(m) + " m from the route on its "
					+ distances.name(side) + " side")
			.orElse("as the term sets no distance for " + equipment.code() + " on its " + distances.name(side)
					+ " side");
	}

	/**
	 * Whether every distance in [nearest, farthest] is short of the required one (TRUE),
	 * every one at or beyond it (FALSE), or some of each (UNKNOWN); FALSE when none is
	 * required.
	 */
	private static Tri.Value compare(Optional<Double> required, double nearest, double farthest) {
		if (required.isEmpty()) {
			return Tri.Value.FALSE;
		}
		if (farthest < required.get()) {
			return Tri.Value.TRUE;
		}
		return nearest >= required.get() ? Tri.Value.FALSE : Tri.Value.UNKNOWN;
	}

	private static String word(Tri.Value value) {
		return switch (value) {
			case TRUE -> "nearer";
			case FALSE -> "not nearer";
			case UNKNOWN -> "undetermined";
		};
	}

}
