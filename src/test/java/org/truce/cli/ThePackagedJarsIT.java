package org.truce.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars {@code mvn package} makes, checked after it (by failsafe, in
 * {@code mvn verify}): the product jar holds no benchmark code; the bench jar holds every
 * class of Truce's that the benchmarks use and the product jar lacks; and the benchmarks
 * run as the product jar says they do.
 */
class ThePackagedJarsIT {

	private static final Path PRODUCT = Path.of("target", "truce.jar");

	private static final Path BENCH = Path.of("target", "truce-bench.jar");

	private static final String PRODUCT_CLASSES = "BOOT-INF/classes/";

	@Test
	void theProductJarHoldsNoBenchmarkCode() throws IOException {
		Set<String> entries = entries(PRODUCT);

		assertThat(entries).contains(PRODUCT_CLASSES + "org/truce/cli/TruceMain.class")
			.filteredOn(name -> name.toLowerCase(Locale.ROOT).contains("bench"))
			.isEmpty();
	}

	@Test
	void theBenchJarHoldsEveryClassOfTruceTheBenchmarksUseThatTheProductJarLacks() throws IOException {
		Set<String> bench = entries(BENCH);
		Set<String> shipped = new HashSet<>(bench);
		entries(PRODUCT).stream()
			.filter(name -> name.startsWith(PRODUCT_CLASSES))
			.forEach(name -> shipped.add(name.substring(PRODUCT_CLASSES.length())));
		JavaClasses benchmarks;
		try (JarFile jar = new JarFile(BENCH.toFile())) {
			benchmarks = new ClassFileImporter().importJar(jar);
		}

		Set<String> missing = new TreeSet<>();
		for (JavaClass benchmark : benchmarks) {
			benchmark.getDirectDependenciesFromSelf()
				.stream()
				.map(dependency -> dependency.getTargetClass().getBaseComponentType().getName())
				.filter(name -> name.startsWith("org.truce."))
				.filter(name -> !shipped.contains(name.replace('.', '/') + ".class"))
				.forEach(name -> missing.add(benchmark.getName() + " uses " + name));
		}

		assertThat(bench).contains("org/truce/bench/BenchCommand.class");
		assertThat(missing).isEmpty();
	}

	@Test
	void theProductJarAloneSaysHowToRunTheBenchmarks() throws Exception {
		Run run = java("-jar", PRODUCT.toString(), "bench", "--suite", "ledger");

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains(SeparatelyShipped.RUN_BENCH + " --suite ledger");
	}

	@Test
	void theBenchmarksRunAsTheProductJarSays() throws Exception {
		List<String> command = new ArrayList<>(Arrays.asList(SeparatelyShipped.RUN_BENCH.split(" ")));
		assertThat(command.remove(0)).isEqualTo("java");
		command.addAll(List.of("--suite", "clustering", "--sizes", "1000"));

		Run run = java(command.toArray(String[]::new));

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("truce bench: suite clustering").contains("== clustering");
	}

	private static Set<String> entries(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			return file.stream().map(ZipEntry::getName).collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	private record Run(int exitCode, String output) {

	}

	private static Run java(String... arguments) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(output).isTrue();
		return new Run(process.exitValue(), output);
	}

}
