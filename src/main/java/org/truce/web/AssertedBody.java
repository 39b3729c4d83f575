package org.truce.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.truce.shared.Asserted;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * The {@code asserted} object of a request body, for a record entered after the fact:
 * when it happened ({@code at}, an instant with its offset, not later than now), who
 * asserts it ({@code by}, required with {@code at}) and the document that says so
 * ({@code document}, a citation; {@code url}). Absent, the time of recording is asserted
 * by the signed-in user. Pages send the same as form fields {@code assertedAt},
 * {@code assertedBy}, {@code assertedDocument}, {@code assertedUrl}.
 */
public record AssertedBody(String at, String by, String document, String url) {

	/** What the service checks, {@link Asserted.Input#NONE} for an absent body. */
	public static Asserted.Input input(AssertedBody body) {
		return body == null ? Asserted.Input.NONE
				: new Asserted.Input(body.at(), body.by(), body.document(), body.url());
	}

	/**
	 * What the page form's fields assert, blank ones absent: the time is a local date and
	 * time in the scenario's {@code zone} ({@link ScenarioZone#fromForm}).
	 * @throws RejectedException when the zone cannot read the time, on
	 * {@code asserted.at}
	 */
	public Asserted.Input fromForm(ScenarioZone zone) {
		List<Problem> problems = new ArrayList<>();
		Instant instant = zone.fromForm("asserted.at", this.at, problems);
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		return new Asserted.Input(instant == null ? null : instant.toString(), this.by, this.document, this.url);
	}

	/**
	 * For a page form refused for what it asserts (each problem a refusal of what was
	 * typed, 422, one of them on an {@code asserted.} field): puts what was typed
	 * ({@code assertedInput}) and the problems ({@code assertedProblems}, shown beside
	 * their fields by {@code fragments/asserted :: fields}) in the model and gives the
	 * status to answer with; empty for any other refusal.
	 */
	public Optional<HttpStatus> refused(RejectedException ex, Model model) {
		List<Problem> problems = ex.problems();
		boolean assertion = problems.stream().allMatch(p -> p.code().status() == 422)
				&& problems.stream().anyMatch(p -> p.field() != null && p.field().startsWith("asserted."));
		if (!assertion) {
			return Optional.empty();
		}
		model.addAttribute("assertedInput", this);
		model.addAttribute("assertedProblems", problems);
		return Optional.of(HttpStatus.UNPROCESSABLE_CONTENT);
	}

}
