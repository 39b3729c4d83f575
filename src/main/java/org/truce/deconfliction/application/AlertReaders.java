package org.truce.deconfliction.application;

import org.truce.deconfliction.model.Alert;

/**
 * Who sees which alert.
 * <ul>
 * <li>An alert about a notified site or movement: the staff (monitors, co-chairs) and the
 * notifier who notified it.</li>
 * <li>An alert about a declared position: the co-chairs and the declaring side only, as
 * for the position itself.</li>
 * </ul>
 * The report's exact point is shown to the staff, and to the declaring side in an alert
 * about its own position; the others get the place, distance and proximity without it.
 * Both only as far as the reader may read the report itself: for a report it may not
 * read, or reads only coarsened, {@link AlertViews} gives the report's grid cell instead.
 */
public final class AlertReaders {

	private AlertReaders() {
	}

	public static boolean mayRead(DeconflictionReader reader, Alert alert) {
		if (alert.restricted()) {
			String side = alert.restrictedToSide();
			return reader.coChair() || reader.side().contains(side) || reader.declarable().contains(side);
		}
		return reader.staff()
				|| reader.notifier() && reader.userId() != null && reader.userId().equals(alert.notifiedBy());
	}

	public static boolean seesPoint(DeconflictionReader reader, Alert alert) {
		return alert.restricted() ? mayRead(reader, alert) : reader.staff();
	}

	/** Whether the reader may list alerts at all. */
	public static boolean mayList(DeconflictionReader reader) {
		return reader.staff() || reader.notifier() || !reader.side().isEmpty() || !reader.declarable().isEmpty();
	}

}
