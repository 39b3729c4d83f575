package org.truce.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class or method that needs the PostgreSQL test database
 * ({@link PostgresTestDatabase}): tagged {@code postgres}, which the fast loop
 * ({@code mvn test -Pfast}) leaves out and {@code mvn verify} runs.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("postgres")
public @interface PostgresTest {

}
