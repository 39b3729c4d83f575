package org.truce.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.ControlMapDocuments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 2016 control map and agreements of the scenario shipped in the jar, loaded into a
 * running store as the demo loads them.
 */
public final class AgreementFixture {

	private AgreementFixture() {
	}

	/**
	 * Loads the control map of 2016 and each agreement named (such as
	 * {@code aleppo-pause-2016-10}), each without an error.
	 */
	public static void load(RunningTruce truce, String... agreementIds) {
		AgreementCatalogue agreements = truce.bean(AgreementCatalogue.class);
		agreements.replaceControlMap("control-2016.geojson",
				new ControlMapDocuments()
					.parse("control-2016.geojson", classpath("scenarios/syria-2016/control/control-2016.geojson"))
					.areas());
		for (String id : agreementIds) {
			assertThat(agreements.load(id + ".yaml", classpath("scenarios/syria-2016/agreements/" + id + ".yaml"))
				.errors()).as("loading %s", id).isEmpty();
		}
	}

	private static String classpath(String path) {
		try (InputStream in = AgreementFixture.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("no " + path + " on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
