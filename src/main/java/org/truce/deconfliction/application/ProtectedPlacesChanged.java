package org.truce.deconfliction.application;

/** Published after a notification or declared position is added, changed or withdrawn. */
public record ProtectedPlacesChanged() {

}
