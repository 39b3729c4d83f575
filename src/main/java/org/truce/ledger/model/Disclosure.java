package org.truce.ledger.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The opening of one salted commitment in a ledger entry: a named group of fields (such
 * as a report's {@code source}), a random salt, and the group's value. The entry carries
 * only the commitment, the lowercase hex of
 * {@code SHA-256(UTF-8(salt + "." + canonical JSON of value))} (RFC 8785, as
 * {@link CanonicalJson} writes it); whoever is given the disclosure can check it against
 * the entry, and nobody else learns the value from the log.
 *
 * <ul>
 * <li>Hiding: the salt, 128 random bits, keeps a value of few possibilities (a source id,
 * a place) from being found by hashing every candidate.</li>
 * <li>Binding: opening the commitment to another value needs a SHA-256 collision. The
 * salt's alphabet (base64url) has no {@code "."}, so the first dot splits the hashed text
 * into salt and value in exactly one way.</li>
 * </ul>
 *
 * <p>
 * The value is a JSON value as {@link CanonicalJson} accepts it. It is copied on
 * construction into unmodifiable maps and lists, and its canonical text and commitment
 * are computed once: instances are immutable and thread safe. {@link #toString} does not
 * show the value, so that a disclosure written to a log file leaks nothing.
 */
public final class Disclosure {

	/** Bytes of randomness in a salt made by {@link #create}. */
	public static final int SALT_BYTES = 16;

	private static final Pattern SALT = Pattern.compile("[A-Za-z0-9_-]+");

	private static final Pattern COMMITMENT = Pattern.compile("[0-9a-f]{64}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final String group;

	private final String salt;

	private final Object value;

	private final String canonicalValue;

	private final byte[] commitment;

	/**
	 * @param group the name of the group of fields, such as {@code source}
	 * @param salt base64url characters, without padding
	 * @param value a JSON value (maps with string keys, lists, strings, numbers,
	 * booleans, null)
	 * @throws IllegalArgumentException if the salt is not base64url or the value not a
	 * JSON value {@link CanonicalJson} accepts
	 */
	public Disclosure(String group, String salt, Object value) {
		Objects.requireNonNull(group, "group");
		Objects.requireNonNull(salt, "salt");
		if (group.isEmpty()) {
			throw new IllegalArgumentException("a disclosure's group needs a name");
		}
		if (!SALT.matcher(salt).matches()) {
			throw new IllegalArgumentException("a salt is base64url characters (A-Z a-z 0-9 - _), without padding");
		}
		this.group = group;
		this.salt = salt;
		this.canonicalValue = CanonicalJson.serialize(value);
		this.value = frozen(value);
		this.commitment = MerkleHashes.sha256((salt + "." + this.canonicalValue).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A disclosure of {@code value} under a fresh salt of {@value #SALT_BYTES} random
	 * bytes.
	 */
	public static Disclosure create(String group, Object value) {
		byte[] salt = new byte[SALT_BYTES];
		RANDOM.nextBytes(salt);
		return new Disclosure(group, BASE64URL.encodeToString(salt), value);
	}

	public String group() {
		return this.group;
	}

	public String salt() {
		return this.salt;
	}

	/** The value, as unmodifiable maps and lists. */
	public Object value() {
		return this.value;
	}

	/** The RFC 8785 canonical JSON of the value: the text that is hashed. */
	public String canonicalValue() {
		return this.canonicalValue;
	}

	/** The commitment: 64 lowercase hex digits. */
	public String commitment() {
		return HexFormat.of().formatHex(this.commitment);
	}

	/**
	 * Whether this opens {@code commitment}: it must be 64 lowercase hex digits (checked
	 * first) equal to this disclosure's commitment.
	 */
	public boolean verify(String commitment) {
		return commitment != null && COMMITMENT.matcher(commitment).matches()
				&& MessageDigest.isEqual(HexFormat.of().parseHex(commitment), this.commitment);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Disclosure d && this.group.equals(d.group) && this.salt.equals(d.salt)
				&& this.canonicalValue.equals(d.canonicalValue);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.group, this.salt, this.canonicalValue);
	}

	/** The group and commitment, not the value (nor the salt, which would open it). */
	@Override
	public String toString() {
		return "Disclosure[group=" + this.group + ", commitment=" + commitment() + "]";
	}

	private static Object frozen(Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<Object, Object> copy = new LinkedHashMap<>();
			map.forEach((k, v) -> copy.put(k, frozen(v)));
			return Collections.unmodifiableMap(copy);
		}
		if (value instanceof List<?> list) {
			List<Object> copy = new ArrayList<>(list.size());
			for (Object item : list) {
				copy.add(frozen(item));
			}
			return Collections.unmodifiableList(copy);
		}
		return value;
	}

}
