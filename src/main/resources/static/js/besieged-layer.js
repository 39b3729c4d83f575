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
		var i18n = window.TruceI18n;
		facts.textContent = i18n.t('besieged.facts',
			i18n.t(p.status === 'BESIEGED' ? 'besieged.besieged' : 'besieged.hard-to-reach'),
			i18n.num(Number(p.population)), i18n.digits(p.asOf))
			+ (p.besiegers && p.besiegers.length ? i18n.t('besieged.by', p.besiegers.join(', ')) : '');
		box.appendChild(facts);
		return box;
	}

	if (!window.truceLayers) {
		return;
	}
	window.truceLayers.geojson({
		url: '/api/besieged-areas.geojson',
		name: window.TruceI18n.t('besieged.layer'),
		rank: 30,
		countKey: 'besieged',
		style: function (feature) {
			return { color: COLOURS[feature.properties.status] || '#555', weight: 2, fillOpacity: 0.15 };
		},
		popup: popup
	});
})();
