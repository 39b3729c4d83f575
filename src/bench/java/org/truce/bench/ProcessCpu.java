package org.truce.bench;

import java.lang.management.ManagementFactory;

/** The CPU time this JVM has used, on every core together. */
public final class ProcessCpu {

	private ProcessCpu() {
	}

	/** CPU nanoseconds used by this JVM so far, or -1 when the platform does not say. */
	public static long nanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

}
