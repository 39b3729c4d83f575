package org.truce.report.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.actor.application.ActorDirectory;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ExportingReports;
import org.truce.report.application.ReportFormat;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ScenarioZone;
import org.truce.web.QueryParameters;

@RestController
class ReportExportController {

	private static final int PAGE = 1_000;

	private final ExportingReports exporting;

	private final ActorDirectory actors;

	private final ScenarioZone zone;

	ReportExportController(ExportingReports exporting, ActorDirectory actors, ScenarioZone zone) {
		this.exporting = exporting;
		this.actors = actors;
		this.zone = zone;
	}

	@Operation(summary = "Export the reports the reader may see, as CSV or GeoJSON",
			description = "format=csv (RFC 4180) or geojson (RFC 7946); the filters of GET /api/reports, without"
					+ " cursor and limit. Newest event first. Cut to the reader as GET /api/reports is: for readers"
					+ " other than monitors and co-chairs, the file has no source and external id columns, and the"
					+ " place of a report from an at-risk source is the centre of its grid cell.")
	@GetMapping("/api/exports/reports")
	void export(@RequestParam String format, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
			@RequestParam(required = false) Double radius, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) List<String> actor, @RequestParam(required = false) List<String> source,
			@RequestParam(required = false) Boolean excludeAggregates, Viewer viewer, HttpServletResponse response)
			throws IOException {
		ReportFormat chosen = ReportFormat.parse(format)
			.orElseThrow(() -> QueryParameters.invalid("format", "format is csv or geojson."));
		ReportQuery query = ReportQueryParser.parse(new ReportQueryParser.Params(bbox, lat, lon, radius, from, to, type,
				actor, source, excludeAggregates, null, null), this.actors, PAGE, PAGE, this.zone.zone());
		response.setContentType(chosen.mediaType() + (chosen == ReportFormat.CSV ? "; charset=UTF-8" : ""));
		response.setHeader("Content-Disposition", "attachment; filename=\"reports." + chosen.extension() + "\"");
		OutputStream out = response.getOutputStream();
		this.exporting.export(query, chosen, out, viewer);
		out.flush();
	}

}
