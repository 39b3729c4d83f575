package org.truce;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The Spring application behind every command; started by
 * {@link org.truce.cli.TruceMain}. Spring Boot's default user, with a password it
 * generates and logs, is never configured: Truce's users are its own.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
public class TruceApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
