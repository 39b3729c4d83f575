package org.truce.testing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.truce.identity.application.DemoAccounts;
import org.truce.report.application.ImportProgress;
import org.truce.scenario.application.LoadingScenario;
import org.truce.scenario.application.Scenario;
import org.truce.scenario.application.StoryLoader;

/**
 * What {@code truce demo} serves, loaded once per JVM and shared by the test classes that
 * ask for it: the Syria 2016 scenario loaded into a SQLite store served over HTTP, its
 * demo users made and its story recorded, in the order {@code DemoCommand} does it.
 * Loading the scenario takes most of a minute; the acceptance tests of issue 14 read the
 * same demo, so they load it once.
 *
 * <p>
 * A test class gets it as a parameter of its {@code @BeforeAll} method, with
 * {@code @ExtendWith(TheDemo.Shared.class)}. It is closed (and its store deleted) when
 * the last test of the run has finished. Classes that share it must not depend on one
 * another's writes: each writes only records of its own (its own source, reports with
 * external ids or places of its own), and reads only what the demo holds or what it wrote
 * itself, so they pass in any order.
 */
public final class TheDemo implements AutoCloseable {

	private final RunningTruce truce;

	private final List<String> summary;

	private final Map<String, DemoAccounts.Credential> users;

	private final String story;

	private TheDemo(RunningTruce truce, List<String> summary, Map<String, DemoAccounts.Credential> users,
			String story) {
		this.truce = truce;
		this.summary = summary;
		this.users = users;
		this.story = story;
	}

	/**
	 * Starts Truce on a new store and loads the demo into it, as {@code truce demo} does.
	 */
	static TheDemo load() {
		RunningTruce truce = RunningTruce.sqlite(true, Map.of("truce.scenario", Scenario.DEMO));
		try {
			Scenario scenario = truce.bean(Scenario.class);
			List<String> summary = List.copyOf(truce.bean(LoadingScenario.class).load(scenario, ImportProgress.NONE));
			Map<String, DemoAccounts.Credential> users = truce.bean(DemoAccounts.class)
				.ensure(truce.dataDir(), scenario.demoUsers())
				.stream()
				.collect(Collectors.toMap(DemoAccounts.Credential::username, Function.identity()));
			String story = truce.bean(StoryLoader.class).load(scenario);
			return new TheDemo(truce, summary, users, story);
		}
		catch (RuntimeException ex) {
			try {
				truce.close();
			}
			catch (Exception closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/** The running application, serving HTTP. */
	public RunningTruce truce() {
		return this.truce;
	}

	/** The lines the scenario's loaders printed. */
	public List<String> summary() {
		return this.summary;
	}

	/** The line the story's loader printed when the demo was loaded. */
	public String story() {
		return this.story;
	}

	/** An HTTP client signed in with the API token of the demo user so named. */
	public Http as(String username) {
		DemoAccounts.Credential user = this.users.get(username);
		if (user == null) {
			throw new IllegalArgumentException("no demo user " + username + " among " + this.users.keySet());
		}
		return this.truce.http().withToken(user.token());
	}

	@Override
	public void close() throws Exception {
		this.truce.close();
	}

	/**
	 * Gives a {@code TheDemo} parameter the one demo of this run, loading it the first
	 * time it is asked for; JUnit closes it when the run ends.
	 */
	public static final class Shared implements ParameterResolver {

		private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TheDemo.class);

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
			return parameter.getParameter().getType() == TheDemo.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
			return context.getRoot()
				.getStore(NAMESPACE)
				.computeIfAbsent(TheDemo.class, key -> TheDemo.load(), TheDemo.class);
		}

	}

}
