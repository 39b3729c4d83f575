package org.truce.adjudication.model;

/** The outcome of checking one incident against one term. */
public enum Outcome {

	VIOLATION, NO_VIOLATION, UNDETERMINED

}
