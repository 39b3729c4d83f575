package org.truce.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class or method that takes many seconds (a property test of many tries, a run
 * over a whole scenario): tagged {@code slow}, which the fast loop
 * ({@code mvn test -Pfast}) leaves out and {@code mvn verify} runs. The tag is given
 * twice, as JUnit Jupiter's and as jqwik's, whose engine reads only its own.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("slow")
@net.jqwik.api.Tag("slow")
public @interface SlowTest {

}
