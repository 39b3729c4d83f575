package org.truce.scenario.application;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.deconfliction.application.Notifications;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProtectedPlaces;
import org.truce.deconfliction.model.Notification;
import org.truce.deconfliction.model.NotificationHistory;
import org.truce.report.application.ImportProgress;
import org.truce.testing.RunningTruce;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store loaded by an earlier demo holds the convoy as that demo notified it, with the
 * time it loaded. Loading the corrected humanitarian.yaml registers the movement and the
 * warehouse asserted in 2016, and withdraws the old notification, which the file no
 * longer holds.
 */
class ReloadingTheDemoWithdrawsWhatTheFileNoLongerNotifiesTest {

	private static final String OLD = "UN/SARC convoy to Urum al-Kubra (demo reconstruction)";

	private static RunningTruce truce;

	@BeforeAll
	static void start() {
		truce = RunningTruce.sqlite(false);
		truce.bean(ActorDirectory.class)
			.register(List.of(new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null, null),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, null)));
	}

	@AfterAll
	static void stop() throws Exception {
		truce.close();
	}

	@Test
	void theOldConvoyIsWithdrawnAndTheCorrectedOnesRegistered() {
		Notifying notifying = truce.bean(Notifying.class);
		NotificationHistory old = notifying.register(new Notifying.NewNotification("MOVEMENT", OLD, null, "CONVOY",
				"{\"type\": \"LineString\", \"coordinates\": [[37.161173, 36.201241], [36.94775, 36.1481]]}",
				java.time.Instant.parse("2016-09-19T05:00:00Z"), java.time.Instant.parse("2016-09-19T20:59:00Z"),
				List.of(), null, List.of("syria-government", "russia")), "scenario:syria-2016");
		HumanitarianLoader loader = truce.bean(HumanitarianLoader.class);

		String summary = loader.load(Syria2016.SCENARIO, ImportProgress.NONE);
		String again = loader.load(Syria2016.SCENARIO, ImportProgress.NONE);

		assertThat(summary).isEqualTo("Humanitarian notifications: 2 registered, 0 already present,"
				+ " 1 withdrawn (no longer in the file), from humanitarian.yaml.");
		assertThat(again)
			.isEqualTo("Humanitarian notifications: 0 registered, 2 already present, from humanitarian.yaml.");
		assertThat(truce.bean(Notifications.class).byId(old.notification().id()).orElseThrow().notification())
			.extracting(Notification::withdrawnAt)
			.isNotNull();
		assertThat(truce.bean(ProtectedPlaces.class).notifications()).extracting(Notification::name)
			.containsExactlyInAnyOrder("UN/SARC convoy to Urum al-Kubra",
					"SARC warehouse near Urum al-Kubra (the convoy's destination)");
	}

}
