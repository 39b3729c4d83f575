package org.truce.shared;

/** The store did not confirm the write; what was written may or may not be stored. */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(Throwable cause) {
		super("the store did not confirm the write", cause);
	}

}
