package org.truce.humanitarian.model;

import java.util.Objects;

/**
 * One line of an access request's cargo.
 *
 * @param item what it is, such as "wheat flour" or "surgical kits"
 * @param quantity how much, greater than 0
 * @param unit in what unit, such as "t", "kits" or "trucks"
 */
public record AccessCargo(String item, double quantity, String unit) {

	public AccessCargo {
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(unit, "unit");
		if (!(quantity > 0) || Double.isInfinite(quantity)) {
			throw new IllegalArgumentException("a quantity is a positive number");
		}
	}

}
