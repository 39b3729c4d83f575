package org.truce.ledger;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.CanonicalJson;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.LedgerEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Salted commitments and the entries made of them: known vectors computed outside Java,
 * the salt's form, and what a disclosure refuses or keeps to itself.
 */
class OpeningASaltedCommitmentTest {

	/** The bytes 0x00 to 0x0f, base64url without padding. */
	private static final String SALT = "AAECAwQFBgcICQoLDA0ODw";

	@Test
	void shouldGiveTheCommitmentThatSha256sumGivesForTheSaltADotAndTheCanonicalValue() {
		// printf '%s'
		// 'AAECAwQFBgcICQoLDA0ODw.{"externalId":"ged-151243","sourceId":"monitor-aleppo"}'
		// | sha256sum
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("sourceId", "monitor-aleppo");
		source.put("externalId", "ged-151243");
		Disclosure disclosure = new Disclosure("source", SALT, source);
		assertThat(disclosure.canonicalValue())
			.isEqualTo("{\"externalId\":\"ged-151243\",\"sourceId\":\"monitor-aleppo\"}");
		assertThat(disclosure.commitment())
			.isEqualTo("72f421b100c17987186ef52afbc74436ee2e4ad212572d9406818b93f87bbf90");

		// printf '%s'
		// 'AAECAwQFBgcICQoLDA0ODw.{"admin1":"Aleppo","admin2":null,"latitude":36.1456,
		// "longitude":36.9283,"placeName":"Urum al-Kubra – أورم
		// الكبرى","precision":"NEAR",
		// "uncertaintyMetres":30000}' | sha256sum (on one line)
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("latitude", 36.1456);
		location.put("longitude", 36.9283);
		location.put("precision", "NEAR");
		location.put("uncertaintyMetres", 30_000.0);
		location.put("placeName", "Urum al-Kubra – أورم الكبرى");
		location.put("admin1", "Aleppo");
		location.put("admin2", null);
		assertThat(new Disclosure("location", SALT, location).commitment())
			.isEqualTo("41ff981e9386ca30ea1f0a31d19e663234dc2383240764c84317064c59dea0d6");
	}

	@Test
	void shouldMakeSaltsOfSixteenRandomBytesInBase64urlWithoutPadding() {
		List<String> salts = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String salt = Disclosure.create("event", "x").salt();
			assertThat(salt).matches("[A-Za-z0-9_-]{22}");
			assertThat(Base64.getUrlDecoder().decode(salt)).hasSize(16);
			salts.add(salt);
		}
		assertThat(salts).doesNotHaveDuplicates();
	}

	@Test
	void shouldRefuseASaltThatCouldMoveTheDotOrAValueThatIsNotJson() {
		// With a dot in the salt, "a.1" + "." + "2" and "a" + "." + "1.2" would hash
		// alike.
		assertThatThrownBy(() -> new Disclosure("event", "a.1", 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Disclosure("event", SALT + "==", 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Disclosure("event", "", 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Disclosure("", SALT, 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Disclosure("event", SALT, new Object()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("is not a JSON value");
		assertThatThrownBy(() -> new Disclosure("event", SALT, Double.NaN))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldOpenOnlyAWellFormedCommitment() {
		Disclosure disclosure = new Disclosure("event", SALT, Map.of("narrative", "Shelling"));
		String commitment = disclosure.commitment();
		assertThat(disclosure.verify(commitment)).isTrue();
		assertThat(disclosure.verify(commitment.toUpperCase())).isFalse();
		assertThat(disclosure.verify(commitment.substring(1))).isFalse();
		assertThat(disclosure.verify(commitment + "0")).isFalse();
		assertThat(disclosure.verify(null)).isFalse();
		assertThat(disclosure.verify("")).isFalse();
	}

	@Test
	void shouldKeepTheValueItCommittedTo() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("narrative", "Shelling");
		value.put("attachments", new ArrayList<>(List.of("a")));
		Disclosure disclosure = new Disclosure("event", SALT, value);
		String commitment = disclosure.commitment();
		value.put("narrative", "Nothing happened");
		assertThat(disclosure.value()).isEqualTo(Map.of("narrative", "Shelling", "attachments", List.of("a")));
		assertThat(disclosure.verify(commitment)).isTrue();
		@SuppressWarnings("unchecked")
		Map<String, Object> kept = (Map<String, Object>) disclosure.value();
		assertThatThrownBy(() -> kept.put("narrative", "x")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> ((List<?>) kept.get("attachments")).clear())
			.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void shouldShowNeitherItsValueNorItsSaltWhenPrinted() {
		Disclosure disclosure = new Disclosure("source", SALT, Map.of("sourceId", "informant-7"));
		assertThat(disclosure.toString()).contains("source", disclosure.commitment())
			.doesNotContain("informant-7")
			.doesNotContain(SALT);
	}

	@Test
	void shouldMakeAnEntryOfCommitmentsOnlyWhoseDisclosuresOpenThem() {
		Map<String, Object> groups = new LinkedHashMap<>();
		groups.put("source", Map.of("sourceId", "informant-7"));
		groups.put("event", Map.of("narrative", "Shelling near the bakery"));
		LedgerEntry entry = LedgerEntry.committing("report", "r-1", groups);

		String text = CanonicalJson.serialize(entry.document());
		assertThat(text)
			.matches("\\{\"body\":\\{\"commitments\":\\{\"event\":\"[0-9a-f]{64}\",\"source\":\"[0-9a-f]{64}\"}},"
					+ "\"kind\":\"report\",\"subject\":\"r-1\"}");
		assertThat(entry.disclosures()).extracting(Disclosure::group).containsExactly("event", "source");
		Map<String, String> commitments = LedgerEntry.commitments(entry.body());
		for (Disclosure d : entry.disclosures()) {
			assertThat(d.verify(commitments.get(d.group()))).isTrue();
		}
		assertThat(entry.encode().disclosures()).isEqualTo(entry.disclosures());
		assertThat(entry.encode().canonicalJson()).isEqualTo(text);
	}

	@Test
	void shouldRefuseAnEntryWithADisclosureThatDoesNotOpenItsBody() {
		LedgerEntry entry = LedgerEntry.committing("report", "r-1", Map.of("event", "a"));
		Disclosure other = new Disclosure("event", SALT, "b");
		assertThatThrownBy(() -> new LedgerEntry("report", "r-1", entry.body(), List.of(other)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("does not open");
		Disclosure unknown = new Disclosure("source", SALT, "b");
		assertThatThrownBy(() -> new LedgerEntry("report", "r-1", entry.body(), List.of(unknown)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new LedgerEntry("report", null, entry.body(), entry.disclosures()))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
