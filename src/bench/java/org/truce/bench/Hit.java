package org.truce.bench;

/** One report found by a radius query: its id and its point in degrees. */
public record Hit(String id, double latitude, double longitude) {

}
