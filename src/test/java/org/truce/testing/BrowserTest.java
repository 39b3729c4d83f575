package org.truce.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class that drives a real browser ({@link Chromium}): tagged {@code browser},
 * which the fast loop ({@code mvn test -Pfast}) leaves out and {@code mvn verify} runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
public @interface BrowserTest {

}
