package org.truce.report.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.truce.report.model.EventType;

@RestController
class EventTypeController {

	@Operation(summary = "The event types a report may have",
			description = "ACLED's sub-event types under ACLED's event types (the category), plus Truce's"
					+ " ceasefire-specific types. Use the code in reports and queries.")
	@GetMapping("/api/event-types")
	List<EventTypeView> eventTypes() {
		return Arrays.stream(EventType.values()).map(EventTypeView::of).toList();
	}

	record EventTypeView(String code, String label, String category, String categoryCode) {

		static EventTypeView of(EventType type) {
			return new EventTypeView(type.code(), type.label(), type.category().label(),
					EventTypeController.categoryCode(type));
		}

	}

	/** A stable code for the category, such as {@code explosions_remote_violence}. */
	static String categoryCode(EventType type) {
		return type.category().name().toLowerCase(Locale.ROOT);
	}

}
