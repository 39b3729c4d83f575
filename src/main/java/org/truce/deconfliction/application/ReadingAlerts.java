package org.truce.deconfliction.application;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.stereotype.Service;
import org.truce.deconfliction.model.Alert;
import org.truce.identity.model.Grant;
import org.truce.shared.VisibleRows;

/**
 * Alerts as each reader may see them ({@link AlertReaders}, {@link AlertViews#shows}).
 */
@Service
public class ReadingAlerts {

	private static final int PAGE = 500;

	private final Alerts alerts;

	private final Notifying notifying;

	private final AlertViews views;

	ReadingAlerts(Alerts alerts, Notifying notifying, AlertViews views) {
		this.alerts = alerts;
		this.notifying = notifying;
		this.views = views;
	}

	public DeconflictionReader reader(String userId, Collection<Grant> grants) {
		return this.notifying.reader(userId, grants);
	}

	/**
	 * The newest {@code limit} alerts the reader may see, newest first: the reader's rule
	 * is applied before the limit ({@link VisibleRows}), so a page is full when there are
	 * more.
	 */
	public List<Alert> newest(DeconflictionReader reader, int limit) {
		return VisibleRows.first(limit, n -> this.alerts.newest(n, reader.staff(),
				reader.notifier() ? reader.userId() : null, sides(reader), reader.coChair()), a -> shows(reader, a));
	}

	/** The alert, if it is stored and the reader may see it. */
	public Optional<Alert> read(UUID id, DeconflictionReader reader) {
		return this.alerts.byId(id).filter(a -> shows(reader, a));
	}

	/**
	 * Hands each alert stored after this one that the reader may see to {@code each},
	 * oldest first (by id: alert ids are time-ordered), reading the store a page at a
	 * time.
	 */
	public void after(UUID after, DeconflictionReader reader, Consumer<Alert> each) {
		UUID cursor = after;
		while (true) {
			List<Alert> page = this.alerts.after(cursor, PAGE, reader.staff(),
					reader.notifier() ? reader.userId() : null, sides(reader), reader.coChair());
			page.stream().filter(a -> shows(reader, a)).forEach(each);
			if (page.size() < PAGE) {
				return;
			}
			cursor = page.get(page.size() - 1).id();
		}
	}

	/**
	 * Whether the reader gets the alert: one about a place it may read of
	 * ({@link AlertReaders#mayRead}), and raised for it ({@link AlertViews#shows}).
	 */
	private boolean shows(DeconflictionReader reader, Alert a) {
		return AlertReaders.mayRead(reader, a) && this.views.shows(a, reader);
	}

	private static Set<String> sides(DeconflictionReader reader) {
		Set<String> sides = new LinkedHashSet<>(reader.side());
		sides.addAll(reader.declarable());
		return sides;
	}

}
