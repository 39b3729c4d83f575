package org.truce.testing;

import org.springframework.context.annotation.Bean;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.truce.scenario.application.Scenario;
import org.truce.shared.ScenarioZone;

/**
 * What every page's model needs in a {@code @WebMvcTest} slice, which starts the
 * controllers and their advice without the rest of the application: the demo scenario
 * (the map's settings) and its time zone (how pages write times), read from the jar as
 * the application reads them; and, as the slice has no security configuration, a
 * navigation that offers no page (the navigation is tested over HTTP and in a browser).
 * Import it with {@code @Import(WebSlice.class)}.
 *
 * <p>
 * Not a {@code @Configuration}: the application's component scan, which covers this
 * package, must not find it.
 */
public class WebSlice {

	@Bean
	Scenario scenario() {
		return Scenario.read(Scenario.DEMO);
	}

	@Bean
	ScenarioZone scenarioZone(Scenario scenario) {
		return new ScenarioZone(scenario.timeZone());
	}

	@Bean
	WebInvocationPrivilegeEvaluator noPageInTheNavigation() {
		return new WebInvocationPrivilegeEvaluator() {

			@Override
			public boolean isAllowed(String uri, Authentication authentication) {
				return false;
			}

			@Override
			public boolean isAllowed(String contextPath, String uri, String method, Authentication authentication) {
				return false;
			}

		};
	}

}
