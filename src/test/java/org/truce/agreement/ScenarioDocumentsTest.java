package org.truce.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.agreement.model.ActorSelector;
import org.truce.agreement.model.Agreement;
import org.truce.agreement.model.ControlArea;
import org.truce.agreement.model.ControlMap;
import org.truce.agreement.model.Declaration;
import org.truce.agreement.model.MingledArea;
import org.truce.agreement.model.Period;
import org.truce.agreement.model.Term;
import org.truce.agreement.model.TermException;
import org.truce.testing.Syria2016;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Syria 2016 scenario's own documents: every agreement in
 * {@code scenarios/syria-2016/agreements/} and the control map in
 * {@code scenarios/syria-2016/control/}, read from the classpath as the application reads
 * them.
 */
class ScenarioDocumentsTest {

	private static final String SCENARIO = "scenarios/syria-2016/";

	private static final ScenarioBoundaryLookup BOUNDARIES = new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY);

	private static Set<String> actorIds;

	private static Map<String, AgreementDocuments.Parsed> agreements;

	private static List<ControlArea> controlAreas;

	@BeforeAll
	static void readTheScenario() throws IOException, ParseException {
		actorIds = readActorIds();
		agreements = readAgreements();
		controlAreas = readControlMap();
	}

	@Test
	void everyAgreementDocumentParsesWithoutErrors() {
		assertThat(agreements).as("agreement documents found on the classpath").isNotEmpty();
		agreements.forEach((file, parsed) -> assertThat(parsed.errors()).as(file).isEmpty());
		assertThat(agreements.values()).extracting(p -> p.agreement().id())
			.contains("syria-coh-2016-02", "syria-arrangement-2016-09", "aleppo-pause-2016-10");
	}

	@Test
	void theUsRussiaArrangementAndRussiasDeclarationsCarryTheirTermsInRussianAndArabic() {
		Map<String, Agreement> byId = new HashMap<>();
		agreements.values().forEach(p -> byId.put(p.agreement().id(), p.agreement()));
		for (String id : List.of("syria-arrangement-2016-09", "aleppo-pause-2016-10",
				"aleppo-air-strike-halt-2016-10")) {
			for (Term term : byId.get(id).terms()) {
				assertThat(term.texts().byLanguage().keySet()).as(term.id())
					.containsExactlyInAnyOrder("en", "ru", "ar");
				assertThat(org.truce.shared.LanguageTags.detect(term.texts().byLanguage().get("ru"))).isEqualTo("ru");
				assertThat(org.truce.shared.LanguageTags.detect(term.texts().byLanguage().get("ar"))).isEqualTo("ar");
			}
		}
		assertThat(byId.get("syria-arrangement-2016-09").terms().get(0).texts().authentic()).containsExactly("en",
				"ru");
		Term castello = byId.get("syria-arrangement-2016-09")
			.terms()
			.stream()
			.filter(t -> t.id().endsWith("/castello-road-access"))
			.findFirst()
			.orElseThrow();
		assertThat(castello.texts().byLanguage().get("ru")).contains("Кастелло");
		assertThat(castello.texts().byLanguage().get("ar")).contains("الكاستيلو");
		assertThat(byId.get("aleppo-pause-2016-10").terms().get(0).texts().authentic()).containsExactly("ru");
		// The cessation keeps the one-string form: English, authentic.
		assertThat(byId.get("syria-coh-2016-02").terms().get(0).texts().authentic()).containsExactly("en");
	}

	@Test
	void everyAgreementHasTerms() {
		agreements.forEach((file, parsed) -> assertThat(parsed.agreement().terms()).as(file).isNotEmpty());
	}

	@Test
	void termIdsAreUniqueAcrossAgreementsAndWithinEachVersion() {
		Map<String, String> agreementOfTerm = new HashMap<>();
		for (AgreementDocuments.Parsed parsed : agreements.values()) {
			Agreement agreement = parsed.agreement();
			List<String> ids = agreement.terms().stream().map(Term::id).toList();
			assertThat(ids).as(agreement.id() + " v" + agreement.version()).doesNotHaveDuplicates();
			for (String id : ids) {
				String before = agreementOfTerm.putIfAbsent(id, agreement.id());
				assertThat(before).as(id).isIn(null, agreement.id());
			}
		}
	}

	@Test
	void theRegimesOfCalmAreVersionsOfTheCessationEachInForceFromItsStartAndKeepingItsTerms() {
		List<Agreement> versions = agreements.values()
			.stream()
			.map(AgreementDocuments.Parsed::agreement)
			.filter(a -> a.id().equals("syria-coh-2016-02"))
			.sorted(java.util.Comparator.comparingInt(Agreement::version))
			.toList();
		assertThat(versions).extracting(Agreement::version).containsExactly(1, 2, 3, 4, 5, 6);
		for (int i = 1; i < versions.size(); i++) {
			Agreement earlier = versions.get(i - 1);
			Agreement later = versions.get(i);
			assertThat(later.inForceFrom()).isAfter(earlier.inForceFrom());
			assertThat(later.terms().stream().map(Term::id))
				.as("version %d keeps version %d's terms", later.version(), earlier.version())
				.containsAll(earlier.terms().stream().map(Term::id).toList());
			assertThat(later.parties()).isEqualTo(versions.get(0).parties());
			assertThat(later.effective()).isEqualTo(versions.get(0).effective());
		}
		Agreement eid = versions.get(5);
		Term calm = eid.terms()
			.stream()
			.filter(t -> t.id().equals("syria-coh-2016-02/army-calm-eid-2016-07"))
			.findFirst()
			.orElseThrow();
		assertThat(calm.window().end()).isEqualTo(java.time.Instant.parse("2016-07-08T21:00:00Z"));
	}

	@Test
	void everyActorNamedInAnAgreementIsInTheActorRegistry() {
		agreements.forEach((file, parsed) -> {
			Agreement agreement = parsed.agreement();
			Set<String> named = new LinkedHashSet<>();
			named.addAll(agreement.parties());
			named.addAll(agreement.excluded());
			agreement.sides().values().forEach(named::addAll);
			agreement.declarations().stream().map(Declaration::actorId).forEach(named::add);
			for (Term term : agreement.terms()) {
				if (term.by() instanceof ActorSelector.Named n) {
					named.addAll(n.actorIds());
				}
				for (TermException exception : term.exceptions()) {
					named.addAll(exception.byActors());
					named.addAll(exception.againstActors());
				}
			}
			assertThat(named).as(file).isNotEmpty();
			assertThat(actorIds).as(file).containsAll(named);
		});
	}

	@Test
	void theCessationBindsOnlyTheActorsThatDeclaredAcceptance() {
		Agreement coh = agreement("syria-coh-2016-02");
		assertThat(coh.boundPeriod("syrian-insurgents").start()).isEqualTo(coh.effective().start());
		assertThat(coh.boundPeriod("syria-government").start()).isEqualTo(coh.effective().start());
		assertThat(coh.boundPeriod("islamic-state")).isNull();
		assertThat(coh.boundPeriod("jabhat-fateh-al-sham")).isNull();
		for (String party : coh.parties()) {
			assertThat(coh.boundPeriod(party)).as(party + " declared acceptance").isNotNull();
		}
	}

	@Test
	void theCessationAndTheSeptemberArrangementBindTheForcesAssociatedWithEachSide() {
		for (String id : List.of("syria-coh-2016-02", "syria-arrangement-2016-09")) {
			Agreement agreement = agreement(id);
			assertThat(agreement.bindsAssociated()).as(id)
				.containsExactlyInAnyOrder("syria-government", "syrian-insurgents");
			assertThat(agreement.parties()).as(id + ": the NDF is bound as an associated force").doesNotContain("ndf");
		}
	}

	@Test
	void theControlMapParsesWithKnownActorsAndOrderedPeriods() {
		assertThat(controlAreas).isNotEmpty();
		assertThat(controlAreas).extracting(ControlArea::id).doesNotHaveDuplicates();
		for (ControlArea area : controlAreas) {
			assertThat(actorIds).as(area.id()).contains(area.actorId());
			assertThat(area.geometry()).as(area.id()).isInstanceOf(Polygonal.class);
			assertThat(area.geometry().isValid()).as(area.id() + " is a valid geometry").isTrue();
			assertThat(area.geometry().getArea()).as(area.id()).isPositive();
			assertThat(area.source()).as(area.id()).isNotBlank();
		}
	}

	@Test
	void theCessationHasMingledAreasInIdlib() {
		Geometry idlib = BOUNDARIES.find("admin1", "SY07").orElseThrow();
		List<MingledArea> mingled = new ControlMap(controlAreas).mingled(agreement("syria-coh-2016-02"));
		assertThat(mingled).anySatisfy(m -> {
			assertThat(m.excludedActorId()).isEqualTo("jabhat-fateh-al-sham");
			assertThat(m.geometry().intersection(idlib).getArea()).isGreaterThan(0.1 * m.geometry().getArea());
		});
	}

	@Test
	void governmentAreasAreNeverMingledWithExcludedGroups() {
		for (String id : List.of("syria-coh-2016-02", "syria-arrangement-2016-09")) {
			List<MingledArea> mingled = new ControlMap(controlAreas).mingled(agreement(id));
			assertThat(mingled).as(id).isNotEmpty();
			assertThat(mingled).as(id).noneMatch(m -> m.partyActorId().equals("syria-government"));
		}
	}

	/** The first version of the agreement. */
	private static Agreement agreement(String id) {
		return agreements.values()
			.stream()
			.map(AgreementDocuments.Parsed::agreement)
			.filter(a -> a.id().equals(id) && a.version() == 1)
			.findFirst()
			.orElseThrow();
	}

	private static Set<String> readActorIds() throws IOException {
		try (InputStream in = resource(SCENARIO + "actors.yaml")) {
			JsonNode root = YAMLMapper.builder().build().readTree(in);
			Set<String> ids = new HashSet<>();
			for (JsonNode actor : root.get("actors")) {
				ids.add(actor.get("id").asString());
			}
			return ids;
		}
	}

	private static Map<String, AgreementDocuments.Parsed> readAgreements() throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver()
			.getResources("classpath:" + SCENARIO + "agreements/*.yaml");
		Arrays.sort(files, (a, b) -> String.valueOf(a.getFilename()).compareTo(String.valueOf(b.getFilename())));
		AgreementDocuments documents = new AgreementDocuments(BOUNDARIES);
		Map<String, String> texts = new LinkedHashMap<>();
		for (Resource file : files) {
			texts.put(file.getFilename(), file.getContentAsString(StandardCharsets.UTF_8));
		}
		// An amendment is read against the version it amends, among the scenario's files.
		AgreementDocuments.EarlierVersions earlier = AgreementDocuments.EarlierVersions.among(texts.values());
		Map<String, AgreementDocuments.Parsed> out = new LinkedHashMap<>();
		texts.forEach((name, text) -> out.put(name, documents.parse(name, new java.io.StringReader(text), earlier)));
		return out;
	}

	private static List<ControlArea> readControlMap() throws IOException, ParseException {
		GeoJsonReader reader = new GeoJsonReader(new GeometryFactory(new PrecisionModel(), 4326));
		List<ControlArea> out = new ArrayList<>();
		try (InputStream in = resource(SCENARIO + "control/control-2016.geojson")) {
			JsonNode root = JsonMapper.builder().build().readTree(in);
			assertThat(root.get("type").asString()).isEqualTo("FeatureCollection");
			for (JsonNode feature : root.get("features")) {
				JsonNode p = feature.get("properties");
				String id = p.get("id").asString();
				OffsetDateTime from = OffsetDateTime.parse(p.get("validFrom").asString());
				JsonNode toNode = p.get("validTo");
				OffsetDateTime to = toNode == null || toNode.isNull() ? null : OffsetDateTime.parse(toNode.asString());
				if (to != null) {
					assertThat(from).as(id + " validFrom <= validTo").isBeforeOrEqualTo(to);
				}
				Geometry geometry = reader.read(feature.get("geometry").toString());
				out.add(new ControlArea(id, p.get("actor").asString(), geometry,
						new Period(from.toInstant(), to == null ? null : to.toInstant()), p.get("source").asString()));
			}
		}
		return out;
	}

	private static InputStream resource(String name) {
		InputStream in = ScenarioDocumentsTest.class.getClassLoader().getResourceAsStream(name);
		assertThat(in).as("classpath resource " + name).isNotNull();
		return in;
	}

}
