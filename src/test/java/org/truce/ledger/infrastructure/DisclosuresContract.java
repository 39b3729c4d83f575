package org.truce.ledger.infrastructure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.truce.ledger.application.DisclosurePolicy;
import org.truce.ledger.application.Disclosures;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.model.Disclosure;
import org.truce.ledger.model.LedgerEntry;
import org.truce.testing.RunningTruce;
import org.truce.testing.StartedOrSkipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the store of disclosures must do, on each real store: the disclosures appended
 * with their entries read back exactly (the canonical text hashed into the commitment,
 * character for character), by the entries' index range, in index then group order; only
 * one disclosure per kind, subject and group; and none is left by an append that rolls
 * back. The ledger shows what a policy opens, and nothing for
 * {@link DisclosurePolicy#NONE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DisclosuresContract {

	/** The store under test and what it needs: the slice both stores start. */
	static final Class<?>[] SLICE = { JdbcLedgerStore.class, JdbcDisclosures.class, Ledger.class };

	private StartedOrSkipped<RunningTruce> started;

	private RunningTruce truce;

	private Ledger ledger;

	private Disclosures disclosures;

	abstract RunningTruce start();

	@BeforeAll
	void startStore() {
		this.started = StartedOrSkipped.start(this::start);
	}

	@AfterAll
	void stopStore() throws Exception {
		if (this.started != null) {
			this.started.close();
		}
	}

	@BeforeEach
	void emptyLedger() {
		this.truce = this.started.get();
		this.ledger = this.truce.bean(Ledger.class);
		this.disclosures = this.truce.bean(Disclosures.class);
		JdbcClient jdbc = this.truce.jdbc();
		jdbc.sql("DELETE FROM ledger_disclosures").update();
		jdbc.sql("DELETE FROM ledger_cosignatures").update();
		jdbc.sql("DELETE FROM ledger_checkpoints").update();
		jdbc.sql("DELETE FROM ledger_entries").update();
		jdbc.sql("DELETE FROM ledger_nodes").update();
		jdbc.sql("UPDATE ledger_state SET size = 0").update();
	}

	@Test
	void disclosuresReadBackExactlyWithTheirEntrysIndexKindAndSubject() {
		LedgerEntry clear = new LedgerEntry("test", "run-1", Map.of("file", "ged.csv"));
		LedgerEntry first = report("r-1",
				"Barrel bombs on Dar\u00e2\u00e2 \u2014 \"two\" killed\n\t\\ \u0000 \ud83d\udd4a");
		LedgerEntry second = report("r-2", "\u062d\u0644\u0628");
		this.ledger.append(List.of(clear, first, second));

		List<Disclosures.Stored> stored = this.disclosures.ofEntries(0, 3);
		assertThat(stored).extracting(Disclosures.Stored::index).containsExactly(1L, 1L, 1L, 2L, 2L, 2L);
		assertThat(stored).extracting((s) -> s.disclosure().group())
			.containsExactly("event", "location", "source", "event", "location", "source");
		List<Disclosure> expected = new ArrayList<>(first.disclosures());
		expected.addAll(second.disclosures());
		for (int i = 0; i < stored.size(); i++) {
			Disclosures.Stored s = stored.get(i);
			Disclosure d = expected.get(i);
			assertThat(s.kind()).isEqualTo("report");
			assertThat(s.subject()).isEqualTo(i < 3 ? "r-1" : "r-2");
			assertThat(s.disclosure().salt()).isEqualTo(d.salt());
			assertThat(s.disclosure().canonicalValue()).isEqualTo(d.canonicalValue());
			assertThat(s.disclosure()).isEqualTo(d);
			assertThat(s.disclosure().verify(d.commitment())).isTrue();
		}
		assertThat(this.disclosures.ofEntries(2, 3)).extracting(Disclosures.Stored::subject).containsOnly("r-2");
		assertThat(this.disclosures.ofEntries(0, 1)).isEmpty();
		assertThat(this.disclosures.ofEntries(3, 10)).isEmpty();
	}

	@Test
	void theLedgerShowsOnlyWhatThePolicyOpens() {
		this.ledger.append(List.of(report("r-1", "one"), report("r-2", "two")));

		assertThat(this.ledger.disclosures(0, 2, DisclosurePolicy.NONE)).isEmpty();
		assertThat(this.ledger.disclosures(0, 2, DisclosurePolicy.ALL)).hasSize(6);
		DisclosurePolicy eventsOfR2 = (kind, subject, group) -> subject.equals("r-2") && group.equals("event");
		assertThat(this.ledger.disclosures(0, 2, eventsOfR2)).singleElement().satisfies((d) -> {
			assertThat(d.index()).isEqualTo(1);
			assertThat(d.disclosure().value()).isEqualTo(Map.of("narrative", "two"));
		});
	}

	@Test
	void aSecondDisclosureOfTheSameKindSubjectAndGroupIsRefusedAndTheAppendUndone() {
		this.ledger.append(List.of(report("r-1", "one")));
		assertThatThrownBy(() -> this.ledger.append(List.of(report("r-2", "two"), report("r-1", "again"))))
			.isInstanceOf(RuntimeException.class);
		assertThat(this.ledger.size()).isEqualTo(1);
		assertThat(this.disclosures.ofEntries(0, 10)).hasSize(3)
			.allSatisfy((d) -> assertThat(d.subject()).isEqualTo("r-1"));
		assertThat(this.truce.jdbc().sql("SELECT count(*) FROM ledger_disclosures").query(Long.class).single())
			.isEqualTo(3);
	}

	@Test
	void aKindThatRecursForOneSubjectKeepsTheDisclosuresOfEachEntry() {
		LedgerEntry first = LedgerEntry.of("incident-reports-added", "i-1", Map.of("by", "clustering"),
				Map.of("reports", Map.of("reports", List.of("r-2"))));
		LedgerEntry second = LedgerEntry.of("incident-reports-added", "i-1", Map.of("by", "clustering"),
				Map.of("reports", Map.of("reports", List.of("r-3"))));
		this.ledger.append(List.of(first));
		this.ledger.append(List.of(second));
		assertThat(this.disclosures.ofEntries(0, 2)).extracting(Disclosures.Stored::index).containsExactly(0L, 1L);
		assertThat(this.disclosures.ofEntries(1, 2).get(0).disclosure()).isEqualTo(second.disclosures().get(0));
	}

	@Test
	void anAppendWhoseTransactionRollsBackLeavesNoDisclosure() {
		TransactionTemplate tx = this.truce.bean(TransactionTemplate.class);
		tx.executeWithoutResult((status) -> {
			this.ledger.append(List.of(report("r-1", "one")));
			assertThat(this.disclosures.ofEntries(0, 1)).as("inside the transaction").hasSize(3);
			status.setRollbackOnly();
		});
		assertThatThrownBy(() -> tx.executeWithoutResult((status) -> {
			this.ledger.append(List.of(report("r-1", "one")));
			throw new IllegalStateException("the projection failed");
		})).hasMessage("the projection failed");
		assertThat(this.ledger.size()).isZero();
		assertThat(this.truce.jdbc().sql("SELECT count(*) FROM ledger_disclosures").query(Long.class).single())
			.isZero();
	}

	/**
	 * A report-like entry committing to three groups, one with numbers of each awkward
	 * canonical form and a null.
	 */
	private static LedgerEntry report(String id, String narrative) {
		Map<String, Object> location = new LinkedHashMap<>();
		location.put("latitude", 36.2021);
		location.put("longitude", -0.0);
		location.put("uncertaintyMetres", 1e21);
		location.put("small", 1e-7);
		location.put("placeName", null);
		Map<String, Object> groups = new LinkedHashMap<>();
		groups.put("event", Map.of("narrative", narrative));
		groups.put("location", location);
		groups.put("source", Map.of("sourceId", "informant-7", "externalId", List.of(1, 2.5, true)));
		return LedgerEntry.committing("report", id, groups);
	}

}
