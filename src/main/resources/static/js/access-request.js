/*
 * Access request page: draws the request's route and destination on a small map, from the
 * data attributes of #route-map (the content security policy forbids inline scripts).
 * No tiles: the route alone, as the server sends it (GeoJSON, [longitude, latitude]).
 */
(function () {
	'use strict';
	var element = document.getElementById('route-map');
	if (!element || typeof L === 'undefined') {
		return;
	}
	var route = JSON.parse(element.getAttribute('data-route'));
	var map = L.map(element, { attributionControl: false, zoomControl: false, zoomSnap: 0.25 });
	// The zoom buttons at the start of the line: on the right of a right-to-left page.
	L.control.zoom({ position: window.TruceI18n.side('topleft') }).addTo(map);
	var line = L.geoJSON(route, { style: { color: '#00838f', weight: 4 } });
	var lat = parseFloat(element.getAttribute('data-lat'));
	var lon = parseFloat(element.getAttribute('data-lon'));
	var destination = L.circleMarker([lat, lon], { radius: 7, color: '#c62828', fillOpacity: 0.8 });
	// The view first: Leaflet cannot place vector layers on a map without one.
	map.fitBounds(line.getBounds().extend(destination.getLatLng()), { padding: [24, 24] });
	line.addTo(map);
	destination.addTo(map);
	element.setAttribute('data-drawn', 'true');
	window.truceRouteMap = map;
}());
