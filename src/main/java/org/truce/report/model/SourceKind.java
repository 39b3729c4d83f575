package org.truce.report.model;

/** Who reported. */
public enum SourceKind {

	MONITOR, PARTY_LIAISON, NGO, MEDIA, OPEN_SOURCE, DATASET

}
