package org.truce.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.truce.identity.model.Grant;
import org.truce.identity.model.Role;
import org.truce.deconfliction.application.Notifying;
import org.truce.ledger.application.Checkpointing;
import org.truce.testing.Parties;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code truce notified}, run by an operator on a store: the hospital was notified to the
 * Syrian government, which acknowledged it, before the strike; Russia was never a party
 * concerned.
 */
class AskingWhetherASiteWasNotifiedTest {

	@TempDir
	Path dir;

	@Test
	void theAnswerSaysWhenItWasNotifiedAndAcknowledgedWithTheProof() throws Exception {
		UUID id;
		String acknowledgedBy = "liaison-sy-1";
		try (RunningTruce truce = RunningTruce.sqliteIn(this.dir, false)) {
			truce.register(Parties.SYRIA_GOVERNMENT, Parties.RUSSIA);
			Notifying notifying = truce.bean(Notifying.class);
			id = notifying
				.register(new Notifying.NewNotification("SITE", "Al-Quds hospital", "HOSPITAL", null,
						"{\"type\": \"Point\", \"coordinates\": [37.1293, 36.1987]}", null, null, List.of(), null,
						List.of("syria-government")), "notifier-1")
				.notification()
				.id();
			notifying.acknowledge(id, null,
					notifying.reader(acknowledgedBy, List.of(new Grant(Role.LIAISON, "syria-government"))));
			truce.bean(Checkpointing.class).checkpoint();
		}
		String strike = Instant.now().plusSeconds(3600).toString();

		Truce.Run syria = Truce.run("notified", "--notification", id.toString(), "--party", "syria-government",
				"--before", strike, "--data", this.dir.toString());
		Truce.Run russia = Truce.run("notified", "--notification", id.toString(), "--party", "russia", "--before",
				strike, "--data", this.dir.toString());
		Truce.Run early = Truce.run("notified", "--notification", id.toString(), "--party", "syria-government",
				"--before", "2016-09-19T19:00:00+03:00", "--data", this.dir.toString());

		assertThat(syria.exitCode()).as(syria.err()).isZero();
		assertThat(syria.out()).contains("notified:                   yes, at ")
			.contains("acknowledged before strike: yes")
			.contains("by " + acknowledgedBy)
			.contains("\"kind\" : \"notification-sent\"")
			.contains("\"kind\" : \"notification-acknowledged\"")
			.contains("\"proof\" : [");
		assertThat(russia.out()).contains("notified:                   no (not a party concerned)");
		assertThat(early.out()).contains("notified:                   no").contains("acknowledged before strike: no");
	}

}
