package org.truce.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.truce.ledger.model.EntryKinds;
import org.truce.ledger.model.LedgerEntry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EntryKinds} lists every kind of ledger entry with its clear fields and committed
 * groups; an entry of a kind not listed, with a clear field not listed, or committing to
 * a group not listed is reported. Every application a test starts is checked against it
 * when it closes ({@code RunningTruce#close}); docs/ledger.md lists the same kinds.
 */
class EveryLedgerEntryKindIsListedTest {

	@Test
	void anEntryAsListedHasNoProblem() {
		LedgerEntry alert = LedgerEntry.of("alert", "a-1", Map.of(),
				Map.of("report", Map.of("report", "r-1"), "place", Map.of("place", "p-1", "distanceMetres", 12)));
		assertThat(EntryKinds.problems(alert.kind(), alert.body())).isEmpty();
		LedgerEntry restriction = LedgerEntry.of("movement-restriction-recorded", "m-1",
				Map.of("kind", "DELAY", "restrictedBy", "ypg"), Map.of("place", Map.of("latitude", 36.2)));
		assertThat(EntryKinds.problems(restriction.kind(), restriction.body())).isEmpty();
	}

	@Test
	void aKindNotListedIsAProblem() {
		assertThat(EntryKinds.problems("report-whispered", Map.of())).singleElement()
			.asString()
			.contains("report-whispered is not listed");
	}

	@Test
	void aFieldInTheClearNotListedIsAProblem() {
		LedgerEntry leaky = LedgerEntry.of("alert", "a-1", Map.of("distanceMetres", 12),
				Map.of("report", Map.of("report", "r-1")));
		assertThat(EntryKinds.problems(leaky.kind(), leaky.body())).singleElement()
			.asString()
			.contains("alert holds distanceMetres in the clear");
	}

	@Test
	void aGroupNotListedIsAProblem() {
		LedgerEntry odd = LedgerEntry.of("publication", "r-1", Map.of("by", "x", "at", "now"),
				Map.of("source", Map.of("sourceId", "s")));
		assertThat(EntryKinds.problems(odd.kind(), odd.body())).singleElement()
			.asString()
			.contains("publication commits to the group source");
	}

	@Test
	void theLedgerDocumentListsEachKindOnceAndNoOther() throws IOException {
		String doc = Files.readString(Path.of("docs/ledger.md"));
		int table = doc.indexOf("## What each entry holds");
		assertThat(table).as("docs/ledger.md has the table of entry kinds").isPositive();
		Set<String> documented = new LinkedHashSet<>();
		Matcher row = Pattern.compile("(?m)^\\| (`[a-z-]+`(?:, `[a-z-]+`)*) \\|").matcher(doc.substring(table));
		while (row.find()) {
			for (String kind : row.group(1).split(", ")) {
				String name = kind.substring(1, kind.length() - 1);
				assertThat(documented.add(name)).as("%s documented once", name).isTrue();
			}
		}
		assertThat(documented)
			.containsExactlyInAnyOrderElementsOf(EntryKinds.all().stream().map(EntryKinds.Kind::name).toList());
	}

}
