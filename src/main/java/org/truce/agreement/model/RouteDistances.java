package org.truce.agreement.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.truce.report.model.EquipmentClass;

/**
 * How far each class of equipment must stay from a route, on each side of it: a term with
 * distances is broken by equipment of a class found nearer to the route, on a side, than
 * that class's distance on that side. A class with no distance on a side is not
 * restricted there by the term.
 *
 * <p>
 * The sides are the left and the right of the route as drawn, from its first point to its
 * last; the document names them (north and south, for a road drawn west to east).
 *
 * @param routeZoneId the zone, drawn as a route, the distances are measured from
 * @param leftName the document's name for the side to the left of the route's direction
 * @param rightName the name for the side to its right
 * @param left metres from the route, by class, on the left side
 * @param right metres from the route, by class, on the right side
 */
public record RouteDistances(String routeZoneId, String leftName, String rightName, Map<EquipmentClass, Double> left,
		Map<EquipmentClass, Double> right) {

	public RouteDistances {
		Objects.requireNonNull(routeZoneId, "routeZoneId");
		Objects.requireNonNull(leftName, "leftName");
		Objects.requireNonNull(rightName, "rightName");
		left = Map.copyOf(left);
		right = Map.copyOf(right);
	}

	/** The distance for a class on one side, if the term sets one. */
	public Optional<Double> metres(Side side, EquipmentClass equipment) {
		return Optional.ofNullable((side == Side.LEFT ? this.left : this.right).get(equipment));
	}

	/**
	 * The distances in words, by side then class in a fixed order, such as
	 * {@code north: heavy_weapons 3500 m, personnel 1000 m; south: personnel 500 m}.
	 */
	public String describe() {
		java.util.List<String> sides = new java.util.ArrayList<>();
		for (Side side : Side.values()) {
			Map<EquipmentClass, Double> metres = side == Side.LEFT ? this.left : this.right;
			if (!metres.isEmpty()) {
				sides.add(name(side) + ": "
						+ String.join(", ",
								java.util.Arrays.stream(EquipmentClass.values())
									.filter(metres::containsKey)
									.map(c -> c.code() + " " + Math.round(metres.get(c)) + " m")
									.toList()));
			}
		}
		return String.join("; ", sides);
	}

	public String name(Side side) {
		return side == Side.LEFT ? this.leftName : this.rightName;
	}

	/** A side of the route, seen along its direction. */
	public enum Side {

		LEFT, RIGHT

	}

}
