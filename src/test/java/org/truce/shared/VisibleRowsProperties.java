package org.truce.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever the store holds and whichever rows the reader may see, {@link VisibleRows}
 * answers exactly the first {@code wanted} visible rows in the store's order, as
 * filtering the whole store would: never fewer while more are stored.
 */
class VisibleRowsProperties {

	@Property(tries = 300)
	void theFirstVisibleRowsAsIfTheWholeStoreWereFiltered(@ForAll @Size(max = 200) List<Boolean> seen,
			@ForAll @IntRange(min = 1, max = 50) int wanted) {
		List<Integer> store = new ArrayList<>();
		for (int i = 0; i < seen.size(); i++) {
			store.add(i);
		}
		Predicate<Integer> visible = seen::get;
		AtomicInteger reads = new AtomicInteger();

		List<Integer> page = VisibleRows.first(wanted, n -> {
			reads.incrementAndGet();
			return store.subList(0, Math.min(n, store.size()));
		}, visible);

		assertThat(page).isEqualTo(store.stream().filter(visible).limit(wanted).toList());
		assertThat(reads.get()).as("reads grow geometrically")
			.isLessThanOrEqualTo(1 + 32 - Integer.numberOfLeadingZeros(Math.max(1, seen.size())));
	}

}
