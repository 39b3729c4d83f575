// Besieged and hard-to-reach areas with their population, for everyone (the figures are
// public information): a layer the reader can switch off.
(function () {
	'use strict';

	var COLOURS = { BESIEGED: '#6a1b9a', HARD_TO_REACH: '#ef6c00' };

	function popup(p) {
		var box = document.createElement('div');
		var name = document.createElement('strong');
		name.textContent = p.name;
		box.appendChild(name);
		var facts = document.createElement('p');
		facts.className = 'muted small';
		facts.textContent = (p.status === 'BESIEGED' ? 'Besieged' : 'Hard to reach') + ' · population '
			+ Number(p.population).toLocaleString() + ' as of ' + p.asOf
			+ (p.besiegers && p.besiegers.length ? ' · by ' + p.besiegers.join(', ') : '');
		box.appendChild(facts);
		return box;
	}

	function load() {
		var map = window.truceMap;
		var element = document.getElementById('map');
		if (!map || !element) {
			return;
		}
		fetch('/api/besieged-areas.geojson', { headers: { Accept: 'application/geo+json, application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : { features: [] };
			})
			.then(function (collection) {
				element.dataset.besieged = String(collection.features.length);
				if (collection.features.length === 0) {
					return;
				}
				var layer = L.geoJSON(collection, {
					style: function (feature) {
						return { color: COLOURS[feature.properties.status] || '#555', weight: 2, fillOpacity: 0.15 };
					},
					onEachFeature: function (feature, featureLayer) {
						featureLayer.bindPopup(function () {
							return popup(feature.properties);
						});
					}
				}).addTo(map);
				window.truceLayers.overlay('Besieged and hard-to-reach areas', layer, 30);
			})
			.catch(function () {
				element.dataset.besieged = 'error';
			});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', load);
	}
	else {
		load();
	}
})();
