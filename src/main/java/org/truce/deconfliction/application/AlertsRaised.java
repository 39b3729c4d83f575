package org.truce.deconfliction.application;

import java.util.List;

import org.truce.deconfliction.model.Alert;

/**
 * Published once alerts are durably stored with their ledger entries: the moment they are
 * emitted to readers.
 *
 * @param alerts the alerts stored
 * @param acceptedNanos for each alert, at the same position, the
 * {@link System#nanoTime()} at which its report was announced as recorded (to measure how
 * fast alerts follow)
 */
public record AlertsRaised(List<Alert> alerts, long[] acceptedNanos) {

}
