package org.truce.deconfliction.model;

import java.time.Instant;
import java.util.UUID;

/**
 * A party's acknowledgment that its liaison received a notification.
 *
 * @param party the actor the liaison speaks for
 * @param by the liaison's user id
 * @param at when Truce recorded it
 */
public record Acknowledgment(UUID notificationId, String party, String by, Instant at) {

}
