package org.truce.deconfliction.model;

/** What a notified movement is. */
public enum MovementKind {

	CONVOY, EVACUATION, STAFF_MOVEMENT

}
