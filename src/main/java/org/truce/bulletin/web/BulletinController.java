package org.truce.bulletin.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.actor.application.ActorDirectory;
import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinJson;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.web.QueryParameters;

@RestController
class BulletinController {

	private final ComputingBulletin bulletins;

	private final ActorDirectory actors;

	BulletinController(ComputingBulletin bulletins, ActorDirectory actors) {
		this.bulletins = bulletins;
		this.actors = actors;
	}

	@Operation(summary = "A bulletin: an agreement's incidents in a period, and the statistics behind them",
			description = "agreement, from and to (calendar days, both included, counted in the agreement's time zone)"
					+ " are required; zone (a zone id of the agreement), party (an actor id or name) and type (an event"
					+ " type) narrow the incidents. The body is bulletin.json, byte for byte: RFC 8785 canonical JSON"
					+ " whose SHA-256 is the header Truce-Bulletin-Digest. Incidents are counted by their most serious"
					+ " outcome under the agreement (byOutcome), by zone, party (attributed, one of, unknown: a shared"
					+ " attribution is never charged to one side), event type, weapon class, day and against the"
					+ " previous period of the same length; with the compliance clock (monitors and co-chairs only),"
					+ " requests for information, notifications, alerts and access requests. Cut to the reader as"
					+ " every other read: the public's bulletin counts only the published record. A period that ends"
					+ " before it starts, is longer than 366 days or lies outside the agreement's life is refused"
					+ " (400 BULLETIN_PERIOD_INVALID, BULLETIN_PERIOD_OUTSIDE_AGREEMENT); an unknown agreement is"
					+ " 422 UNKNOWN_AGREEMENT.")
	@GetMapping(path = "/api/bulletins", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> bulletin(@RequestParam(required = false) String agreement,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String zone, @RequestParam(required = false) String party,
			@RequestParam(required = false) String type, Viewer viewer) {
		if (agreement == null || agreement.isBlank()) {
			throw new RejectedException(Problem.of(ErrorCode.FIELD_REQUIRED, "agreement"));
		}
		String partyId = party == null || party.isBlank() ? null
				: this.actors.idOf(party).orElseThrow(() -> QueryParameters.invalid("party", "party", party));
		BulletinQuery query = new BulletinQuery(agreement, day("from", from), day("to", to),
				zone == null || zone.isBlank() ? null : zone, partyId, type == null || type.isBlank() ? null : type);
		Bulletin bulletin = this.bulletins.compute(query, viewer);
		String json = BulletinJson.canonical(bulletin);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Truce-Bulletin-Digest", "sha-256=" + org.truce.shared.Sha256.hex(json))
			.body(json);
	}

	/**
	 * A calendar day, as written in ISO 8601 ({@code 2016-09-12}).
	 * @throws RejectedException BULLETIN_PERIOD_INVALID when it is missing or is no day
	 */
	static LocalDate day(String field, String text) {
		if (text == null || text.isBlank()) {
			throw new RejectedException(Problem.keyed(ErrorCode.BULLETIN_PERIOD_INVALID, field, "missing", field));
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new RejectedException(Problem.keyed(ErrorCode.BULLETIN_PERIOD_INVALID, field, "day", field, text));
		}
	}

}
