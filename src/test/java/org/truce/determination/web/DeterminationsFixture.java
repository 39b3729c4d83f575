package org.truce.determination.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.truce.actor.application.ActorDirectory;
import org.truce.actor.model.Actor;
import org.truce.actor.model.ActorType;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.report.application.Sources;
import org.truce.report.application.SubmittingReport;
import org.truce.report.model.ReportDraft;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.testing.IncidentFixture;
import org.truce.testing.RunningTruce;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store with the Aleppo pause of October 2016, its sponsors and a shelling in Aleppo.
 */
public final class DeterminationsFixture {

	public static final String AGREEMENT = "aleppo-pause-2016-10";

	static final String TERM = "aleppo-pause-2016-10/no-strikes-or-shelling";

	private DeterminationsFixture() {
	}

	/** Registers the actors and the agreement (once per store). */
	public static void aleppoPause(RunningTruce truce) {
		truce.bean(ActorDirectory.class)
			.register(List.of(
					new Actor("syria-government", "Government of Syria", ActorType.STATE_FORCE, null,
							List.of("Syrian government")),
					new Actor("russia", "Russian Federation", ActorType.STATE_FORCE, null, List.of("Russia")),
					new Actor("united-states", "United States", ActorType.STATE_FORCE, null, List.of("US")),
					new Actor("turkey", "Turkey", ActorType.STATE_FORCE, null, List.of())));
		truce.bean(Sources.class).save(new Source("monitors", "Monitors", SourceKind.MONITOR, Reliability.B));
		AgreementCatalogue agreements = truce.bean(AgreementCatalogue.class);
		if (agreements.versions(AGREEMENT).isEmpty()) {
			assertThat(agreements
				.load(AGREEMENT + ".yaml", classpath("scenarios/syria-2016/agreements/" + AGREEMENT + ".yaml"))
				.errors()).isEmpty();
		}
	}

	/**
	 * A new shelling in Aleppo's old city during the pause, and the incident that holds
	 * it.
	 */
	public static UUID shellingIncident(RunningTruce truce) {
		UUID report = truce.bean(SubmittingReport.class)
			.submit(new ReportDraft("shelling_artillery_missile_attack",
					new ReportDraft.When("2016-10-21T11:00:00+03:00", null, "EXACT"),
					new ReportDraft.Where(36.2070, 37.1570, "SURVEYED", null, "Aleppo old city", null, null),
					"Syrian government", null, null, "Shells struck the old city.", "monitors",
					"shelling-" + UUID.randomUUID(), null), org.truce.report.application.Submitter.record("test"), null,
					UUID.randomUUID().toString())
			.report()
			.id();
		return IncidentFixture.incidentOf(truce, report).id();
	}

	static String draftJson(String verdict, String rationale) {
		return """
				{"agreement": "%s", "term": "%s", "actor": "syria-government", "verdict": "%s", "rationale": "%s"}"""
			.formatted(AGREEMENT, TERM, verdict, rationale);
	}

	static String classpath(String path) {
		try (InputStream in = DeterminationsFixture.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no " + path + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
