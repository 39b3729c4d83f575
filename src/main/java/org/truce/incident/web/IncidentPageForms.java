package org.truce.incident.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.RedirectView;
import org.truce.incident.application.Incidents;
import org.truce.incident.model.IncidentRecord;
import org.truce.shared.RejectedException;
import org.truce.web.Problems;

/**
 * How the incident page's forms answer, its own and those other contexts add to it: each
 * does its work and goes back with a redirect to the incident's page (the incident it was
 * merged into, if it was), saying what happened or what was wrong.
 */
@Component
public class IncidentPageForms {

	private final Incidents incidents;

	IncidentPageForms(Incidents incidents) {
		this.incidents = incidents;
	}

	/** Does the work and goes back to the incident's page, saying how it went. */
	public RedirectView act(String id, String done, Runnable work) {
		String outcome;
		try {
			work.run();
			outcome = "done=" + done;
		}
		catch (RejectedException ex) {
			outcome = "error=" + encode(ex.problems().get(0).detail(Problems.language()));
		}
		catch (IllegalArgumentException ex) {
			outcome = "error=" + encode(ex.getMessage());
		}
		UUID incident = this.incidents.find(IncidentController.uuid(id))
			.map(r -> r.status() == IncidentRecord.Status.MERGED ? r.mergedInto() : r.id())
			.orElse(IncidentController.uuid(id));
		return redirect("/incidents/" + incident + "?" + outcome);
	}

	/**
	 * The incident's id in a form's path.
	 * @throws RejectedException NOT_FOUND when it is not a UUID
	 */
	public UUID incidentId(String id) {
		return IncidentController.uuid(id);
	}

	static RedirectView redirect(String url) {
		RedirectView view = new RedirectView(url, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return view;
	}

	static String encode(String text) {
		return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8);
	}

}
