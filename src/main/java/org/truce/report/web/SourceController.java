package org.truce.report.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.report.application.Sources;
import org.truce.report.model.Reliability;
import org.truce.report.model.Source;
import org.truce.report.model.SourceKind;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

@RestController
class SourceController {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

	/** A user id or a grant ({@code monitor}, {@code liaison:syria-government}). */
	private static final Pattern USER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,199}");

	private static final int MAX_USERS = 200;

	private final Sources sources;

	private final RowCaps caps;

	SourceController(Sources sources, RowCaps caps) {
		this.caps = caps;
		this.sources = sources;
	}

	@Operation(summary = "Every registered source, with whether it is at risk, how to reach it and who may use it",
			description = "Monitors and co-chairs only. At most truce.limits.rows.sources (1000): the header"
					+ " Truce-Truncated: true says there were more.")
	@GetMapping("/api/sources")
	List<Source> all() {
		return this.caps.cut("sources", this.sources.all());
	}

	@Operation(summary = "Register or update a source",
			description = "id: lower-case letters, digits, '.', '_' or '-'; kind: MONITOR, PARTY_LIAISON, NGO, MEDIA,"
					+ " OPEN_SOURCE or DATASET; reliability: A to F on the Admiralty scale (default F, cannot be judged);"
					+ " atRisk (default false): whether exposing the source could endanger someone, so that readers"
					+ " other than monitors and co-chairs see its reports' places only coarsened; contact: how to"
					+ " reach the source, up to 200 characters, seen only by monitors and co-chairs; usedBy: who may"
					+ " file reports under it, up to 200 user ids and grants (monitor, liaison, liaison:syria-government);"
					+ " left out or empty, monitors only. Anyone else filing under it is answered exactly as for a"
					+ " source that does not exist (UNKNOWN_SOURCE).")
	@PostMapping(path = "/api/sources", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Source> register(@RequestBody SourceDraft draft) {
		List<Problem> problems = new ArrayList<>();
		if (draft.id() == null || !ID.matcher(draft.id()).matches()) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "id", "sourceId"));
		}
		if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "name"));
		}
		if (draft.kind() == null) {
			problems.add(Problem.of(ErrorCode.FIELD_REQUIRED, "kind"));
		}
		if (draft.contact() != null && (draft.contact().isBlank() || draft.contact().length() > 200)) {
			problems.add(Problem.keyed(ErrorCode.INVALID_VALUE, "contact", "contact"));
		}
		List<String> usedBy = draft.usedBy() == null ? List.of() : draft.usedBy();
		if (usedBy.size() > MAX_USERS) {
			problems.add(Problem.of(ErrorCode.TOO_MANY_ITEMS, "usedBy"));
		}
		else {
			for (int i = 0; i < usedBy.size(); i++) {
				if (usedBy.get(i) == null || !USER.matcher(usedBy.get(i)).matches()) {
					problems.add(
							Problem.keyed(ErrorCode.INVALID_VALUE, "usedBy[" + i + "]", "usedBy", "usedBy[" + i + "]"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new RejectedException(problems);
		}
		Source source = new Source(draft.id(), draft.name(), draft.kind(), draft.reliability(),
				Boolean.TRUE.equals(draft.atRisk()), draft.contact(), usedBy.stream().distinct().toList());
		this.sources.save(source);
		return ResponseEntity.created(URI.create("/api/sources/" + source.id())).body(source);
	}

	record SourceDraft(String id, String name, SourceKind kind, Reliability reliability, Boolean atRisk, String contact,
			List<String> usedBy) {

	}

}
