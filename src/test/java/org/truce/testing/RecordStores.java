package org.truce.testing;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.truce.incident.application.Incidents;
import org.truce.report.application.Reports;
import org.truce.report.application.Sources;

/**
 * The stores of reports, their sources and incidents, which later records (such as
 * requests for information) refer to: for a {@link RunningTruce#sqliteSlice(Class...)} of
 * such a store, or of incidents.
 *
 * <p>
 * Not a {@code @Configuration}: the application's component scan, which covers this
 * package, must not find it.
 */
@ComponentScan(basePackages = { "org.truce.report.infrastructure", "org.truce.incident.infrastructure" },
		useDefaultFilters = false, includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE,
				classes = { Reports.class, Sources.class, Incidents.class }))
public class RecordStores {

}
