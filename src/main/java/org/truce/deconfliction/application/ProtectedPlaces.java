package org.truce.deconfliction.application;

import java.util.List;

import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.Notification;

/**
 * What the proximity alerts watch: every notification and declared position not withdrawn
 * (whether or not its window is open now: an incident is judged at its own time).
 * Implemented by the notifications store; a change is announced with
 * {@link ProtectedPlacesChanged} after it commits.
 */
public interface ProtectedPlaces {

	/** Every notification not withdrawn. */
	List<Notification> notifications();

	/** Every declared position not withdrawn. */
	List<DeclaredPosition> positions();

}
