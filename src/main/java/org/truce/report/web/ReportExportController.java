package org.truce.report.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.truce.web.RowCaps;
import org.truce.actor.application.ActorDirectory;
import org.truce.identity.model.Viewer;
import org.truce.report.application.ExportingReports;
import org.truce.report.application.ReportFormat;
import org.truce.report.model.ReportQuery;
import org.truce.shared.ScenarioZone;
import org.truce.web.QueryParameters;

@RestController
class ReportExportController {

	private final ExportingReports exporting;

	private final ActorDirectory actors;

	private final ScenarioZone zone;

	private final RowCaps caps;

	ReportExportController(ExportingReports exporting, ActorDirectory actors, ScenarioZone zone, RowCaps caps) {
		this.caps = caps;
		this.exporting = exporting;
		this.actors = actors;
		this.zone = zone;
	}

	@Operation(summary = "Export the reports the reader may see, as CSV, GeoJSON, or in ACLED's or UCDP's layout",
			description = "format=csv (RFC 4180) or geojson (RFC 7946); the filters of GET /api/reports, without"
					+ " cursor and limit. Newest event first. Cut to the reader as GET /api/reports is: for readers"
					+ " other than monitors and co-chairs, the file has no source and external id columns, and the"
					+ " place of a report from an at-risk source is the centre of its grid cell. At most"
					+ " truce.limits.rows.report-exports (10,000) reports: the header Truce-Truncated: true says there"
					+ " were more (narrow the filters; the command line's truce export has no cap). hxl=true (CSV"
					+ " only): a second row of HXL hashtags (#date+start, #geo+lat, #adm1+name, #affected+killed, ...)"
					+ " under the header, for humanitarian data platforms. format=acled or ucdp (monitors and co-chairs"
					+ " only, 403 for anyone else): the reports imported from that dataset, each as the row it was"
					+ " imported from, with the header of the imported files, so that the file imports again as it"
					+ " was; reports from other sources are not in it. inter, interaction, dyad and conflict filter"
					+ " by the datasets' own columns, as in GET /api/reports.")
	@GetMapping("/api/exports/reports")
	void export(@RequestParam String format, @RequestParam(required = false) String bbox,
			@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
			@RequestParam(required = false) Double radius, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> type,
			@RequestParam(required = false) List<String> actor, @RequestParam(required = false) List<String> source,
			@RequestParam(required = false) Boolean excludeAggregates,
			@RequestParam(required = false, defaultValue = "false") boolean hxl,
			@RequestParam(required = false) List<String> inter,
			@RequestParam(required = false) List<String> interaction, @RequestParam(required = false) List<String> dyad,
			@RequestParam(required = false) List<String> conflict, Viewer viewer, HttpServletResponse response)
			throws IOException {
		int cap = Math.min(ReportQuery.MAX_LIMIT, this.caps.of("report-exports", ReportQuery.MAX_LIMIT));
		ReportFormat chosen = ReportFormat.parse(format)
			.orElseThrow(() -> QueryParameters.invalid("format", "format"))
			.withHxl(hxl)
			.orElseThrow(() -> QueryParameters.invalid("hxl", "hxl"));
		ReportQuery query = ReportQueryParser.parse(new ReportQueryParser.Params(bbox, lat, lon, radius, from, to, type,
				actor, source, excludeAggregates, null, null, inter, interaction, dyad, conflict), this.actors, cap,
				cap, this.zone.zone());
		response.setContentType(chosen.mediaType() + (chosen != ReportFormat.GEOJSON ? "; charset=UTF-8" : ""));
		response.setHeader("Content-Disposition", "attachment; filename=\"reports." + chosen.extension() + "\"");
		OutputStream out = response.getOutputStream();
		this.exporting.exportAtMost(query, chosen, out, viewer, truncated -> RowCaps.mark(cap, truncated));
		out.flush();
	}

}
