// Declared positions on the map, for readers who may read them (the co-chairs, and the
// declaring side's liaisons and co-chairs). The server answers everyone else, the public
// and the other sides included, with an empty collection, and then no layer is added.
(function () {
	'use strict';

	var COLOUR = '#283593';

	function popup(p) {
		var box = document.createElement('div');
		var link = document.createElement('a');
		link.href = '/positions#position-' + encodeURIComponent(p.id);
		link.textContent = (p.label || 'Declared position') + ' · ' + p.side;
		box.appendChild(link);
		var facts = document.createElement('p');
		facts.className = 'muted small';
		facts.textContent = p.from + ' – ' + p.to;
		box.appendChild(facts);
		return box;
	}

	function load() {
		var map = window.truceMap;
		var element = document.getElementById('map');
		if (!map || !element) {
			return;
		}
		if (!document.getElementById('signed-in-as')) {
			element.dataset.positions = '0'; // the public reads none
			return;
		}
		fetch('/api/map/positions', { headers: { Accept: 'application/geo+json, application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : { features: [] };
			})
			.then(function (collection) {
				element.dataset.positions = String(collection.features.length);
				if (collection.features.length === 0) {
					return;
				}
				var layer = L.geoJSON(collection, {
					style: { color: COLOUR, weight: 2, dashArray: '2 4', fillOpacity: 0.12 },
					pointToLayer: function (feature, latlng) {
						return L.circleMarker(latlng, { radius: 8, color: COLOUR, weight: 3, fillOpacity: 0.3 });
					},
					onEachFeature: function (feature, featureLayer) {
						featureLayer.bindPopup(function () {
							return popup(feature.properties);
						});
					}
				}).addTo(map);
				window.truceLayers.overlay('Declared positions', layer, 50);
			})
			.catch(function () {
				element.dataset.positions = 'error';
			});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', load);
	}
	else {
		load();
	}
})();
