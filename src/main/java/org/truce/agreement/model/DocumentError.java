package org.truce.agreement.model;

/**
 * A fault in an agreement or control-map document, located by file, line and column (from
 * 1).
 */
public record DocumentError(String file, int line, int column, String message) {

	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + ": " + this.message;
	}

}
