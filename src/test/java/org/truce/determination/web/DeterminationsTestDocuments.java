package org.truce.determination.web;

/** Agreement documents for determination tests in other packages. */
public final class DeterminationsTestDocuments {

	private DeterminationsTestDocuments() {
	}

	public static String aleppoPause() {
		return DeterminationsFixture.classpath("scenarios/syria-2016/agreements/aleppo-pause-2016-10.yaml");
	}

}
