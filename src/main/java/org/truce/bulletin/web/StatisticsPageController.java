package org.truce.bulletin.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.truce.agreement.application.AgreementCatalogue;
import org.truce.agreement.model.Agreement;
import org.truce.bulletin.application.ComputingBulletin;
import org.truce.bulletin.model.Bulletin;
import org.truce.bulletin.model.BulletinQuery;
import org.truce.identity.model.Viewer;
import org.truce.report.model.EventType;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * The statistics page ({@code /statistics}): a bulletin's charts and tables for the
 * agreement, period, zone, party and event type chosen in its form (a plain GET form,
 * which htmx submits on every change and whose results it swaps in place). The bulletin
 * is computed for the reader exactly as {@code GET /api/bulletins} computes it: the
 * public sees the published record only. A refused query (an unknown agreement, a period
 * that ends before it starts or lies outside the agreement's life) is said on the page,
 * with status 400.
 */
@Controller
class StatisticsPageController {

	/** The days a period covers when the form names none: a week. */
	static final int DEFAULT_DAYS = 7;

	private final AgreementCatalogue agreements;

	private final ComputingBulletin bulletins;

	private final BulletinDocuments documents;

	private final ScenarioZone zone;

	StatisticsPageController(AgreementCatalogue agreements, ComputingBulletin bulletins, BulletinDocuments documents,
			ScenarioZone zone) {
		this.agreements = agreements;
		this.bulletins = bulletins;
		this.documents = documents;
		this.zone = zone;
	}

	/** An option of a select: its value, its label and whether it is chosen. */
	record Option(String value, String label, boolean selected) {

	}

	@GetMapping("/statistics")
	String statistics(@RequestParam(required = false) String agreement, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String zone,
			@RequestParam(required = false) String party, @RequestParam(required = false) String type, Viewer viewer,
			Model model, HttpServletResponse response) {
		List<Agreement> all = this.agreements.all()
			.keySet()
			.stream()
			.map(this.agreements::latest)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparing((Agreement a) -> a.effective().start()).thenComparing(Agreement::id))
			.toList();
		Agreement chosen = all.stream()
			.filter(a -> a.id().equals(blank(agreement) ? null : agreement.strip()))
			.findFirst()
			.orElse(blank(agreement) && !all.isEmpty() ? all.get(0) : null);
		String agreementId = chosen != null ? chosen.id() : (blank(agreement) ? null : agreement.strip());
		LocalDate firstDay = chosen == null ? null : chosen.effective().start().atZone(this.zone.zone()).toLocalDate();
		String fromText = blank(from) ? (firstDay == null ? "" : firstDay.toString()) : from.strip();
		String toText = blank(to)
				? (firstDay == null ? "" : day(fromText, firstDay).plusDays(DEFAULT_DAYS - 1).toString()) : to.strip();
		model.addAttribute("agreementOptions",
				all.stream().map(a -> new Option(a.id(), a.title(), a.id().equals(agreementId))).toList());
		model.addAttribute("zoneOptions",
				chosen == null ? List.of()
						: chosen.zones()
							.stream()
							.map(z -> new Option(z.id(), z.name() == null ? z.id() : z.name(), z.id().equals(zone)))
							.toList());
		model.addAttribute("partyOptions", chosen == null ? List.of()
				: chosen.parties().stream().sorted().map(p -> new Option(p, p, p.equals(party))).toList());
		List<Option> types = new ArrayList<>();
		for (EventType t : EventType.values()) {
			types.add(new Option(t.name(), t.label(), t.name().equals(type)));
		}
		model.addAttribute("typeOptions", types);
		model.addAttribute("from", fromText);
		model.addAttribute("to", toText);
		if (agreementId == null) {
			model.addAttribute("problems", List.of("No agreement is loaded."));
			return "bulletins/statistics";
		}
		try {
			LocalDate first = LocalDate.parse(fromText);
			LocalDate last = LocalDate.parse(toText);
			Bulletin bulletin = this.bulletins.compute(new BulletinQuery(agreementId, first, last,
					blank(zone) ? null : zone, blank(party) ? null : party, blank(type) ? null : type), viewer);
			model.addAttribute("b", bulletin);
			model.addAttribute("charts", this.documents.charts(bulletin, ""));
			model.addAttribute("labels", BulletinDocuments.Labels.INSTANCE);
		}
		catch (DateTimeParseException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", List.of("The period's days must be written as 2016-09-12."));
		}
		catch (RejectedException ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.problems().stream().map(Problem::detail).toList());
		}
		return "bulletins/statistics";
	}

	private static LocalDate day(String text, LocalDate otherwise) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return otherwise;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
