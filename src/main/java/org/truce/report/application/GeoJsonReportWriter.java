package org.truce.report.application;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collection;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import org.truce.actor.model.ActorRef;
import org.truce.report.model.Attachment;
import org.truce.report.model.Casualties;
import org.truce.report.model.DataFlag;
import org.truce.report.model.Estimate;
import org.truce.report.model.Location;
import org.truce.report.model.Report;

/**
 * Writes reports as an RFC 7946 GeoJSON FeatureCollection, streaming: each report is a
 * Feature whose geometry is a Point with coordinates in longitude, latitude order (WGS84,
 * RFC 7946 §3.1.1 and §4; no {@code crs} member), whose {@code id} is the report's id,
 * and whose properties carry every field of the report. Absent values are written as
 * null, so every feature has the same properties. Instants are ISO 8601 in UTC.
 *
 * <p>
 * Properties: {@code id, eventType} (code){@code , eventTypeLabel, eventCategory,
 * eventTypeBasis, timeStart, timeEnd, timePrecision, timePrecisionCode} (UCDP
 * {@code date_prec}){@code , locationPrecision, locationPrecisionCode} (UCDP
 * {@code where_prec}){@code , uncertaintyMetres, placeName, admin1, admin2, actor,
 * actorId, actorStatus, actorCandidates, target, targetId, targetStatus,
 * targetCandidates, whoActed} ({@code ACTOR, EITHER_SIDE, ONE_OF}){@code , whoActedText}
 * ("one of X or Y (not known which)", "X (inferred: basis)"){@code , whoActedBasis,
 * alsoPossible, equipment, casualties} ({@code total, actorSide, targetSide, civilians,
 * unknown}, each {@code {low, best, high}} or null){@code , narrative, source,
 * externalId, attachments, flags, recordedAt}; {@code source} and {@code externalId} are
 * left out for a reader who may not see sources.
 */
public final class GeoJsonReportWriter implements ReportWriter {

	private static final JsonMapper JSON = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

	private final OutputStream out;

	private final boolean withSources;

	private JsonGenerator json;

	/**
	 * @param withSources false to leave out the {@code source} and {@code externalId}
	 * properties, for a reader who may not see them
	 */
	public GeoJsonReportWriter(OutputStream out, boolean withSources) {
		this.out = out;
		this.withSources = withSources;
	}

	@Override
	public void begin() {
		this.json = JSON.createGenerator(this.out);
		this.json.writeStartObject();
		this.json.writeStringProperty("type", "FeatureCollection");
		this.json.writeArrayPropertyStart("features");
	}

	@Override
	public void write(Report r) {
		JsonGenerator g = this.json;
		Location where = r.where();
		g.writeStartObject();
		g.writeStringProperty("type", "Feature");
		g.writeStringProperty("id", r.id().toString());
		g.writeObjectPropertyStart("geometry");
		g.writeStringProperty("type", "Point");
		g.writeArrayPropertyStart("coordinates");
		g.writeNumber(where.longitude());
		g.writeNumber(where.latitude());
		g.writeEndArray();
		g.writeEndObject();
		g.writeObjectPropertyStart("properties");
		g.writeStringProperty("id", r.id().toString());
		g.writeStringProperty("eventType", r.eventType().code());
		g.writeStringProperty("eventTypeLabel", r.eventType().label());
		g.writeStringProperty("eventCategory", r.eventType().category().label());
		g.writeStringProperty("eventTypeBasis", r.eventTypeBasis());
		g.writeStringProperty("timeStart", instant(r.when().start()));
		g.writeStringProperty("timeEnd", instant(r.when().end()));
		g.writeStringProperty("timePrecision", r.when().precision().name());
		g.writeNumberProperty("timePrecisionCode", r.when().precision().ucdpCode());
		g.writeStringProperty("locationPrecision", where.precision().name());
		g.writeNumberProperty("locationPrecisionCode", where.precision().ucdpCode());
		g.writeNumberProperty("uncertaintyMetres", where.uncertaintyMetres());
		g.writeStringProperty("placeName", where.placeName());
		g.writeStringProperty("admin1", where.admin1());
		g.writeStringProperty("admin2", where.admin2());
		actor(g, "actor", r.actor());
		actor(g, "target", r.target());
		g.writeStringProperty("whoActed", r.whoActed().kind().name());
		g.writeStringProperty("whoActedText", r.whoActed().describe(r.actor(), r.target()));
		g.writeStringProperty("whoActedBasis", r.whoActed().basis());
		g.writeArrayPropertyStart("alsoPossible");
		for (ActorRef also : r.whoActed().alsoPossible()) {
			g.writeString(also.asReported());
		}
		g.writeEndArray();
		g.writeStringProperty("equipment", r.equipment() == null ? null : r.equipment().code());
		casualties(g, r.casualties());
		g.writeStringProperty("narrative", r.narrative());
		if (this.withSources) {
			g.writeStringProperty("source", r.sourceId());
			g.writeStringProperty("externalId", r.externalId());
		}
		g.writeArrayPropertyStart("attachments");
		for (Attachment a : r.attachments()) {
			g.writeStartObject();
			g.writeStringProperty("sha256", a.sha256());
			g.writeStringProperty("mediaType", a.mediaType());
			g.writeStringProperty("name", a.name());
			g.writeEndObject();
		}
		g.writeEndArray();
		g.writeArrayPropertyStart("flags");
		for (DataFlag flag : r.flags().stream().sorted().toList()) {
			g.writeString(flag.name());
		}
		g.writeEndArray();
		g.writeStringProperty("recordedAt", instant(r.recordedAt()));
		g.writeEndObject();
		g.writeEndObject();
	}

	@Override
	public void end() throws IOException {
		this.json.writeEndArray();
		this.json.writeEndObject();
		this.json.close();
		this.out.flush();
	}

	private static void actor(JsonGenerator g, String prefix, ActorRef ref) {
		g.writeStringProperty(prefix, ref == null ? null : ref.asReported());
		g.writeStringProperty(prefix + "Id", ref == null ? null : ref.actorId());
		g.writeStringProperty(prefix + "Status", ref == null ? null : ref.status().name());
		strings(g, prefix + "Candidates", ref == null ? java.util.List.of() : ref.candidates());
	}

	private static void strings(JsonGenerator g, String name, Collection<String> values) {
		g.writeArrayPropertyStart(name);
		for (String v : values) {
			g.writeString(v);
		}
		g.writeEndArray();
	}

	private static void casualties(JsonGenerator g, Casualties c) {
		g.writeObjectPropertyStart("casualties");
		estimate(g, "total", c.total());
		estimate(g, "actorSide", c.actorSide());
		estimate(g, "targetSide", c.targetSide());
		estimate(g, "civilians", c.civilians());
		estimate(g, "unknown", c.unknown());
		g.writeEndObject();
	}

	private static void estimate(JsonGenerator g, String name, Estimate e) {
		if (e == null) {
			g.writeNullProperty(name);
			return;
		}
		g.writeObjectPropertyStart(name);
		integer(g, "low", e.low());
		integer(g, "best", e.best());
		integer(g, "high", e.high());
		g.writeEndObject();
	}

	private static void integer(JsonGenerator g, String name, Integer value) {
		if (value == null) {
			g.writeNullProperty(name);
		}
		else {
			g.writeNumberProperty(name, value.intValue());
		}
	}

	private static String instant(Instant instant) {
		return instant == null ? null : instant.toString();
	}

}
