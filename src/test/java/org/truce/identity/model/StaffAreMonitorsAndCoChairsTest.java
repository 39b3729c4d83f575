package org.truce.identity.model;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff rule, in one place: monitors and co-chairs are staff and see the whole
 * record; admins, liaisons and notifiers are not, whatever else they hold.
 */
class StaffAreMonitorsAndCoChairsTest {

	private static final Grant MONITOR = new Grant(Role.MONITOR, null);

	private static final Grant CO_CHAIR = new Grant(Role.CO_CHAIR, "usa");

	private static final Grant LIAISON = new Grant(Role.LIAISON, "syria-government");

	private static final Grant NOTIFIER = new Grant(Role.NOTIFIER, null);

	private static final Grant ADMIN = new Grant(Role.ADMIN, null);

	@Test
	void monitorsAndCoChairsAreStaff() {
		assertThat(Viewer.staff(List.of(MONITOR))).isTrue();
		assertThat(Viewer.staff(List.of(CO_CHAIR))).isTrue();
		assertThat(Viewer.staff(List.of(NOTIFIER, MONITOR))).isTrue();
	}

	@Test
	void adminsLiaisonsNotifiersAndTheGrantlessAreNot() {
		assertThat(Viewer.staff(List.of(ADMIN, LIAISON, NOTIFIER))).isFalse();
		assertThat(Viewer.staff(List.of())).isFalse();
	}

	@Test
	void aViewerIsStaffExactlyWhenItsGrantsAre() {
		for (List<Grant> grants : List.of(List.of(MONITOR), List.of(CO_CHAIR), List.of(LIAISON), List.of(NOTIFIER),
				List.of(ADMIN), List.<Grant>of())) {
			Viewer viewer = Viewer.of("someone", grants, Set.of("syria-government"));
			assertThat(viewer.staff()).as(grants.toString()).isEqualTo(Viewer.staff(grants));
			assertThat(viewer.seesSources()).isEqualTo(viewer.staff());
		}
		assertThat(Viewer.PUBLIC.staff()).isFalse();
	}

}
