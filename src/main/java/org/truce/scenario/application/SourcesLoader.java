package org.truce.scenario.application;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.truce.report.application.ImportingUcdp;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;

/**
 * Registers the sources a scenario's data comes from: UCDP GED for its events, and
 * Wikipedia's current events for the news of the Syria 2016 scenario.
 */
@Component
@Order(200)
class SourcesLoader implements ScenarioLoader {

	static final Source WIKIPEDIA_CURRENT_EVENTS = new Source("wikipedia-current-events",
			"Wikipedia contributors, Portal:Current events (CC BY-SA)", SourceKind.OPEN_SOURCE, Reliability.C);

	private final Sources sources;

	SourcesLoader(Sources sources) {
		this.sources = sources;
	}

	@Override
	public String load(Scenario scenario, org.truce.report.application.ImportProgress progress) {
		List<Source> all = List.of(ImportingUcdp.SOURCE, WIKIPEDIA_CURRENT_EVENTS);
		all.forEach(this.sources::save);
		return "Sources: " + String.join(", ", all.stream().map(Source::id).toList()) + " registered.";
	}

}
