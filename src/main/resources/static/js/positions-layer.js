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
		link.textContent = (p.label || window.TruceI18n.t('positions.unnamed')) + ' · ' + p.side;
		box.appendChild(link);
		var facts = document.createElement('p');
		facts.className = 'muted small';
		facts.textContent = window.truceLayers.time(p.from) + ' – ' + window.truceLayers.time(p.to);
		box.appendChild(facts);
		return box;
	}

	if (!window.truceLayers) {
		return;
	}
	window.truceLayers.geojson({
		url: '/api/map/positions',
		name: window.TruceI18n.t('positions.layer'),
		rank: 50,
		countKey: 'positions',
		// The public reads none: it is not asked.
		onlyIf: function () {
			return document.getElementById('signed-in-as') !== null;
		},
		style: { color: COLOUR, weight: 2, dashArray: '2 4', fillOpacity: 0.12 },
		pointToLayer: function (feature, latlng) {
			return L.circleMarker(latlng, { radius: 8, color: COLOUR, weight: 3, fillOpacity: 0.3 });
		},
		popup: popup
	});
})();
