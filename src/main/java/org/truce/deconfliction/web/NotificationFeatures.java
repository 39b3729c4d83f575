package org.truce.deconfliction.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;

/**
 * A notified site or movement as a GeoJSON feature's properties, the same on the map
 * ({@code /api/map/notifications}) and in OGC API – Features ({@code /ogc}).
 */
public final class NotificationFeatures {

	private NotificationFeatures() {
	}

	/**
	 * Its id, kind, name, siteKind, movementKind, from, to, and status at {@code now}.
	 */
	public static Map<String, Object> properties(NotificationHistory h, Instant now) {
		Notification n = h.notification();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", n.id().toString());
		properties.put("kind", n.kind().name());
		properties.put("name", n.name());
		properties.put("siteKind", n.siteKind() == null ? null : n.siteKind().name());
		properties.put("movementKind", n.movementKind() == null ? null : n.movementKind().name());
		properties.put("from", n.from());
		properties.put("to", n.to());
		properties.put("status", h.status(now).name());
		return properties;
	}

}
