package org.truce.scenario.application;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.truce.report.application.ImportProgress;

/**
 * Loads a demo scenario into the store by running every {@link ScenarioLoader} in order.
 */
@Service
public class LoadingScenario {

	private final List<ScenarioLoader> loaders;

	public LoadingScenario(List<ScenarioLoader> loaders) {
		this.loaders = List.copyOf(loaders);
	}

	/**
	 * @return one summary line per loader, in the order they ran
	 */
	public List<String> load(Scenario scenario, ImportProgress progress) {
		List<String> summary = new ArrayList<>();
		for (ScenarioLoader loader : this.loaders) {
			summary.add(loader.load(scenario, progress));
		}
		return summary;
	}

}
