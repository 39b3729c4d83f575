package org.truce.agreement;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import org.truce.agreement.application.AgreementDocuments;
import org.truce.agreement.application.ControlMapDocuments;
import org.truce.agreement.infrastructure.ScenarioBoundaryLookup;
import org.truce.testing.Syria2016;
import org.truce.testing.Mutations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Whatever text an agreement document (YAML) or a control map (GeoJSON) holds, its reader
 * answers within {@value #SECONDS} seconds with the document or with errors by line and
 * column (which the HTTP layer and {@code truce agreement load} report): it never throws
 * and never hangs. Inputs are the scenario's own documents with random edits, and
 * arbitrary text.
 */
class HostileAgreementDocumentsProperties {

	private static final int SECONDS = 5;

	private static final ExecutorService runner = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "hostile-document");
		t.setDaemon(true);
		return t;
	});

	private static final AgreementDocuments agreements = new AgreementDocuments(
			new ScenarioBoundaryLookup(Syria2016.GEOGRAPHY));

	private static final ControlMapDocuments controlMaps = new ControlMapDocuments();

	@AfterContainer
	static void stop() {
		runner.shutdownNow();
	}

	@Property(tries = 150)
	void aMutatedAgreementIsReadOrRefusedWithErrorsNeverAnExceptionOrAHang(@ForAll("mutatedAgreements") String text) {
		AgreementDocuments.Parsed parsed = within(() -> agreements.parse("fuzzed.yaml", new StringReader(text)));
		assertThat(parsed.ok() || !parsed.errors().isEmpty()).as("either an agreement or errors").isTrue();
	}

	@Property(tries = 100)
	void aMutatedControlMapIsReadOrRefusedWithErrorsNeverAnExceptionOrAHang(@ForAll("mutatedControlMaps") String text) {
		ControlMapDocuments.Parsed parsed = within(() -> controlMaps.parse("fuzzed.geojson", text));
		assertThat(parsed.ok() || !parsed.errors().isEmpty()).as("either areas or errors").isTrue();
	}

	@Property(tries = 100)
	void arbitraryTextIsRefusedWithErrorsNeverAnException(@ForAll("arbitraryText") String text) {
		within(() -> agreements.parse("arbitrary.yaml", new StringReader(text)));
		within(() -> controlMaps.parse("arbitrary.geojson", text));
	}

	@Example
	void deeplyNestedYamlIsRefusedWithAnErrorNotAStackOverflow() {
		for (String deep : List.of("a: " + "[".repeat(10_000), "a: " + "{b: ".repeat(5_000),
				"- ".repeat(20_000) + "x")) {
			AgreementDocuments.Parsed parsed = within(() -> agreements.parse("deep.yaml", new StringReader(deep)));
			assertThat(parsed.ok()).isFalse();
			assertThat(parsed.errors().get(0).toString()).contains("nested");
		}
	}

	private static <T> T within(java.util.concurrent.Callable<T> reading) {
		Future<T> future = runner.submit(reading);
		try {
			return future.get(SECONDS, TimeUnit.SECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			return fail("the reader took more than " + SECONDS + " s");
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new AssertionError("the reader threw instead of reporting errors: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	// ---------------------------------------------------------------- arbitraries

	private static final List<String> YAML_TOKENS = List.of(":", "- ", "  ", "\n", "{", "}", "[", "]", "&a ", "*a",
			"!!binary ", "!!python/object ", "<<: *a", "~", "null", "1e999", "-.inf", ".nan", "\"", "'", "#", "|", ">",
			"? ", "%YAML 1.1\n", "---\n", "...\n", "\t", "\u0000", "\u202e", "9999-99-99", "2016-10-20T08:00:00+25:00",
			"POLYGON((", "within: ", "zones:", "terms:", "parties:", "\"" + "x".repeat(5000) + "\"");

	private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", "\"", ":", ",", "null", "1e999", "-0",
			"NaN", "\"Polygon\"", "\"MultiPolygon\"", "\"Point\"", "[[[", "]]]", "[0,0]", "[181,91]",
			"\"coordinates\":", "\"geometry\":", "\"properties\":", "\u0000", "[" + "[".repeat(3000));

	@Provide
	Arbitrary<String> mutatedAgreements() {
		return mutated(Arbitraries.of(scenario("agreements/aleppo-pause-2016-10.yaml"),
				scenario("agreements/syria-arrangement-2016-09.yaml")), YAML_TOKENS);
	}

	@Provide
	Arbitrary<String> mutatedControlMaps() {
		String whole = scenario("control/control-2016.geojson");
		// The first few features: the edits land on geometry more often than on one huge
		// file.
		int cut = whole.indexOf("\"Feature\"", whole.indexOf("\"Feature\"", whole.indexOf("\"Feature\"") + 1) + 1);
		String small = cut > 0 ? whole.substring(0, cut).replaceAll(",\\s*\\{\\s*\"type\"\\s*:\\s*$", "") + "]}"
				: whole;
		return mutated(Arbitraries.of(small, whole), JSON_TOKENS);
	}

	@Provide
	Arbitrary<String> arbitraryText() {
		return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300),
				Arbitraries.strings().withChars("{}[]:,\"-\n &*!|>?#").ofMaxLength(200),
				Arbitraries.of("a: &a [*a, *a]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: [*d, *d]\n",
						"[" + "[".repeat(10_000), "{\"type\": \"FeatureCollection\", \"features\": null}",
						"!!binary AAAA", "%TAG ! tag:x,2000:\n--- !foo {}"));
	}

	private static Arbitrary<String> mutated(Arbitrary<String> base, List<String> tokens) {
		Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(tokens), Mutations.printable(6));
		return Combinators.combine(base, Mutations.edits(token, 60, 6)).as((text, edits) -> edits.apply(text));
	}

	private static String scenario(String path) {
		try (InputStream in = HostileAgreementDocumentsProperties.class.getClassLoader()
			.getResourceAsStream("scenarios/syria-2016/" + path)) {
			if (in == null) {
				throw new IllegalStateException("no scenarios/syria-2016/" + path + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
