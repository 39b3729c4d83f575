package org.truce.report.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.Attachment;
import org.truce.report.model.Casualties;
import org.truce.report.model.EquipmentClass;
import org.truce.report.model.EventType;
import org.truce.report.model.Location;
import org.truce.report.model.Report;
import org.truce.report.model.SourceFields;
import org.truce.report.model.TimeSpan;
import org.truce.report.model.WhoActed;
import org.truce.shared.TextLanguage;

/**
 * A report as the API shows it: codes with their labels, flags with their meaning, and
 * who acted apart from the names the source gives. {@code submitter} (the user id of who
 * submitted it, or {@code import:<run id>}) is shown to staff only: null for anyone else.
 * {@code narrativeLanguage} is the narrative's language tag and whether it was detected
 * from the script rather than stated by the submitter. {@code sourceFields}, the
 * dataset's own row kept verbatim (ACLED's inter codes, interaction and associated
 * actors; UCDP's dyad, conflict, side ids and deaths by side; every other column of the
 * file), is shown to readers who see sources only, as {@code source} and
 * {@code externalId} are.
 */
public record ReportView(UUID id, EventTypeView eventType, String eventTypeBasis, TimeSpan when, Location where,
		ActorRef actor, ActorRef target, Casualties casualties, String narrative, String source, String externalId,
		List<Attachment> attachments, List<FlagView> flags, Instant recordedAt, WhoActedView whoActed,
		EquipmentView equipment, String submitter, TextLanguage narrativeLanguage, SourceFields sourceFields) {

	public static ReportView of(Report r) {
		return new ReportView(r.id(), EventTypeView.of(r.eventType()), r.eventTypeBasis(), r.when(), r.where(),
				r.actor(), r.target(), r.casualties(), r.narrative(), r.sourceId(), r.externalId(), r.attachments(),
				r.flags()
					.stream()
					.sorted(Comparator.naturalOrder())
					.map(f -> new FlagView(f.name(), f.meaning()))
					.toList(),
				r.recordedAt(), WhoActedView.of(r.whoActed(), r.actor(), r.target()),
				r.equipment() == null ? null : EquipmentView.of(r.equipment()), r.submitter(), r.narrativeLanguage(),
				r.sourceFields());
	}

	/**
	 * Who acted: {@code kind} ({@code actor}, {@code either_side}, {@code one_of}), the
	 * other possible actors, the rule that inferred it (or null), and a sentence for a
	 * reader, such as "one of X or Y (not known which)".
	 */
	public record WhoActedView(String kind, List<ActorRef> alsoPossible, String basis, String text) {

		public static WhoActedView of(WhoActed w, ActorRef actor, ActorRef target) {
			return new WhoActedView(w.kind().name().toLowerCase(java.util.Locale.ROOT), w.alsoPossible(), w.basis(),
					w.describe(actor, target));
		}

	}

	/** The class of weapon or equipment the source names: its code and meaning. */
	public record EquipmentView(String code, String meaning) {

		static EquipmentView of(EquipmentClass equipment) {
			return new EquipmentView(equipment.code(), equipment.meaning());
		}

	}

	public record EventTypeView(String code, String label, String category) {

		static EventTypeView of(EventType type) {
			return new EventTypeView(type.code(), type.label(), type.category().label());
		}

	}

	public record FlagView(String code, String meaning) {

	}

}
