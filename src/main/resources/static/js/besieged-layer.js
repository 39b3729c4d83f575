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

	if (!window.truceLayers) {
		return;
	}
	window.truceLayers.geojson({
		url: '/api/besieged-areas.geojson',
		name: 'Besieged and hard-to-reach areas',
		rank: 30,
		countKey: 'besieged',
		style: function (feature) {
			return { color: COLOURS[feature.properties.status] || '#555', weight: 2, fillOpacity: 0.15 };
		},
		popup: popup
	});
})();
