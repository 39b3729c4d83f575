package org.truce.determination.infrastructure;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.truce.actor.application.ActorDirectory;
import org.truce.actor.application.Actors;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.application.AgreementVersions;
import org.truce.agreement.application.ControlAreas;
import org.truce.determination.application.Determinations;
import org.truce.determination.application.Determining;
import org.truce.incident.application.IncidentDirectory;
import org.truce.ledger.application.Disclosures;
import org.truce.ledger.application.Ledger;
import org.truce.ledger.application.LedgerStore;
import org.truce.report.application.Publications;
import org.truce.report.application.ReadingReports;
import org.truce.store.IdempotentRequests;
import org.truce.testing.RecordStores;

/**
 * The determinations store and what its contract drives through it: drafting and signing
 * off ({@link Determining}), with the incidents, agreements (and the scenario's boundary
 * look-ups they read), actors and ledger it uses, and idempotent requests; without the
 * rest of the application.
 *
 * <p>
 * Not a {@code @Configuration}: the application's component scan, which covers this
 * package, must not find it.
 */
@ComponentScan(
		basePackages = { "org.truce.determination.infrastructure", "org.truce.agreement.infrastructure",
				"org.truce.actor.infrastructure", "org.truce.ledger.infrastructure", "org.truce.report.infrastructure",
				"org.truce.scenario.application" },
		useDefaultFilters = false,
		includeFilters = {
				@Filter(type = FilterType.ASSIGNABLE_TYPE,
						classes = { Determinations.class, AgreementVersions.class, ControlAreas.class, Actors.class,
								LedgerStore.class, Disclosures.class, Publications.class }),
				@Filter(type = FilterType.REGEX,
						pattern = { ".*\\.BoundaryConfiguration", ".*\\.ScenarioConfiguration" }) })
@Import({ RecordStores.class, Determining.class, IncidentDirectory.class, ReadingReports.class,
		AgreementCatalogue.class, ActorDirectory.class, Ledger.class, IdempotentRequests.class })
class DeterminingSlice {

}
