package org.truce.deconfliction.application;

import java.util.List;

import org.truce.deconfliction.model.Alert;

/**
 * Published right after alerts are committed, with their reports and ledger entries: the
 * moment they are emitted to readers.
 *
 * @param alerts the alerts stored
 * @param acceptedNanos the {@link System#nanoTime()} at which they and their reports were
 * committed (when the reports were accepted), to measure how fast alerts follow
 */
public record AlertsRaised(List<Alert> alerts, long acceptedNanos) {

}
