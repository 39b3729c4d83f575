package org.truce.deconfliction.application;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.truce.access.model.Grant;
import org.truce.deconfliction.model.Alert;

/** Alerts as each reader may see them ({@link AlertReaders}). */
@Service
public class ReadingAlerts {

	private final Alerts alerts;

	private final Notifying notifying;

	ReadingAlerts(Alerts alerts, Notifying notifying) {
		this.alerts = alerts;
		this.notifying = notifying;
	}

	public DeconflictionReader reader(String userId, Collection<Grant> grants) {
		return this.notifying.reader(userId, grants);
	}

	/** The newest alerts the reader may see, newest first. */
	public List<Alert> newest(DeconflictionReader reader, int limit) {
		Set<String> sides = new java.util.LinkedHashSet<>(reader.side());
		sides.addAll(reader.declarable());
		return this.alerts
			.newest(limit, reader.staff(), reader.notifier() ? reader.userId() : null, sides, reader.coChair())
			.stream()
			.filter(a -> AlertReaders.mayRead(reader, a))
			.toList();
	}

}
