package org.truce.deconfliction.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.truce.deconfliction.application.DeclaringPositions;
import org.truce.deconfliction.application.DeconflictionReader;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.model.DeclaredPosition;
import org.truce.deconfliction.model.PositionRecord;
import org.truce.identity.web.SignedIn;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;
import org.truce.shared.ScenarioZone;

/**
 * The declared positions page ({@code /positions}): the positions the reader may read
 * (every one for a co-chair, its side's for a liaison), drawn on a small map by
 * {@code /js/positions.js} from a data attribute (the policy forbids inline scripts),
 * and, for a reader bound to an actor, a form to declare one (an area drawn on the map or
 * pasted as GeoJSON, and a window) and a button to withdraw each of its side's. Forms are
 * session forms: Spring Security adds their CSRF token. A refused declaration shows the
 * page again, with what was entered and each problem by field, as 422.
 */
@Controller
class PositionPageController {

	private final DeclaringPositions positions;

	private final Notifying notifying;

	private final JsonMapper json;

	private final ScenarioZone zone;

	PositionPageController(DeclaringPositions positions, Notifying notifying, JsonMapper json, ScenarioZone zone) {
		this.positions = positions;
		this.notifying = notifying;
		this.json = json;
		this.zone = zone;
	}

	/** What the declaration form posts; times are UTC, with or without an offset. */
	record Form(String side, String label, String area, String from, String to) {

		static final Form EMPTY = new Form(null, null, null, null, null);

	}

	/** A row of the list. */
	record Row(String id, String side, String label, Instant from, Instant to, String declaredBy, Instant declaredAt,
			Instant withdrawnAt, boolean mayWithdraw) {

	}

	@GetMapping("/positions")
	ModelAndView list(@RequestParam(required = false) String declared,
			@RequestParam(required = false) String withdrawn) {
		ModelAndView page = page(reader(), Form.EMPTY, List.of());
		page.addObject("declared", declared);
		page.addObject("withdrawn", withdrawn);
		return page;
	}

	@PostMapping("/positions")
	ModelAndView declare(@RequestParam(required = false) String side, @RequestParam(required = false) String label,
			@RequestParam(required = false) String area, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		DeconflictionReader reader = reader();
		Form form = new Form(side, label, area, from, to);
		List<Problem> problems = new ArrayList<>();
		Instant start = this.zone.fromForm("from", from, problems);
		Instant end = this.zone.fromForm("to", to, problems);
		try {
			if (!problems.isEmpty()) {
				throw new RejectedException(problems);
			}
			PositionRecord r = this.positions.declare(new DeclaringPositions.NewPosition(side, label, area, start, end),
					reader);
			return seeOther("/positions?declared=" + r.position().id());
		}
		catch (RejectedException ex) {
			if (ex.problems().stream().anyMatch(p -> p.code().status() != 422)) {
				throw ex;
			}
			ModelAndView page = page(reader, form, ex.problems());
			page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return page;
		}
	}

	@PostMapping("/positions/{id}/withdrawal")
	ModelAndView withdraw(@PathVariable String id) {
		UUID uuid = NotificationController.uuid(id);
		this.positions.withdraw(uuid, reader());
		return seeOther("/positions?withdrawn=" + uuid);
	}

	private ModelAndView page(DeconflictionReader reader, Form form, List<Problem> problems) {
		List<PositionRecord> readable = this.positions.list(reader, true);
		ModelAndView page = new ModelAndView("positions/list");
		page.addObject("items", readable.stream().map(r -> row(r, reader)).toList());
		page.addObject("positionsJson", this.json.writeValueAsString(PositionFeatures.collection(readable)));
		page.addObject("declarable", reader.declarable());
		page.addObject("coChair", reader.coChair());
		page.addObject("form", form);
		page.addObject("problems", problems);
		page.addObject("maxLabel", Notifying.MAX_NAME);
		page.addObject("maxAreaKm2", String.format(Locale.ROOT, "%.0f", this.positions.bounds().maxAreaKm2()));
		page.addObject("maxWindowDays", this.positions.bounds().maxWindowDays());
		return page;
	}

	private static Row row(PositionRecord r, DeconflictionReader reader) {
		DeclaredPosition p = r.position();
		return new Row(p.id().toString(), p.side(), p.label(), p.from(), p.to(), p.declaredBy(), p.declaredAt(),
				p.withdrawnAt(), p.withdrawnAt() == null && reader.declarable().contains(p.side()));
	}

	private static ModelAndView seeOther(String location) {
		RedirectView view = new RedirectView(location, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

	private DeconflictionReader reader() {
		SignedIn who = SignedIn.of(SecurityContextHolder.getContext().getAuthentication());
		if (who == null) {
			throw new RejectedException(Problem.of(ErrorCode.UNAUTHENTICATED, null));
		}
		return this.notifying.reader(who.userId(), who.grants());
	}

}
