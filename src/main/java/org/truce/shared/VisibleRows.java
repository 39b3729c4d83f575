package org.truce.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * The first rows of a stored order that a reader may see, with the reader's rule applied
 * before the limit, not after it: a list that read {@code limit} rows and then dropped
 * those the reader may not see would answer fewer than asked, and say nothing of the rows
 * after them. Here the store is read again, further each time, until {@code wanted}
 * visible rows are found or the store has no more.
 */
public final class VisibleRows {

	private VisibleRows() {
	}

	/**
	 * The first {@code wanted} rows that {@code visible} keeps, in the store's order.
	 * @param wanted how many to answer (a page size, or a cap plus one)
	 * @param firstRows the store's first {@code n} rows in its order, for a given
	 * {@code n}
	 * @param visible the reader's rule
	 */
	public static <T> List<T> first(int wanted, IntFunction<List<T>> firstRows, Predicate<? super T> visible) {
		return firstSeen(wanted, firstRows, row -> visible.test(row) ? Optional.of(row) : Optional.empty());
	}

	/**
	 * As {@link #first(int, IntFunction, Predicate)}, for a rule that gives each row as
	 * the reader sees it, or nothing when it may not see it: the first {@code wanted}
	 * rows seen, as seen.
	 */
	public static <T, R> List<R> firstSeen(int wanted, IntFunction<List<T>> firstRows,
			Function<? super T, Optional<R>> seen) {
		int read = Math.max(1, wanted);
		while (true) {
			List<T> rows = firstRows.apply(read);
			List<R> kept = new ArrayList<>(Math.min(wanted, rows.size()));
			for (T row : rows) {
				if (kept.size() == wanted) {
					break;
				}
				seen.apply(row).ifPresent(kept::add);
			}
			if (kept.size() == wanted || rows.size() < read || read == Integer.MAX_VALUE) {
				return kept;
			}
			read = read > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : read * 2;
		}
	}

}
