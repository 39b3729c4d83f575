// Notified sites and movements on the map, for readers who may read them (staff, the
// notifier, the liaisons of the parties concerned). The server answers everyone else with
// an empty collection, and then no layer is added.
(function () {
	'use strict';

	var SITE_COLOUR = '#2e7d32';
	var MOVEMENT_COLOUR = '#1565c0';

	function popup(p) {
		var box = document.createElement('div');
		box.className = 'notification-popup';
		var link = document.createElement('a');
		link.href = '/notifications/' + encodeURIComponent(p.id);
		link.textContent = p.name;
		box.appendChild(link);
		var facts = document.createElement('p');
		facts.className = 'muted small';
		var what = p.kind === 'SITE' ? p.siteKind : p.movementKind;
		var time = window.truceLayers.time;
		var window_ = p.from || p.to ? ' · ' + (p.from ? time(p.from) : '…') + ' – ' + (p.to ? time(p.to) : '…') : '';
		var label = window.TruceI18n.label;
		facts.textContent = label('notification.' + what, what) + ' · ' + label('notification.' + p.status, p.status)
			+ window_;
		box.appendChild(facts);
		return box;
	}

	if (!window.truceLayers) {
		return;
	}
	window.truceLayers.geojson({
		url: '/api/map/notifications',
		name: window.TruceI18n.t('notifications.layer'),
		rank: 40,
		countKey: 'notifications',
		loaded: 'notifications',
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
		popup: popup
	});
})();
