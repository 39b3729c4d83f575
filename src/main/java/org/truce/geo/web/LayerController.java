package org.truce.geo.web;

import java.time.Duration;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.truce.geo.application.BaseLayers;
import org.truce.shared.ErrorCode;
import org.truce.shared.Problem;
import org.truce.shared.RejectedException;

@RestController
class LayerController {

	static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final BaseLayers layers;

	LayerController(BaseLayers layers) {
		this.layers = layers;
	}

	@Operation(summary = "A base-map layer of the scenario",
			description = "One of the layers GET /api/scenario lists (for Syria 2016: syria-admin0, syria-admin1,"
					+ " syria-admin2 from OCHA COD-AB, neighbours from Natural Earth), simplified for display."
					+ " Properties: pcode, name, nameAr, parentPcode (OCHA) or iso, name.")
	@GetMapping("/layers/{name}.geojson")
	ResponseEntity<byte[]> layer(@PathVariable String name) {
		BaseLayers.Layer layer = this.layers.layer(name)
			.orElseThrow(() -> new RejectedException(Problem.keyed(ErrorCode.NOT_FOUND, "name", "layer",
					"/layers/" + name + ".geojson", this.layers.names())));
		// A weak ETag: Tomcat does not compress a response that has a strong one.
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.eTag("W/\"" + layer.etag() + "\"")
			.body(layer.geojson());
	}

}
