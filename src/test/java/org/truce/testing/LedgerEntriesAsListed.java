package org.truce.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.ledger.model.EntryKinds;

/**
 * Checks every entry in a ledger against {@link EntryKinds}: its kind is listed, and its
 * body holds in the clear only the fields listed for that kind and commits only to the
 * groups listed. {@link RunningTruce#close} runs it on every application a test started,
 * so every scenario the tests drive checks the entries it wrote. Entries of the kind
 * {@value #TEST_KIND} are the tests' own, not the application's, and are left out.
 */
public final class LedgerEntriesAsListed {

	/** The kind tests use for entries they append themselves. */
	public static final String TEST_KIND = "test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE = 1000;

	private LedgerEntriesAsListed() {
	}

	/** What is wrong with the ledger's entries, each problem once. */
	public static List<String> problems(Ledger ledger) {
		Set<String> problems = new LinkedHashSet<>();
		long size = ledger.size();
		for (long start = 0; start < size; start += PAGE) {
			for (LedgerStore.StoredEntry e : ledger.entries(start, Math.min(size, start + PAGE))) {
				if (TEST_KIND.equals(e.kind())) {
					continue;
				}
				Map<?, ?> document = JSON.readValue(e.canonicalJson(), Map.class);
				Object body = document.get("body");
				if (!(body instanceof Map<?, ?> map)) {
					problems.add(e.kind() + " has a body that is not an object");
					continue;
				}
				problems.addAll(EntryKinds.problems(e.kind(), map));
			}
		}
		return new ArrayList<>(problems);
	}

	/** The kinds of the ledger's entries, in the order first seen. */
	public static Set<String> kinds(Ledger ledger) {
		Set<String> kinds = new LinkedHashSet<>();
		long size = ledger.size();
		for (long start = 0; start < size; start += PAGE) {
			for (LedgerStore.StoredEntry e : ledger.entries(start, Math.min(size, start + PAGE))) {
				kinds.add(e.kind());
			}
		}
		return kinds;
	}

}
