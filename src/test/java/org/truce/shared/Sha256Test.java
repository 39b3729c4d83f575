package org.truce.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SHA-256 hex against the test vectors of FIPS 180-2 (appendix B.1) and the empty input.
 */
class Sha256Test {

	private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@Test
	void theHexOfTextIsTheLowerCaseHexOfItsUtf8Digest() {
		assertThat(Sha256.hex("abc")).isEqualTo(ABC);
		assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	}

	@Test
	void aDigestGivenItsInputInPartsGivesTheSameHexAndIsResetAfterwards() {
		MessageDigest digest = Sha256.digest();
		digest.update("a".getBytes(StandardCharsets.UTF_8));
		digest.update("bc".getBytes(StandardCharsets.UTF_8));

		assertThat(Sha256.hex(digest)).isEqualTo(ABC);
		assertThat(Sha256.hex(digest)).isEqualTo(Sha256.hex(new byte[0]));
	}

}
