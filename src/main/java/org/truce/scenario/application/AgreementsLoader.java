package org.truce.scenario.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.truce.adjudication.application.AdjudicatingIncidents;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.ControlMapDocuments;
import org.truce.report.application.ImportProgress;

/**
 * Loads the scenario's control map ({@code control/*.geojson}) and agreements
 * ({@code agreements/*.yaml}), then adjudicates the whole record against them. Runs after
 * the events. Agreement versions already stored unchanged are kept; the control map is
 * replaced.
 */
@Component
@Order(400)
class AgreementsLoader implements ScenarioLoader {

	private final AgreementCatalogue catalogue;

	private final AdjudicatingIncidents adjudicating;

	private final ResourcePatternResolver resources;

	AgreementsLoader(AgreementCatalogue catalogue, AdjudicatingIncidents adjudicating,
			ResourcePatternResolver resources) {
		this.catalogue = catalogue;
		this.adjudicating = adjudicating;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		List<String> parts = new ArrayList<>();
		for (Resource map : list(scenario.file("control/*.geojson"))) {
			ControlMapDocuments.Parsed parsed = new ControlMapDocuments().parse(map.getFilename(), read(map));
			if (!parsed.ok()) {
				throw new IllegalStateException("the scenario's control map is invalid: " + parsed.errors());
			}
			this.catalogue.replaceControlMap(map.getFilename(), parsed.areas());
			parts.add(parsed.areas().size() + " control areas");
		}
		int agreements = 0;
		Set<String> ids = new HashSet<>();
		List<Map.Entry<String, String>> documents = list(scenario.file("agreements/*.yaml")).stream()
			.map(document -> Map.entry(document.getFilename(), read(document)))
			.toList();
		// Each version after the one it amends.
		for (AgreementCatalogue.Loaded loaded : this.catalogue.loadAll(documents)) {
			if (!loaded.errors().isEmpty()) {
				throw new IllegalStateException("the scenario's agreement " + loaded.errors().get(0).file()
						+ " is invalid: " + loaded.errors());
			}
			if (loaded.agreement() != null) {
				ids.add(loaded.agreement().id());
			}
			agreements++;
		}
		parts.add(ids.size() == agreements || ids.isEmpty() ? agreements + " agreements"
				: ids.size() + " agreements (" + agreements + " versions)");
		if (agreements == 0) {
			return "Agreements: none in the scenario.";
		}
		List<String> findings = this.adjudicating.all()
			.stream()
			.map(s -> s.agreementId() + " " + s.outcomes())
			.toList();
		return "Agreements: " + String.join(", ", parts) + "; findings: " + String.join("; ", findings) + ".";
	}

	private List<Resource> list(String pattern) {
		try {
			Resource[] found = this.resources.getResources(pattern);
			return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	private static String read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
