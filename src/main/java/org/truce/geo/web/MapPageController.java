package org.truce.geo.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The map page. It is a shell: the base layers, the reports and each report's panel are
 * fetched by {@code /js/map.js} from this server only, so it works without internet.
 */
@Controller
class MapPageController {

	@GetMapping("/")
	String map() {
		return "map";
	}

}
