package org.truce.scenario.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.truce.deconfliction.application.Notifying;
import org.truce.deconfliction.application.ProtectedPlaces;
import org.truce.deconfliction.model.Notification;
import org.truce.report.application.ImportProgress;
import org.truce.shared.Asserted;

/**
 * Registers the humanitarian notifications of the scenario's {@code humanitarian.yaml}
 * (protected sites and movements, under {@code notifications:}, notified by
 * {@code notifiedBy}), before the events are imported, so that the events near them raise
 * proximity alerts as they are stored. A notification of that notifier with the same name
 * is not registered again; one of that notifier no longer in the file is withdrawn. A
 * notification of the past gives, under {@code asserted:}, when it was notified
 * ({@code at}, with offset), who asserts it ({@code by}) and the document that says so
 * ({@code document}, {@code url}); Truce records it as asserted, apart from the time the
 * scenario was loaded.
 */
@Component
@Order(250)
class HumanitarianLoader implements ScenarioLoader {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private final Notifying notifying;

	private final ProtectedPlaces places;

	private final ResourceLoader resources;

	HumanitarianLoader(Notifying notifying, ProtectedPlaces places, ResourceLoader resources) {
		this.notifying = notifying;
		this.places = places;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		Resource file = this.resources.getResource(scenario.file("humanitarian.yaml"));
		if (!file.exists()) {
			return "Humanitarian notifications: the scenario has none.";
		}
		HumanitarianFile read = read(file);
		Set<String> present = this.places.notifications()
			.stream()
			.filter(n -> n.notifiedBy().equals(read.notifiedBy()))
			.map(Notification::name)
			.collect(Collectors.toSet());
		int registered = 0;
		Set<String> named = read.notifications().stream().map(Entry::name).collect(Collectors.toSet());
		List<Notification> stale = this.places.notifications()
			.stream()
			.filter(n -> n.notifiedBy().equals(read.notifiedBy()) && !named.contains(n.name()))
			.toList();
		for (Entry e : read.notifications()) {
			if (present.contains(e.name())) {
				continue;
			}
			this.notifying.register(new Notifying.NewNotification(e.kind(), e.name(), e.siteKind(), e.movementKind(),
					e.geometry(), instant(e.from()), instant(e.to()), e.vehicles() == null ? List.of() : e.vehicles(),
					e.markings(), e.parties(), e.asserted() == null ? Asserted.Input.NONE : e.asserted().input()),
					read.notifiedBy());
			registered++;
		}
		// What an earlier version of the file notified and this one no longer does (a
		// notification corrected, or renamed) is withdrawn, with its ledger entry, so
		// that it
		// no longer protects nor answers "was it notified?" as if it stood.
		stale.forEach(n -> this.notifying.withdraw(n.id(), read.notifiedBy()));
		return "Humanitarian notifications: " + registered + " registered, "
				+ (read.notifications().size() - registered) + " already present"
				+ (stale.isEmpty() ? "" : ", " + stale.size() + " withdrawn (no longer in the file)")
				+ ", from humanitarian.yaml.";
	}

	private static Instant instant(String text) {
		return text == null ? null : OffsetDateTime.parse(text).toInstant();
	}

	private static HumanitarianFile read(Resource file) {
		try (InputStream in = file.getInputStream()) {
			return YAML.readValue(in, HumanitarianFile.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read " + file.getDescription(), ex);
		}
	}

	record HumanitarianFile(String notifiedBy, List<Entry> notifications) {

		HumanitarianFile {
			notifications = notifications == null ? List.of() : notifications;
		}

	}

	record Entry(String kind, String name, String siteKind, String movementKind, String geometry, String from,
			String to, List<Notification.Vehicle> vehicles, String markings, List<String> parties,
			AssertedEntry asserted) {

	}

	/**
	 * When the notification was given, by whose word and in what document (a notification
	 * of the past is entered after the fact).
	 */
	record AssertedEntry(String at, String by, String document, String url) {

		Asserted.Input input() {
			return new Asserted.Input(this.at, this.by, this.document, this.url);
		}

	}

}
