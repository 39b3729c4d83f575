/*
 * Declared positions page: draws the positions the reader may read on a small map, from
 * the data attribute of #positions-map (the content security policy forbids inline
 * scripts), over the scenario's regions for orientation (its bounds and layers in
 * data-scenario); no tiles. With the declaration form,
 * clicks on the map draw the area: one point is a GeoJSON Point, three or more a Polygon,
 * written into the form's #area as [longitude, latitude]. An area pasted there is drawn
 * as it is typed.
 */
(function () {
	'use strict';

	var POSITION_COLOUR = '#283593';
	var SKETCH_COLOUR = '#c62828';

	var element = document.getElementById('positions-map');
	if (!element || typeof L === 'undefined') {
		return;
	}
	var scenario = JSON.parse(element.getAttribute('data-scenario'));
	var map = L.map(element, { attributionControl: false, zoomControl: false, zoomSnap: 0.25, minZoom: 5, maxZoom: 14 });
	// The zoom buttons at the start of the line: on the right of a right-to-left page.
	L.control.zoom({ position: window.TruceI18n.side('topleft') }).addTo(map);
	// [west, south, east, north]
	map.fitBounds([[scenario.bounds[1], scenario.bounds[0]], [scenario.bounds[3], scenario.bounds[2]]],
		{ padding: [12, 12] });
	window.trucePositionsMap = map;

	scenario.layers.filter(function (layer) {
		return layer.role === 'regions';
	}).forEach(function (regions) {
		fetch(regions.url, { headers: { Accept: 'application/geo+json, application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : null;
			})
			.then(function (data) {
				if (data) {
					L.geoJSON(data, {
						style: { color: '#9e9a90', weight: 1, fill: false },
						interactive: false
					}).addTo(map);
				}
			});
	});

	function describe(p) {
		var box = document.createElement('div');
		var title = document.createElement('strong');
		title.textContent = (p.label || window.TruceI18n.t('positions.unnamed')) + ' · ' + p.side;
		box.appendChild(title);
		var window_ = document.createElement('p');
		window_.className = 'muted small';
		// As the list below writes it, in the scenario's time zone.
		window_.textContent = document.querySelector('#position-' + p.id + ' .position-window').textContent;
		box.appendChild(window_);
		return box;
	}

	var positions = JSON.parse(element.getAttribute('data-positions'));
	L.geoJSON(positions, {
		style: { color: POSITION_COLOUR, weight: 2, fillOpacity: 0.2 },
		pointToLayer: function (feature, latlng) {
			return L.circleMarker(latlng, { radius: 7, color: POSITION_COLOUR, weight: 3, fillOpacity: 0.3 });
		},
		onEachFeature: function (feature, layer) {
			layer.bindPopup(function () {
				return describe(feature.properties);
			});
		}
	}).addTo(map);
	element.setAttribute('data-drawn', String(positions.features.length));

	var area = document.getElementById('area');
	if (!area) {
		return;
	}

	// The area being declared: the points clicked, or a shape pasted into #area.
	var vertices = [];
	var sketch = L.featureGroup().addTo(map);
	// Clicks draw: two quick ones are two points, not a zoom.
	map.doubleClickZoom.disable();

	function round(x) {
		return Math.round(x * 1e6) / 1e6;
	}

	function geometry() {
		if (vertices.length === 1) {
			return { type: 'Point', coordinates: [round(vertices[0].lng), round(vertices[0].lat)] };
		}
		if (vertices.length < 3) {
			return null;
		}
		var ring = vertices.map(function (v) {
			return [round(v.lng), round(v.lat)];
		});
		ring.push(ring[0]);
		return { type: 'Polygon', coordinates: [ring] };
	}

	function drawVertices() {
		sketch.clearLayers();
		if (vertices.length >= 2) {
			var shape = vertices.length >= 3 ? L.polygon(vertices) : L.polyline(vertices);
			shape.setStyle({ color: SKETCH_COLOUR, weight: 2, dashArray: '6 4', fillOpacity: 0.15 });
			sketch.addLayer(shape);
		}
		vertices.forEach(function (v) {
			sketch.addLayer(L.circleMarker(v, { radius: 4, color: SKETCH_COLOUR, weight: 2, fillOpacity: 1 }));
		});
		var g = geometry();
		area.value = g ? JSON.stringify(g) : '';
		element.setAttribute('data-sketch', g ? g.type : (vertices.length ? 'incomplete' : 'none'));
	}

	function drawPasted() {
		sketch.clearLayers();
		vertices = [];
		if (!area.value.trim()) {
			element.setAttribute('data-sketch', 'none');
			return;
		}
		try {
			var g = JSON.parse(area.value);
			L.geoJSON(g, {
				style: { color: SKETCH_COLOUR, weight: 2, dashArray: '6 4', fillOpacity: 0.15 },
				pointToLayer: function (feature, latlng) {
					return L.circleMarker(latlng, { radius: 6, color: SKETCH_COLOUR, weight: 2 });
				}
			}).addTo(sketch);
			element.setAttribute('data-sketch', String(g.type));
		}
		catch (e) {
			// Not GeoJSON (yet): the server will say what is wrong with it.
			element.setAttribute('data-sketch', 'unreadable');
		}
	}

	map.on('click', function (event) {
		vertices.push(event.latlng);
		drawVertices();
	});
	area.addEventListener('input', drawPasted);
	document.getElementById('undo-point').addEventListener('click', function () {
		vertices.pop();
		drawVertices();
	});
	document.getElementById('clear-area').addEventListener('click', function () {
		vertices = [];
		drawVertices();
	});
	// An area sent back with a refused declaration is shown again.
	drawPasted();
}());
