package org.truce.report.application;

/**
 * Hears how far an import has got. Called on the importing thread after every row, so an
 * implementation must be cheap or throttle itself.
 */
public interface ImportProgress {

	ImportProgress NONE = (bytesRead, totalBytes, rows) -> {
	};

	/**
	 * @param bytesRead bytes of the file read so far (the parser reads ahead, so this
	 * runs slightly ahead of the rows)
	 * @param totalBytes the file's size, or -1 when not known
	 * @param rows data rows read so far
	 */
	void advanced(long bytesRead, long totalBytes, long rows);

	/** The file has been read to its end or the import stopped. */
	default void done() {
	}

}
