package org.truce.shared;

import java.util.List;

/** Input was refused for the listed problems; nothing was recorded. */
public class RejectedException extends RuntimeException {

	private final List<Problem> problems;

	public RejectedException(List<Problem> problems) {
		super(problems.isEmpty() ? "rejected" : problems.get(0).detail());
		this.problems = List.copyOf(problems);
	}

	public RejectedException(Problem problem) {
		this(List.of(problem));
	}

	public List<Problem> problems() {
		return this.problems;
	}

}
