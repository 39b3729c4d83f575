package org.truce.scenario.application;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.truce.actor.model.NameKey;
import org.truce.geo.application.Places;
import org.truce.geo.application.ScenarioBoundaries;
import org.truce.geo.model.Boundary;
import org.truce.geo.model.BoundaryLayer;
import org.truce.geo.model.Place;
import org.truce.report.application.ImportFile;
import org.truce.report.application.ImportOutcome;
import org.truce.report.application.ImportProgress;
import org.truce.report.application.ImportingNews;
import org.truce.report.application.NewsPlaces;
import org.truce.report.application.PublishingReports;
import org.truce.shared.Geodesic;

/**
 * Imports the scenario's news items ({@code news/*.csv}: {@code id}, {@code date},
 * {@code text}, as Wikipedia's current events are written) as open-source reports of the
 * source {@code wikipedia-current-events}, each file once (by SHA-256), and publishes
 * them: they are public text already (CC BY-SA, see the scenario's SOURCES.md). Runs
 * after the geography, whose gazetteer places the items that name a town, and before the
 * agreements, so that they are adjudicated with the rest.
 *
 * <p>
 * The country point for items no rule places is the interior point of the scenario's
 * admin 0 boundary, with a radius that reaches its farthest vertex.
 */
@Component
@Order(360)
class NewsLoader implements ScenarioLoader {

	/**
	 * How far apart two gazetteer places of one name may lie and still be taken for one
	 * town: the news rule's own radius.
	 */
	static final double SAME_TOWN_METRES = 25_000;

	private final ImportingNews importing;

	private final PublishingReports publishing;

	private final Places places;

	private final ResourcePatternResolver resources;

	NewsLoader(ImportingNews importing, PublishingReports publishing, Places places,
			ResourcePatternResolver resources) {
		this.importing = importing;
		this.publishing = publishing;
		this.places = places;
		this.resources = resources;
	}

	@Override
	public String load(Scenario scenario, ImportProgress progress) {
		List<Resource> files = list(scenario.file("news/*.csv"));
		if (files.isEmpty()) {
			return "News: the scenario has none.";
		}
		Optional<NewsPlaces.Known> country = country(scenario);
		if (country.isEmpty()) {
			return "News: the scenario has no admin0 boundary to place them by; not imported.";
		}
		NewsPlaces where = new GazetteerPlaces(this.places, country.get());
		StringBuilder out = new StringBuilder("News:");
		for (Resource file : files) {
			String name = "news/" + file.getFilename();
			ImportOutcome outcome = this.importing.importOnce(ImportFile.of(scenario.file(name), file),
					SourcesLoader.WIKIPEDIA_CURRENT_EVENTS, where, ImportProgress.NONE);
			if (outcome instanceof ImportOutcome.NotImportable refused) {
				throw new IllegalStateException("the scenario's " + name + " cannot be imported: " + refused.reason());
			}
			if (outcome instanceof ImportOutcome.AlreadyImported already) {
				out.append(' ')
					.append(name)
					.append(" was already imported (")
					.append(already.previous().counts().imported())
					.append(" reports); skipped.");
			}
			else {
				ImportOutcome.Completed done = (ImportOutcome.Completed) outcome;
				out.append(' ')
					.append(name)
					.append(": ")
					.append(done.counts().rowsRead())
					.append(" rows read, ")
					.append(done.counts().imported())
					.append(" imported, ")
					.append(done.counts().rejected())
					.append(" rejected.");
			}
		}
		int published = this.publishing
			.publishSource(SourcesLoader.WIKIPEDIA_CURRENT_EVENTS.id(), UcdpEventsLoader.PUBLISHER)
			.size();
		if (published > 0) {
			out.append(' ').append(published).append(" published.");
		}
		return out.toString();
	}

	private static Optional<NewsPlaces.Known> country(Scenario scenario) {
		List<Boundary> admin0 = ScenarioBoundaries.read(scenario.geography(), BoundaryLayer.ADMIN0);
		if (admin0.isEmpty()) {
			return Optional.empty();
		}
		Geometry shape = admin0.get(0).geometry();
		Point inside = shape.getInteriorPoint();
		double radius = 0;
		for (Coordinate c : shape.getEnvelope().getCoordinates()) {
			radius = Math.max(radius, Geodesic.distanceMetres(inside.getY(), inside.getX(), c.y, c.x));
		}
		return Optional.of(new NewsPlaces.Known(admin0.get(0).name(), inside.getY(), inside.getX(), null,
				(double) Math.round(radius)));
	}

	private List<Resource> list(String pattern) {
		try {
			return Arrays.stream(this.resources.getResources(pattern))
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/**
	 * A town is found when the gazetteer's places of that name (or that name followed by
	 * "town", "village" or "city", as UCDP writes them) all lie within
	 * {@link #SAME_TOWN_METRES} of the first; else it is not found.
	 */
	record GazetteerPlaces(Places places, NewsPlaces.Known country) implements NewsPlaces {

		@Override
		public Optional<Known> town(String name) {
			String key = NameKey.of(name);
			if (key.isEmpty()) {
				return Optional.empty();
			}
			List<String> keys = List.of(name, name + " town", name + " village", name + " city")
				.stream()
				.map(NameKey::of)
				.toList();
			List<Place> found = this.places.search(name, 50).stream().filter(p -> keys.contains(p.nameKey())).toList();
			if (found.isEmpty()) {
				return Optional.empty();
			}
			Place first = found.get(0);
			boolean one = found.stream()
				.allMatch(p -> Geodesic.distanceMetres(first.latitude(), first.longitude(), p.latitude(),
						p.longitude()) <= SAME_TOWN_METRES);
			return one
					? Optional
						.of(new Known(first.name(), first.latitude(), first.longitude(), first.admin1Pcode(), null))
					: Optional.empty();
		}

	}

}
