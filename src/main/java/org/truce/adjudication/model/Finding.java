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

	/** Which incident, agreement version and term the finding is about. */
	record Key(String incidentId, String agreementId, int agreementVersion, String termId) {

	}

	record Violation(Key key, List<Reason> reasons) implements Finding {

		public Violation {
			reasons = List.copyOf(reasons);
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
