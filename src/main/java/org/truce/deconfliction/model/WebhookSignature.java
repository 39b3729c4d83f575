package org.truce.deconfliction.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} followed by the lower-case hex of
 * HMAC-SHA256 (RFC 2104, FIPS 180-4) keyed with the subscription's secret (its UTF-8
 * bytes) over the UTF-8 bytes of {@code timestamp + "." + body}, where {@code timestamp}
 * is the {@code Truce-Timestamp} header (Unix seconds, in decimal) and {@code body} the
 * request body exactly as sent. Thread-safe; no state.
 */
public final class WebhookSignature {

	public static final String PREFIX = "sha256=";

	private WebhookSignature() {
	}

	public static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

	/** Whether the signature is the one for this secret, timestamp and body. */
	public static boolean verify(String secret, String timestamp, String body, String signature) {
		byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
		byte[] given = signature == null ? new byte[0] : signature.getBytes(StandardCharsets.US_ASCII);
		return expected.length == given.length && MessageDigest.isEqual(expected, given);
	}

}
