package org.truce.adjudication.model;

import java.util.List;

/**
 * The outcome of checking one incident against one term of one agreement version, with
 * the reasons for it. A finding is a value: it is recomputed, never edited.
 */
public sealed interface Finding permits Finding.Violation, Finding.NoViolation, Finding.Undetermined {

	Key key();

	List<Reason> reasons();

	Outcome outcome();

	/**
	 * Which incident, agreement version and term the finding is about, and under which
	 * view of a disputed fact of the agreement ({@code viewId} null for an agreement
	 * without disputes).
	 */
	record Key(String incidentId, String agreementId, int agreementVersion, String termId, String viewId) {

		/** The key of a finding under an agreement without disputed facts. */
		public Key(String incidentId, String agreementId, int agreementVersion, String termId) {
			this(incidentId, agreementId, agreementVersion, termId, null);
		}

		public Key underView(String viewId) {
			return new Key(this.incidentId, this.agreementId, this.agreementVersion, this.termId, viewId);
		}

	}

	/**
	 * The same finding under views of disputed facts: keyed by their ids, with the
	 * reasons that name them first.
	 */
	static Finding underViews(Finding f, String viewId, List<Reason> views) {
		List<Reason> reasons = new java.util.ArrayList<>(views);
		reasons.addAll(f.reasons());
		Key key = f.key().underView(viewId);
		if (f instanceof Undetermined u) {
			return new Undetermined(key, u.missing(), reasons);
		}
		return f instanceof Violation ? new Violation(key, reasons) : new NoViolation(key, reasons);
	}

	/**
	 * A violation. When the sources leave open which of several actors acted, it is a
	 * violation by one of them or both, and {@link #possiblePerpetrators()} names them:
	 * nothing may charge it to any of them alone.
	 */
	record Violation(Key key, List<Reason> reasons) implements Finding {

		/**
		 * The data key, in a {@link ReasonCode#VIOLATION_BY_ONE_OF} reason, of the ids.
		 */
		public static final String POSSIBLE_PERPETRATORS = "possiblePerpetrators";

		public Violation {
			reasons = List.copyOf(reasons);
		}

		/**
		 * The actors one (or more) of whom committed it, when the sources do not say
		 * which; empty when they say who did.
		 */
		public List<String> possiblePerpetrators() {
			return this.reasons.stream()
				.filter(r -> r.code() == ReasonCode.VIOLATION_BY_ONE_OF)
				.map(r -> r.data().get(POSSIBLE_PERPETRATORS))
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.map(ids -> List.of(ids.split(",")))
				.orElse(List.of());
		}

		/** Whether it is charged to one actor: not a violation by one of several. */
		public boolean attributed() {
			return possiblePerpetrators().isEmpty();
		}

		@Override
		public Outcome outcome() {
			return Outcome.VIOLATION;
		}

	}

	record NoViolation(Key key, List<Reason> reasons) implements Finding {

		public NoViolation {
			reasons = List.copyOf(reasons);
		}

		@Override
		public Outcome outcome() {
			return Outcome.NO_VIOLATION;
		}

	}

	/** Undetermined, naming every fact whose uncertainty kept it so. */
	record Undetermined(Key key, List<MissingFact> missing, List<Reason> reasons) implements Finding {

		public Undetermined {
			missing = List.copyOf(missing);
			reasons = List.copyOf(reasons);
		}

		@Override
		public Outcome outcome() {
			return Outcome.UNDETERMINED;
		}

	}

}
