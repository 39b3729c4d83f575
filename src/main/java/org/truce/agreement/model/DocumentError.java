package org.truce.agreement.model;

import org.truce.shared.ErrorCode;

/**
 * A fault in an agreement or control-map document, located by file, line and column (from
 * 1).
 *
 * @param code the stable code of the fault, or null for a fault that has none
 * @param pointer where in the document, as a path such as {@code terms[2].text.ru}, or
 * null when the line and column say it
 */
public record DocumentError(String file, int line, int column, String message, ErrorCode code, String pointer) {

	public DocumentError(String file, int line, int column, String message) {
		this(file, line, column, message, null, null);
	}

	@Override
	public String toString() {
		return this.file + ":" + this.line + ":" + this.column + ": " + this.message + (this.code == null ? ""
				: " [" + this.code.name() + (this.pointer == null ? "" : " at " + this.pointer) + "]");
	}

}
