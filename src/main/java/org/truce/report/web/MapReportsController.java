package org.truce.report.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.application.ActorDirectory;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ReadingReports;
import org.truce.report.model.DataFlag;
import org.truce.report.model.LocationPrecision;
import org.truce.report.model.Report;
import org.truce.report.model.ReportPage;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ScenarioZone;

/**
 * Reports as map points: a GeoJSON FeatureCollection with just enough per report to draw
 * and pick it. Country-level aggregates are counted but not drawn: their point is the
 * middle of the country, not a place where anything happened.
 */
@RestController
class MapReportsController {

	/** The most points one response draws. */
	static final int MAX_POINTS = ReportQuery.MAX_LIMIT;

	private final ReadingReports reading;

	private final ActorDirectory actors;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ScenarioZone zone;

	private final RowCaps caps;

	MapReportsController(ReadingReports reading, ActorDirectory actors, ScenarioZone zone, RowCaps caps) {
		this.caps = caps;
		this.reading = reading;
		this.actors = actors;
		this.zone = zone;
	}

	@Operation(summary = "Reports as map points (GeoJSON)",
			description = "Filters as GET /api/reports (from, to, type). Newest event first, at most 10,000 points."
					+ " Country-level aggregates are left out; 'leftOut' counts them and any reports beyond the limit."
					+ " A date in from or to is a calendar day in the scenario's time zone (GET /api/scenario), and"
					+ " 'extent' is the first and last such day of every matching report; so are each point's start and"
					+ " end. Only the reports the reader"
					+ " may see, as GET /api/reports; a point placed only to the centre of its grid cell, because its"
					+ " reporter is at risk, has the property coarsened: true, and 'coarsened' counts them.")
	@GetMapping("/api/map/reports")
	ResponseEntity<String> points(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> type,
			Viewer viewer) {
		int cap = Math.min(MAX_POINTS, this.caps.of("map-reports", MAX_POINTS));
		ReportQuery query = ReportQueryParser.parse(
				new ReportQueryParser.Params(null, null, null, null, from, to, type, null, null, false, null, cap),
				this.actors, cap, cap, this.zone.zone());
		ObjectNode body = this.json.createObjectNode();
		body.put("type", "FeatureCollection");
		ArrayNode features = body.putArray("features");
		int shown = 0;
		int aggregates = 0;
		int overLimit = 0;
		int coarsened = 0;
		Instant first = null;
		Instant last = null;
		// One page of at most the cap (the store reads one more, to know whether there
		// are
		// more): the map never reads an unbounded number of rows.
		ReportPage page = this.reading.find(query, viewer);
		for (Report r : page.reports()) {
			first = first == null || r.when().start().isBefore(first) ? r.when().start() : first;
			last = last == null || r.when().end().isAfter(last) ? r.when().end() : last;
			if (r.where().precision() == LocationPrecision.COUNTRY) {
				aggregates++;
			}
			else if (shown < cap) {
				features.add(feature(r));
				shown++;
				coarsened += r.flags().contains(DataFlag.LOCATION_COARSENED) ? 1 : 0;
			}
			else {
				overLimit++;
			}
		}
		boolean truncated = page.next() != null;
		RowCaps.mark(cap, truncated);
		body.put("shown", shown);
		body.put("coarsened", coarsened);
		if (coarsened > 0) {
			body.put("coarsenedDegrees", this.reading.grid().degrees());
		}
		body.put("limit", cap);
		if (truncated) {
			body.put("truncated", true);
		}
		ObjectNode leftOut = body.putObject("leftOut");
		leftOut.put("countryAggregates", aggregates);
		leftOut.put("overLimit", overLimit);
		body.put("note", note(aggregates, overLimit) + (truncated
				? (aggregates > 0 ? " " : "") + "Older reports are not mapped: a map reads at most "
						+ String.format(java.util.Locale.ROOT, "%,d", cap) + " reports; narrow the dates or types."
				: ""));
		if (first != null) {
			ObjectNode extent = body.putObject("extent");
			extent.put("from", day(first).toString());
			extent.put("to", day(last).toString());
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/geo+json"))
			.body(this.json.writeValueAsString(body));
	}

	private ObjectNode feature(Report r) {
		ObjectNode f = this.json.createObjectNode();
		f.put("type", "Feature");
		f.put("id", r.id().toString());
		ObjectNode geometry = f.putObject("geometry");
		geometry.put("type", "Point");
		geometry.putArray("coordinates").add(r.where().longitude()).add(r.where().latitude());
		ObjectNode p = f.putObject("properties");
		p.put("type", r.eventType().code());
		p.put("category", EventTypeController.categoryCode(r.eventType()));
		p.put("start", day(r.when().start()).toString());
		p.put("end", day(r.when().end()).toString());
		p.put("timePrecision", r.when().precision().name());
		p.put("locationPrecision", r.where().precision().name());
		p.put("uncertaintyM", Math.round(r.where().uncertaintyMetres()));
		if (r.flags().contains(DataFlag.LOCATION_COARSENED)) {
			p.put("coarsened", true);
		}
		return f;
	}

	static String note(int aggregates, int overLimit) {
		StringBuilder note = new StringBuilder();
		if (aggregates > 0) {
			note.append(aggregates)
				.append(aggregates == 1 ? " country-level aggregate is" : " country-level aggregates are")
				.append(" not mapped: each is a total for the whole country over a long period, and its point is")
				.append(" only the middle of the country.");
		}
		if (overLimit > 0) {
			if (note.length() > 0) {
				note.append(' ');
			}
			note.append(overLimit)
				.append(overLimit == 1 ? " older report is" : " older reports are")
				.append(" not mapped: a map shows at most ")
				.append(String.format(java.util.Locale.ROOT, "%,d", MAX_POINTS))
				.append(" points; narrow the dates or types.");
		}
		return note.toString();
	}

	/** The calendar day in the scenario's zone. */
	private LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, this.zone.zone());
	}

}
