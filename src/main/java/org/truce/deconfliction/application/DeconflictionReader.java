package org.truce.deconfliction.application;

import java.util.Set;

import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.Notification;
import org.truce.identity.model.Viewer;

/**
 * Who reads notifications and declared positions.
 * <ul>
 * <li>A notification is for the staff (monitors and co-chairs), the notifier who
 * registered it, and the liaisons of the parties it is delivered to; the public sees
 * none.</li>
 * <li>A declared position is for the co-chairs and the declaring side only (not
 * monitors).</li>
 * </ul>
 *
 * @param userId the signed-in user, or null
 * @param staff a monitor or co-chair
 * @param coChair a co-chair
 * @param notifier holds the NOTIFIER role
 * @param side the actors of the reader's liaison side, with their sub-units; empty when
 * it is no liaison
 * @param declarable the actors the reader may declare positions for: the bound actors of
 * its LIAISON and CO_CHAIR grants, sorted
 */
public record DeconflictionReader(String userId, boolean staff, boolean coChair, boolean notifier, Set<String> side,
		java.util.List<String> declarable) {

	public DeconflictionReader {
		side = side == null ? Set.of() : Set.copyOf(side);
		declarable = declarable == null ? java.util.List.of() : java.util.List.copyOf(declarable);
	}

	public static final DeconflictionReader PUBLIC = new DeconflictionReader(null, false, false, false, Set.of(),
			java.util.List.of());

	public boolean mayRead(Notification n) {
		return this.staff || (this.notifier && this.userId != null && this.userId.equals(n.notifiedBy()))
				|| concerns(n);
	}

	/** Whether the notification is delivered to a party of the reader's side. */
	public boolean concerns(Notification n) {
		return n.parties().stream().anyMatch(this.side::contains);
	}

	/**
	 * What the reader may see of the reports: the whole record for the staff, its side's
	 * reports for a liaison, the published ones for anyone else (notifiers, the public,
	 * webhooks).
	 */
	public Viewer viewer() {
		if (this.staff) {
			return new Viewer(Viewer.Reach.FULL, Set.of(), this.userId);
		}
		if (!this.side.isEmpty()) {
			return new Viewer(Viewer.Reach.SIDE, this.side, this.userId);
		}
		return new Viewer(Viewer.Reach.PUBLISHED, Set.of(), this.userId);
	}

	public boolean mayRead(DeclaredPosition p) {
		return this.coChair || this.side.contains(p.side()) || this.declarable.contains(p.side());
	}

}
