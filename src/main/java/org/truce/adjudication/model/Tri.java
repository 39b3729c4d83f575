package org.truce.adjudication.model;

import java.util.List;

/**
 * One condition of a violation, in three-valued logic: it holds, it does not, or it is
 * unknown because of the named missing facts. Each carries the reasons that decided it.
 */
record Tri(Value value, List<Reason> reasons, List<MissingFact> missing) {

	enum Value {

		TRUE, FALSE, UNKNOWN

	}

	static Tri yes(Reason reason) {
		return new Tri(Value.TRUE, List.of(reason), List.of());
	}

	static Tri no(Reason reason) {
		return new Tri(Value.FALSE, List.of(reason), List.of());
	}

	static Tri unknown(MissingFact fact, Reason reason) {
		return new Tri(Value.UNKNOWN, List.of(reason), List.of(fact));
	}

}
