package org.truce.cli;

import java.util.List;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.truce.identity.application.DemoAccounts;
import org.truce.scenario.application.LoadingScenario;
import org.truce.scenario.application.Scenario;
import org.truce.scenario.application.StoryLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code truce demo}: loads a scenario, by default Syria 2016, into the store (actors,
 * sources, the UCDP events unless that exact file was already imported, and whatever
 * further {@link org.truce.scenario.application.ScenarioLoader}s exist), creates its demo
 * users, records its story ({@link StoryLoader}) as those users, then serves it like
 * {@code truce serve}.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
		description = "Load a scenario (--scenario DIR, by default the Syria 2016 demo) into the store, then serve"
				+ " it over HTTP.")
class DemoCommand implements Callable<Integer> {

	static final String ATTRIBUTION = "Event data: UCDP GED (CC BY 4.0), Uppsala Conflict Data Program;"
			+ " Sundberg & Melander (2013), Journal of Peace Research 50(4); Högbladh (2019), UCDP GED Codebook 19.1.";

	@Mixin
	StoreOptions store;

	@Mixin
	ServerOptions server;

	@Override
	public Integer call() {
		ConfigurableApplicationContext context = ServeCommand.start(this.store, this.server);
		if (context == null) {
			return 1;
		}
		try {
			Scenario scenario = context.getBean(Scenario.class);
			System.out.println("Loading the " + scenario.id() + " scenario into " + this.store.describe());
			List<String> summary = context.getBean(LoadingScenario.class)
				.load(scenario, TerminalProgress.onStandardError("UCDP GED"));
			summary.forEach(line -> System.out.println("  " + line));
			List<DemoAccounts.Credential> users = context.getBean(DemoAccounts.class)
				.ensure(this.store.data, scenario.demoUsers());
			System.out.println("Demo users (role username password api-token), also in "
					+ this.store.data.resolve(DemoAccounts.FILE) + ":");
			users.forEach(u -> System.out
				.println("  " + u.grant() + " " + u.username() + " " + u.password() + " " + u.token()));
			// The story is recorded by the demo users, so it comes once they exist.
			System.out.println("  " + context.getBean(StoryLoader.class).load(scenario));
		}
		catch (RuntimeException ex) {
			context.close();
			System.err.println("truce demo: loading the scenario failed: " + ex.getMessage());
			return 1;
		}
		ServeCommand.announce(this.store, context);
		System.out.println(ATTRIBUTION);
		return ServeCommand.awaitShutdown(context);
	}

}
