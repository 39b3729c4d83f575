package org.truce.ledger.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.LedgerEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A large batch is encoded on several threads ({@link Ledger#encode}): it gives the
 * entries' encodings in order, as one by one, and an entry that cannot be encoded fails
 * the batch with that entry's own exception, the first in order, as one by one would.
 */
class EncodingABatchIsEncodingOneByOneTest {

	@Test
	void aLargeBatchEncodesInOrderAsOneByOne() {
		List<LedgerEntry> entries = entries(Ledger.PARALLEL_ENCODING * 3);
		List<LedgerEntry.Encoded> encoded = Ledger.encode(entries);
		assertThat(encoded).hasSize(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			LedgerEntry.Encoded alone = entries.get(i).encode();
			assertThat(encoded.get(i).canonicalJson()).isEqualTo(alone.canonicalJson());
			assertThat(encoded.get(i).leafHash()).isEqualTo(alone.leafHash());
		}
	}

	@Test
	void theFirstEntryThatCannotBeEncodedFailsTheBatchWithItsOwnException() {
		List<LedgerEntry> entries = entries(Ledger.PARALLEL_ENCODING * 3);
		entries.set(150, bad(150));
		entries.set(170, bad(170));
		IllegalArgumentException alone = catchThrowableOfType(IllegalArgumentException.class,
				() -> entries.get(150).encode());
		assertThat(alone).isNotNull();
		assertThatThrownBy(() -> Ledger.encode(entries)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage(alone.getMessage())
			.hasNoCause();
	}

	private static List<LedgerEntry> entries(int n) {
		List<LedgerEntry> entries = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("n", i);
			body.put("latitude", 35 + i / 1000.0 + Math.PI / 1e7);
			body.put("narrative", "entry " + i);
			entries.add(new LedgerEntry("report", "subject-" + i, body));
		}
		return entries;
	}

	private static LedgerEntry bad(int i) {
		return new LedgerEntry("report", "subject-" + i, Map.of("n", i, "score", (float) i));
	}

}
