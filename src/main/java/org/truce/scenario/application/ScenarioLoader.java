package org.truce.scenario.application;

import org.truce.report.application.ImportProgress;

/**
 * Loads one part of a scenario into the store: actors, sources, events, and later
 * boundaries or a gazetteer. {@link LoadingScenario} runs every loader bean in
 * {@link org.springframework.core.annotation.Order} (lowest first). A loader must be safe
 * to run again on a store it already loaded: it updates or skips rather than duplicating.
 */
public interface ScenarioLoader {

	/**
	 * Loads this loader's part of the scenario; a scenario without that part is skipped.
	 * @param progress hears the progress of long reads
	 * @return one line for the summary printed to the user
	 */
	String load(Scenario scenario, ImportProgress progress);

}
