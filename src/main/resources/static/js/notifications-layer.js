// Notified sites and movements on the map, for readers who may read them (staff, the
// notifier, the liaisons of the parties concerned). The server answers everyone else with
// an empty collection, and then no layer is added.
(function () {
	'use strict';

	var SITE_COLOUR = '#2e7d32';
	var MOVEMENT_COLOUR = '#1565c0';

	function popup(feature) {
		var p = feature.properties;
		var box = document.createElement('div');
		box.className = 'notification-popup';
		var link = document.createElement('a');
		link.href = '/notifications/' + encodeURIComponent(p.id);
		link.textContent = p.name;
		box.appendChild(link);
		var facts = document.createElement('p');
		facts.className = 'muted small';
		var what = p.kind === 'SITE' ? p.siteKind : p.movementKind;
		var window_ = p.from || p.to ? ' · ' + (p.from || '…') + ' – ' + (p.to || '…') : '';
		facts.textContent = what + ' · ' + p.status + window_;
		box.appendChild(facts);
		return box;
	}

	function load() {
		var map = window.truceMap;
		var element = document.getElementById('map');
		if (!map || !element) {
			return;
		}
		fetch('/api/map/notifications', { headers: { Accept: 'application/geo+json, application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : { features: [] };
			})
			.then(function (collection) {
				element.dataset.notifications = String(collection.features.length);
				if (collection.features.length === 0) {
					return;
				}
				var layer = L.geoJSON(collection, {
					style: function (feature) {
						var movement = feature.properties.kind === 'MOVEMENT';
						return {
							color: movement ? MOVEMENT_COLOUR : SITE_COLOUR,
							weight: movement ? 4 : 2,
							dashArray: movement ? '8 6' : null,
							fillOpacity: 0.25
						};
					},
					pointToLayer: function (feature, latlng) {
						return L.circleMarker(latlng, { radius: 8, color: SITE_COLOUR, weight: 3, fillOpacity: 0.4 });
					},
					onEachFeature: function (feature, featureLayer) {
						featureLayer.bindPopup(function () {
							return popup(feature);
						});
					}
				}).addTo(map);
				window.truceLayers.overlay('Notified sites and movements', layer, 40);
				element.dataset.layers = (element.dataset.layers ? element.dataset.layers + ' ' : '') + 'notifications';
			})
			.catch(function () {
				element.dataset.notifications = 'error';
			});
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', load);
	}
	else {
		load();
	}
})();
