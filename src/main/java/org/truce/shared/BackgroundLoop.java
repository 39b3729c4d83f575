package org.truce.shared;

import java.time.Duration;

import org.springframework.context.SmartLifecycle;

/**
 * One thread that a component runs for as long as the application does: started with the
 * context, asked to stop with it, and waited for (up to a grace period) so that work
 * already accepted is finished. The subclass's {@link #loop()} runs on the thread and
 * returns once {@link #isRunning()} is false (after draining what it holds, if it must).
 */
public abstract class BackgroundLoop implements SmartLifecycle {

	private final String threadName;

	private final boolean daemon;

	private final Duration grace;

	private volatile boolean running;

	private volatile Thread thread;

	/**
	 * @param threadName the thread's name, as thread dumps show it
	 * @param daemon whether the JVM may exit while the thread runs
	 * @param grace how long {@link #stop()} waits for the thread to finish
	 */
	protected BackgroundLoop(String threadName, boolean daemon, Duration grace) {
		this.threadName = threadName;
		this.daemon = daemon;
		this.grace = grace;
	}

	/** The work of the thread; returns once {@link #isRunning()} is false. */
	protected abstract void loop();

	/**
	 * Called by {@link #stop()} once {@link #isRunning()} is false, before waiting for
	 * the thread: a loop that waits for a signal wakes itself here.
	 */
	protected void stopping() {
	}

	/**
	 * Waits before trying again after a failure; returns early, with the thread's
	 * interrupt flag set, if interrupted.
	 */
	protected static void pause(Duration d) {
		try {
			Thread.sleep(d.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether to start the thread at all (true unless a subclass says otherwise). */
	protected boolean enabled() {
		return true;
	}

	@Override
	public void start() {
		if (!enabled()) {
			return;
		}
		this.running = true;
		Thread t = new Thread(this::loop, this.threadName);
		t.setDaemon(this.daemon);
		this.thread = t;
		t.start();
	}

	@Override
	public void stop() {
		this.running = false;
		stopping();
		Thread t = this.thread;
		if (t != null) {
			try {
				t.join(this.grace.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
