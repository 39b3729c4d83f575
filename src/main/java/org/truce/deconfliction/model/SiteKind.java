package org.truce.deconfliction.model;

/** What a protected static site is. */
public enum SiteKind {

	HOSPITAL, CLINIC, SCHOOL, AID_WAREHOUSE, SHELTER, WATER_STATION, POWER_STATION

}
