package org.truce;

import java.time.Clock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The Spring application behind every command; started by
 * {@link org.truce.cli.TruceMain}.
 */
@SpringBootApplication
public class TruceApplication {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
