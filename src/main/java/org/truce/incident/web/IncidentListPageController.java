package org.truce.incident.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.truce.identity.model.Viewer;
import org.truce.incident.application.ListingIncidents;
import org.truce.incident.application.ReadingIncidents;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;
import org.truce.web.QueryParameters;

/**
 * The list of incidents ({@code /incidents}): those the reader may see, as
 * {@link ListingIncidents} lists them, newest first, a page at a time, each linking to
 * its page. {@code from} and {@code to} are days in the scenario's time zone (or instants
 * with offset), as on the map; {@code before} is where the page starts, as the link to
 * the next page gives it. Contexts built on incidents add columns through
 * {@link IncidentPageSections} (the most serious finding).
 */
@Controller
class IncidentListPageController {

	private final ListingIncidents listing;

	private final List<IncidentPageSections> sections;

	private final ScenarioZone zone;

	private final int size;

	IncidentListPageController(ListingIncidents listing, List<IncidentPageSections> sections, ScenarioZone zone,
			@Value("${truce.pages.incidents-per-page:50}") int size) {
		this.listing = listing;
		this.sections = sections;
		this.zone = zone;
		this.size = size;
	}

	@GetMapping("/incidents")
	String list(@RequestParam(name = "from", required = false) String from,
			@RequestParam(name = "to", required = false) String to,
			@RequestParam(name = "before", required = false) String before, Viewer viewer, Model model) {
		Instant start = blank(from) ? null : QueryParameters.instant("from", from.strip(), false, this.zone.zone());
		Instant end = blank(to) ? null : QueryParameters.instant("to", to.strip(), true, this.zone.zone());
		if (start != null && end != null && end.isBefore(start)) {
			throw new RejectedException(Problem.of(ErrorCode.INTERVAL_END_BEFORE_START, "to"));
		}
		Instant after = blank(before) ? null
				: QueryParameters.instant("before", before.strip(), false, this.zone.zone());
		ListingIncidents.Page page = this.listing.page(start, end, after, this.size, viewer);
		List<UUID> shown = page.incidents().stream().map(ReadingIncidents.IncidentView::shownId).toList();
		model.addAttribute("incidents", page.incidents());
		String days = blank(from) ? null : from.strip();
		String until = blank(to) ? null : to.strip();
		model.addAttribute("from", days);
		model.addAttribute("to", until);
		model.addAttribute("firstPage", after == null ? null : href(days, until, null));
		model.addAttribute("nextPage", page.next() == null ? null : href(days, until, page.next().toString()));
		this.sections.forEach(s -> s.addToList(shown, viewer, model));
		return "incidents/list";
	}

	/** The list's address with these parameters, leaving out those that are null. */
	private static String href(String from, String to, String before) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/incidents");
		if (from != null) {
			uri.queryParam("from", from);
		}
		if (to != null) {
			uri.queryParam("to", to);
		}
		if (before != null) {
			uri.queryParam("before", before);
		}
		return uri.encode().build().toUriString();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
