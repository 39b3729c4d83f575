package org.truce.report.model;

/**
 * How reliable a source has proven, on the Admiralty (NATO AJP-2.1) scale for source
 * reliability. It grades the source, not any one claim.
 */
public enum Reliability {

	A("Completely reliable"), B("Usually reliable"), C("Fairly reliable"), D("Not usually reliable"), E("Unreliable"),
	F("Reliability cannot be judged");

	private final String meaning;

	Reliability(String meaning) {
		this.meaning = meaning;
	}

	public String meaning() {
		return this.meaning;
	}

}
