package org.truce.testing;

import java.util.function.Supplier;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.TestAbortedException;

/**
 * Something a test class starts once, in {@code @BeforeAll}, or the reason it could not
 * be (a missing service). {@link #get()} skips each test with that reason, so that every
 * skipped test is reported as skipped, with the reason, rather than the class vanishing
 * from the report.
 */
public final class StartedOrSkipped<T extends AutoCloseable> implements AutoCloseable {

	private final T value;

	private final String reason;

	private StartedOrSkipped(T value, String reason) {
		this.value = value;
		this.reason = reason;
	}

	public static <T extends AutoCloseable> StartedOrSkipped<T> start(Supplier<T> starter) {
		try {
			return new StartedOrSkipped<>(starter.get(), null);
		}
		catch (TestAbortedException ex) {
			return new StartedOrSkipped<>(null, ex.getMessage());
		}
	}

	/** The started value; skips the calling test when it could not be started. */
	public T get() {
		if (this.reason != null) {
			Assumptions.abort(this.reason);
		}
		return this.value;
	}

	@Override
	public void close() throws Exception {
		if (this.value != null) {
			this.value.close();
		}
	}

}
