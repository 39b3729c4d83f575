package org.truce.bulletin.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.truce.adjudication.model.Outcome;
import org.truce.bulletin.model.BulletinInputs.AccessFacts;
import org.truce.bulletin.model.BulletinInputs.IncidentFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Bulletins#compute}: days in the agreement's zone, the most serious outcome, the
 * parties (a shared attribution never charged alone), the previous period, and the
 * figures of requests for information and access as they stood at the period's end.
 */
class BulletinsTest {

	static final ZoneId DAMASCUS = ZoneId.of("Asia/Damascus");

	static final BulletinInputs.AgreementFacts AGREEMENT = new BulletinInputs.AgreementFacts("pause", "A pause",
			DAMASCUS, Instant.parse("2016-09-01T00:00:00Z"), null,
			Map.of("government", List.of("syria-government"), "opposition", List.of("fsa")),
			Map.of("aleppo", "Aleppo", "idlib", "Idlib"));

	static final BulletinQuery SEPTEMBER_12_TO_18 = new BulletinQuery("pause", LocalDate.parse("2016-09-12"),
			LocalDate.parse("2016-09-18"));

	static Instant local(String localDateTime) {
		return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), DAMASCUS).toInstant();
	}

	static IncidentFacts incident(String id, String localStart, Outcome worst, String actor, List<String> oneOf,
			List<String> zones) {
		return new IncidentFacts(id, local(localStart), "AIR_DRONE_STRIKE", "HEAVY_WEAPONS", zones, false, actor, oneOf,
				worst, 36.2, 37.1);
	}

	static BulletinInputs inputs(List<IncidentFacts> incidents) {
		return new BulletinInputs(AGREEMENT, "staff", incidents, null, "No clock here.", List.of(), List.of(),
				List.of(), List.of());
	}

	@Test
	void anIncidentBelongsToTheDayOfItsStartInTheAgreementsZoneNotInUtc() {
		// 23:30 on the last day in Damascus (UTC+3) is 20:30 UTC: in. 00:30 the next day
		// local is 21:30 UTC on the last day: out, though its UTC day is the last day.
		// 00:30 local on the first day is 21:30 UTC the day before: in.
		Bulletin b = Bulletins.compute(SEPTEMBER_12_TO_18,
				inputs(List.of(incident("last-evening", "2016-09-18T23:30", Outcome.VIOLATION, "fsa", List.of(), null),
						incident("next-morning", "2016-09-19T00:30", Outcome.VIOLATION, "fsa", List.of(), null),
						incident("first-morning", "2016-09-12T00:30", Outcome.NO_VIOLATION, "fsa", List.of(), null),
						incident("eve", "2016-09-11T23:59", Outcome.NO_VIOLATION, "fsa", List.of(), null))));
		assertThat(b.incidents()).extracting(Bulletin.IncidentRow::incidentId)
			.containsExactly("first-morning", "last-evening");
		assertThat(b.byOutcome()).containsExactly(Map.entry("VIOLATION", 1L), Map.entry("UNDETERMINED", 0L),
				Map.entry("NO_VIOLATION", 1L));
		assertThat(b.header().periodStart()).isEqualTo(Instant.parse("2016-09-11T21:00:00Z"));
		assertThat(b.header().periodEnd()).isEqualTo(Instant.parse("2016-09-18T21:00:00Z"));
		assertThat(b.daily()).hasSize(7);
		assertThat(b.daily().get(6).day()).isEqualTo(LocalDate.parse("2016-09-18"));
		assertThat(b.daily().get(6).counts().violation()).isEqualTo(1);
		assertThat(b.daily().get(0).counts().noViolation()).isEqualTo(1);
		// The previous period (5 to 11 September) holds the incident of the eve.
		assertThat(b.previousPeriod()).contains(new Bulletin.ComparisonRow("NO_VIOLATION", 1, 1, 0),
				new Bulletin.ComparisonRow("VIOLATION", 1, 0, 1), new Bulletin.ComparisonRow("TOTAL", 2, 1, 1));
	}

	@Test
	void aSharedAttributionIsCountedAsOneOfForEachPartyAndNeverAsAttributed() {
		Bulletin b = Bulletins.compute(SEPTEMBER_12_TO_18, inputs(List.of(
				incident("shared", "2016-09-14T10:00", Outcome.VIOLATION, null, List.of("syria-government", "fsa"),
						List.of("aleppo")),
				incident("named", "2016-09-14T11:00", Outcome.UNDETERMINED, "fsa", List.of(), List.of("aleppo")),
				incident("nobody", "2016-09-14T12:00", Outcome.NO_VIOLATION, null, List.of(), List.of()))));
		assertThat(b.byParty())
			.extracting(r -> r.actorId() + "/" + r.attribution() + "/" + r.counts().violation() + "/"
					+ r.counts().undetermined() + "/" + r.counts().noViolation())
			.containsExactly("(unknown)/UNKNOWN/0/0/1", "fsa/ATTRIBUTED/0/1/0", "fsa/ONE_OF/1/0/0",
					"syria-government/ONE_OF/1/0/0");
		assertThat(b.byParty())
			.noneMatch(r -> r.actorId().equals("syria-government") && r.attribution().equals(Bulletins.ATTRIBUTED));
		assertThat(b.byOutcome().get("VIOLATION")).isEqualTo(1);
		assertThat(b.incidents()).filteredOn(r -> r.incidentId().equals("shared")).singleElement().satisfies(r -> {
			assertThat(r.attribution()).isEqualTo(Bulletins.ONE_OF);
			assertThat(r.actors()).isEqualTo("fsa;syria-government");
		});
		assertThat(b.byZone()).extracting(r -> r.zoneId() + "=" + r.counts().total())
			.containsExactly("aleppo=2", "idlib=0", "(none)=1");
		// Filtering by a party keeps the incidents it may have committed, not only those
		// charged to it.
		Bulletin government = Bulletins.compute(
				new BulletinQuery("pause", SEPTEMBER_12_TO_18.from(), SEPTEMBER_12_TO_18.to(), null, "syria-government",
						null),
				inputs(List.of(
						incident("shared", "2016-09-14T10:00", Outcome.VIOLATION, null,
								List.of("syria-government", "fsa"), List.of("aleppo")),
						incident("named", "2016-09-14T11:00", Outcome.UNDETERMINED, "fsa", List.of(),
								List.of("aleppo")))));
		assertThat(government.incidents()).extracting(Bulletin.IncidentRow::incidentId).containsExactly("shared");
	}

	@Test
	void incidentsWithoutAFindingAreCountedApartAsNotAssessed() {
		Bulletin b = Bulletins.compute(SEPTEMBER_12_TO_18,
				inputs(List.of(incident("judged", "2016-09-13T10:00", Outcome.VIOLATION, "fsa", List.of(), null),
						incident("unjudged", "2016-09-13T11:00", null, "fsa", List.of(), null))));
		assertThat(b.byOutcome()).containsOnlyKeys("VIOLATION", "UNDETERMINED", "NO_VIOLATION");
		assertThat(b.byOutcome().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
		assertThat(b.notAssessed()).isEqualTo(1);
		assertThat(b.total()).isEqualTo(2);
		assertThat(b.notes()).anyMatch(n -> n.contains("1 incident(s)") && n.contains("NOT_ASSESSED"));
		assertThat(BulletinJson.canonical(b)).contains("\"notAssessed\":1");
	}

	@Test
	void theSameInputsInAnyOrderGiveTheSameBytes() {
		List<IncidentFacts> incidents = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			incidents
				.add(incident("i" + i, "2016-09-1" + (i % 8 + 2) + "T0" + (i % 10) + ":00", Outcome.values()[i % 3],
						i % 4 == 0 ? null : "fsa", i % 4 == 0 ? List.of("fsa", "syria-government") : List.of(),
						i % 2 == 0 ? List.of("aleppo") : List.of("idlib", "aleppo")));
		}
		String once = BulletinJson.canonical(Bulletins.compute(SEPTEMBER_12_TO_18, inputs(incidents)));
		List<IncidentFacts> shuffled = new ArrayList<>(incidents);
		Collections.shuffle(shuffled, new Random(17));
		assertThat(BulletinJson.canonical(Bulletins.compute(SEPTEMBER_12_TO_18, inputs(shuffled)))).isEqualTo(once);
		assertThat(once).startsWith("{\"byOutcome\":{");
	}

	@Test
	void requestsAndAccessDecisionsStandAsTheyDidAtThePeriodsEnd() {
		Instant end = local("2016-09-19T00:00");
		List<BulletinInputs.RfiFacts> rfis = List.of(
				new BulletinInputs.RfiFacts("a", "fsa", "monitors", local("2016-09-13T10:00"),
						local("2016-09-14T10:00"), local("2016-09-14T09:00")),
				new BulletinInputs.RfiFacts("b", "fsa", "monitors", local("2016-09-13T10:00"),
						local("2016-09-14T10:00"), local("2016-09-15T09:00")),
				new BulletinInputs.RfiFacts("c", "fsa", "monitors", local("2016-09-13T10:00"),
						local("2016-09-14T10:00"), end.plusSeconds(60)),
				new BulletinInputs.RfiFacts("d", "fsa", "monitors", local("2016-09-18T10:00"),
						local("2016-09-25T10:00"), null),
				new BulletinInputs.RfiFacts("before", "fsa", "monitors", local("2016-09-01T10:00"),
						local("2016-09-02T10:00"), null));
		List<AccessFacts> access = List.of(
				new AccessFacts("x", local("2016-09-13T08:00"), local("2016-09-15T08:00"),
						List.of(new AccessFacts.Decision("syria-government", "CONDITIONAL", local("2016-09-13T10:00")),
								new AccessFacts.Decision("fsa", "APPROVED", local("2016-09-13T09:00"))),
						"BLOCKED"),
				new AccessFacts("y", local("2016-09-14T08:00"), local("2016-09-16T08:00"),
						List.of(new AccessFacts.Decision("syria-government", "DENIED", end.plusSeconds(1))), null));
		Bulletin b = Bulletins.compute(SEPTEMBER_12_TO_18,
				new BulletinInputs(AGREEMENT, "staff", List.of(), null, null, rfis, List.of(), List.of(), access));
		assertThat(b.rfisByParty()).containsExactly(new Bulletin.RfiRow("fsa", 4, 1, 1, 1, 1));
		assertThat(b.accessByParty()).containsExactly(new Bulletin.AccessRow("fsa", 1, 1, 0, 0, 0, 60L, 60L),
				new Bulletin.AccessRow("syria-government", 2, 0, 1, 0, 1, 120L, 120L));
		assertThat(b.accessOutcomes()).containsExactly(new Bulletin.AccessOutcomeRow("BLOCKED", 1),
				new Bulletin.AccessOutcomeRow("NONE_RECORDED", 1));
	}

	@Test
	void everyTableHasAHeaderAndRowsOfItsWidth() {
		Bulletin b = Bulletins.compute(SEPTEMBER_12_TO_18,
				inputs(List.of(incident("one", "2016-09-13T10:00", Outcome.VIOLATION, "fsa", List.of(), null))));
		assertThat(b.tables()).extracting(Bulletin.Table::name)
			.contains("by_outcome", "by_zone", "by_party", "by_event_type", "by_weapon_class", "daily",
					"previous_period", "compliance_clock", "rfis_by_party", "notifications_by_party", "alerts",
					"access_by_party", "access_outcomes", "incidents");
		for (Bulletin.Table t : b.tables()) {
			assertThat(t.rows()).allSatisfy(r -> assertThat(r.values()).hasSameSizeAs(t.columns()));
		}
	}

}
