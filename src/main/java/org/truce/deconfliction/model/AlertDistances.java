package org.truce.deconfliction.model;

/**
 * The distance, in metres, within which a violent incident raises an alert, for each kind
 * of place.
 */
public record AlertDistances(double siteMetres, double movementMetres, double positionMetres) {

	public AlertDistances {
		for (double d : new double[] { siteMetres, movementMetres, positionMetres }) {
			if (!(d >= 0 && d <= 100_000)) {
				throw new IllegalArgumentException("an alert distance must be 0 to 100,000 m, not " + d);
			}
		}
	}

	/** The same distance for every kind. */
	public static AlertDistances of(double metres) {
		return new AlertDistances(metres, metres, metres);
	}

	public double of(ProtectedPlaceKind kind) {
		return switch (kind) {
			case SITE -> this.siteMetres;
			case MOVEMENT -> this.movementMetres;
			case DECLARED_POSITION -> this.positionMetres;
		};
	}

	public double largest() {
		return Math.max(this.siteMetres, Math.max(this.movementMetres, this.positionMetres));
	}

}
