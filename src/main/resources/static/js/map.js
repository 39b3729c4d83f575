/*
 * Truce map page. Everything comes from this server: the scenario's view and base layers
 * (#map's data-scenario, as GET /api/scenario gives it, and /layers/*.geojson), the report points (/api/map/reports), the event types (/api/event-types) and each
 * report's panel (/reports/{id}/panel, an HTML fragment swapped in with htmx).
 * No tiles, no CDN: the page works without internet.
 */
(function () {
	'use strict';

	// Visible strings and numbers in the page's language (i18n.js); map controls mirrored
	// on a right-to-left page.
	var t = window.TruceI18n.t;
	var num = window.TruceI18n.num;
	var side = window.TruceI18n.side;

	var CATEGORY_COLOURS = {
		battles: '#c62828',
		explosions_remote_violence: '#ef6c00',
		violence_against_civilians: '#6a1b9a',
		protests: '#1565c0',
		riots: '#795548',
		strategic_developments: '#2e7d32',
		ceasefire: '#00838f'
	};
	var FALLBACK_COLOUR = '#455a64';

	var mapElement = document.getElementById('map');
	var scenario = JSON.parse(mapElement.dataset.scenario);
	// [west, south, east, north]
	var scenarioBounds = L.latLngBounds([scenario.bounds[1], scenario.bounds[0]],
		[scenario.bounds[3], scenario.bounds[2]]);
	var countElement = document.getElementById('count');
	var panel = document.getElementById('panel');
	var fromInput = document.getElementById('from');
	var toInput = document.getElementById('to');
	var typeSelect = document.getElementById('type');
	var agreementSelect = document.getElementById('agreement');
	var OUTCOME_COLOURS = { VIOLATION: '#c62828', UNDETERMINED: '#f9a825', NO_VIOLATION: '#9e9e9e' };
	var agreementView = { id: null, outcomes: null, overlays: [], legend: null };

	// One canvas for every vector layer: the base map and thousands of points stay fast,
	// and the points, drawn last, receive the clicks.
	var renderer = L.canvas({ padding: 0.3, tolerance: 4 });
	var map = L.map(mapElement, {
		renderer: renderer,
		preferCanvas: true,
		zoomSnap: 0.25,
		minZoom: 5,
		maxZoom: 14,
		maxBounds: scenarioBounds.pad(1.2),
		attributionControl: false,
		zoomControl: false
	});
	L.control.zoom({ position: side('topleft') }).addTo(map);
	map.fitBounds(scenarioBounds, { padding: [28, 28] });
	window.truceMap = map;

	// One layer switcher for the whole map. Every layer registers into it, from this file
	// or from another script (window.truceLayers), instead of adding a switcher of its own.
	// Entries are listed by rank, whichever loads first: the base map's 10-19, the reports
	// 20, the other scripts' layers 30-99, any layer registered without a rank after them.
	var layerRanks = {};
	var nextRank = 100;
	var layerControl = L.control.layers(null, null, {
		position: side('topright'),
		collapsed: true,
		sortLayers: true,
		sortFunction: function (layerA, layerB, nameA, nameB) {
			return layerRanks[nameA] - layerRanks[nameB];
		}
	}).addTo(map);

	function registerLayer(kind, name, layer, rank) {
		layerRanks[name] = rank === undefined ? nextRank++ : rank;
		if (kind === 'base') {
			layerControl.addBaseLayer(layer, name);
		}
		else {
			layerControl.addOverlay(layer, name);
		}
		return layer;
	}

	// An instant as the pages write it (PageTimes, ScenarioZone): the date and time in the
	// scenario's zone, which the page gives as data-time-zone on its body, with the offset
	// then in force, and the same in UTC:
	// "19 Sep 2016, 20:30 Asia/Damascus (UTC+3) · 2016-09-19 17:30 UTC".
	var timeZone = document.body.getAttribute('data-time-zone') || 'UTC';
	var utcOnly = timeZone === 'UTC' || timeZone === 'Z' || timeZone === 'Etc/UTC';
	var timeFormat = new Intl.DateTimeFormat(window.TruceI18n.locale(), {
		timeZone: timeZone, day: 'numeric', month: 'short', year: 'numeric',
		hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'shortOffset'
	});

	function pad(n) {
		return (n < 10 ? '0' : '') + n;
	}

	function utcTime(date) {
		return window.TruceI18n.digits(date.getUTCFullYear() + '-' + pad(date.getUTCMonth() + 1) + '-' +
			pad(date.getUTCDate()) + ' ' + pad(date.getUTCHours()) + ':' + pad(date.getUTCMinutes())) + ' UTC';
	}

	function localTime(iso) {
		var date = new Date(iso);
		if (isNaN(date.getTime())) {
			return String(iso);
		}
		var parts = {};
		timeFormat.formatToParts(date).forEach(function (p) { parts[p.type] = p.value; });
		if (utcOnly) {
			return parts.day + ' ' + parts.month + ' ' + parts.year + ', ' + parts.hour + ':' + parts.minute + ' UTC';
		}
		// Intl writes the offset as "GMT+3"; the pages write "UTC+3" (nothing for GMT+0).
		var offset = window.TruceI18n.digits((parts.timeZoneName || '').replace(/^(GMT|غرينتش|ت\.غ\.م)/, 'UTC'));
		if (offset === 'UTC') {
			offset = 'UTC+0';
		}
		return parts.day + ' ' + parts.month + ' ' + parts.year + ', ' + parts.hour + ':' + parts.minute
			+ ' ' + timeZone + (offset ? ' (' + offset + ')' : '') + ' · ' + utcTime(date);
	}

	window.truceLayers = {
		/** Adds a layer the reader can switch on and off; returns it. */
		overlay: function (name, layer, rank) {
			return registerLayer('overlay', name, layer, rank);
		},
		/** Adds a base layer, one of which is shown at a time; returns it. */
		base: function (name, layer, rank) {
			return registerLayer('base', name, layer, rank);
		},
		control: layerControl,
		geojson: geojsonOverlay,
		/** An ISO 8601 instant as the pages write it: local with its offset, then UTC. */
		time: localTime
	};

	var loadedLayers = [];
	var reportsLayer = window.truceLayers.overlay(t('layer.reports'), L.featureGroup(), 20);
	var selection = { marker: null, circle: null, id: null };
	var categoryLabels = {};
	var dataExtent = null;
	var requestSeq = 0;

	function fetchJson(url) {
		return fetch(url, { headers: { Accept: 'application/geo+json, application/json' } }).then(function (response) {
			return response.json().then(function (body) {
				if (!response.ok) {
					var error = new Error(body && body.detail ? body.detail : 'HTTP ' + response.status);
					error.problem = body;
					throw error;
				}
				return body;
			});
		});
	}

	function markLayerLoaded(name) {
		loadedLayers.push(name);
		mapElement.dataset.layers = loadedLayers.join(' ');
	}

	/**
	 * A layer of another script, fetched from options.url (a GeoJSON collection) and drawn
	 * unless empty, with options.style and options.pointToLayer, a popup built by
	 * options.popup(properties) on each feature, registered as the overlay options.name at
	 * options.rank. #map's data-{options.countKey} holds the number of features, or 'error'
	 * if they could not be drawn; a refusal reads as none. With options.onlyIf false
	 * nothing is fetched and the count is 0. options.loaded, if given, is added to
	 * data-layers once drawn. Resolves to the layer, or null when none was added.
	 */
	function geojsonOverlay(options) {
		var count = function (value) {
			mapElement.dataset[options.countKey] = value;
		};
		if (options.onlyIf && !options.onlyIf()) {
			count('0');
			return Promise.resolve(null);
		}
		return fetch(options.url, { headers: { Accept: 'application/geo+json, application/json' } })
			.then(function (response) {
				return response.ok ? response.json() : { features: [] };
			})
			.then(function (collection) {
				count(String(collection.features.length));
				if (collection.features.length === 0) {
					return null;
				}
				var layerOptions = {
					onEachFeature: function (feature, featureLayer) {
						featureLayer.bindPopup(function () {
							return options.popup(feature.properties);
						});
					}
				};
				if (options.style) {
					layerOptions.style = options.style;
				}
				if (options.pointToLayer) {
					layerOptions.pointToLayer = options.pointToLayer;
				}
				var layer = L.geoJSON(collection, layerOptions).addTo(map);
				registerLayer('overlay', options.name, layer, options.rank);
				if (options.loaded) {
					markLayerLoaded(options.loaded);
				}
				return layer;
			})
			.catch(function () {
				count('error');
				return null;
			});
	}

	function nameTooltip(feature) {
		var p = feature.properties || {};
		return p.nameAr ? p.name + ' · <span lang="ar" dir="rtl">' + p.nameAr + '</span>' : p.name;
	}

	/** The scenario's first base layer of the role, or null. */
	function baseLayer(role) {
		return scenario.layers.filter(function (layer) {
			return layer.role === role;
		})[0] || null;
	}

	function fetchBaseLayer(layer) {
		return layer ? fetchJson(layer.url) : Promise.resolve(null);
	}

	/**
	 * The scenario's base layers, drawn as their roles say, bottom up: the countries around
	 * (context), the scenario's country, its regions with their names, and districts fetched
	 * when the reader switches them on.
	 */
	function addBaseLayers() {
		var context = baseLayer('context');
		var country = baseLayer('country');
		var regions = baseLayer('regions');
		var districts = baseLayer('districts');
		return Promise.all([fetchBaseLayer(context), fetchBaseLayer(country), fetchBaseLayer(regions)])
			.then(function (results) {
				if (results[0]) {
					// The scenario's own country is drawn here too, under its country layer: where
					// their borders differ it fills the slivers as land rather than leaving
					// sea-coloured gaps. The server labels only the countries to name.
					L.geoJSON(results[0], {
						style: { color: '#b9b6ae', weight: 1, fillColor: '#e4e1d8', fillOpacity: 1 },
						onEachFeature: function (feature, layer) {
							layer.bindTooltip(feature.properties.name, { sticky: true, className: 'area-tooltip' });
						}
					}).addTo(map);
					labels(results[0], 'country-label').addTo(map);
					markLayerLoaded(context.name);
				}
				if (results[1]) {
					L.geoJSON(results[1], {
						style: { color: '#5f6368', weight: 2.2, fillColor: '#fbfaf7', fillOpacity: 1 },
						interactive: false
					}).addTo(map);
					markLayerLoaded(country.name);
				}
				if (results[2]) {
					addRegions(regions, results[2]);
				}
				if (districts) {
					addDistricts(districts);
				}
			});
	}

	function addRegions(regions, data) {
		var admin1 = L.geoJSON(data, {
			style: { color: '#9e9a90', weight: 1, fill: true, fillColor: '#ffffff', fillOpacity: 0 },
			onEachFeature: function (feature, layer) {
				layer.bindTooltip(nameTooltip(feature), { sticky: true, className: 'area-tooltip' });
				layer.on('mouseover', function () {
					layer.setStyle({ weight: 2, color: '#5f6368' });
				});
				layer.on('mouseout', function () {
					layer.setStyle({ weight: 1, color: '#9e9a90' });
				});
			}
		}).addTo(map);
		var admin1Labels = labels(data, 'area-label').addTo(map);
		markLayerLoaded(regions.name);
		window.truceLayers.overlay(regions.title || regions.name, admin1, 10);
		window.truceLayers.overlay(regions.labelsTitle || t('layer.names', regions.name), admin1Labels, 11);
	}

	function addDistricts(districts) {
		var layer = L.geoJSON(null, {
			style: { color: '#c5c1b6', weight: 0.6, dashArray: '2 3', fill: false },
			interactive: false
		});
		window.truceLayers.overlay(districts.title || districts.name, layer, 12);
		map.on('overlayadd', function (event) {
			if (event.layer === layer && !layer.getLayers().length) {
				fetchJson(districts.url).then(function (data) {
					layer.addData(data);
					markLayerLoaded(districts.name);
				});
			}
		});
	}

	/** Names written at each feature's label point (computed by the server, inside the feature). */
	function labels(collection, className) {
		var group = L.layerGroup();
		collection.features.forEach(function (feature) {
			var at = feature.properties.label;
			if (at) {
				group.addLayer(L.tooltip([at[1], at[0]], {
					content: feature.properties.name,
					permanent: true,
					direction: 'center',
					className: 'map-label ' + className,
					interactive: false
				}));
			}
		});
		return group;
	}

	function colour(category) {
		return CATEGORY_COLOURS[category] || FALLBACK_COLOUR;
	}

	/** With an agreement chosen, a point shows its most serious finding; otherwise its category. */
	function pointColour(feature) {
		if (agreementView.outcomes) {
			return OUTCOME_COLOURS[agreementView.outcomes[feature.id]] || '#ffffff';
		}
		return colour(feature.properties.category);
	}

	function loadAgreements() {
		return fetchJson('/api/agreements').then(function (agreements) {
			agreements.forEach(function (a) {
				var option = document.createElement('option');
				option.value = a.id;
				option.textContent = a.title || a.id;
				agreementSelect.appendChild(option);
			});
		});
	}

	/** Draws the chosen agreement's zones and mingled areas and colours points by their findings. */
	function showAgreement(id) {
		agreementView.overlays.forEach(function (layer) {
			map.removeLayer(layer);
		});
		if (agreementView.legend) {
			map.removeControl(agreementView.legend);
		}
		agreementView = { id: id || null, outcomes: null, overlays: [], legend: null };
		if (!id) {
			delete mapElement.dataset.agreement;
			recolour();
			return Promise.resolve();
		}
		var base = '/api/agreements/' + encodeURIComponent(id);
		return Promise.all([fetchJson(base + '/zones'), fetchJson(base + '/mingled'),
			fetchJson(base + '/incident-outcomes')]).then(function (results) {
			if (agreementView.id !== id) {
				return;
			}
			var zones = L.geoJSON(results[0], {
				renderer: renderer,
				style: { color: '#1565c0', weight: 1.5, dashArray: '6 3', fillColor: '#1565c0', fillOpacity: 0.06 },
				onEachFeature: function (feature, layer) {
					layer.bindTooltip(t('zone', feature.properties.name || feature.properties.id), { sticky: true });
				}
			}).addTo(map);
			var mingled = L.geoJSON(results[1], {
				renderer: renderer,
				style: { color: '#6a1b9a', weight: 1, fillColor: '#6a1b9a', fillOpacity: 0.25 },
				onEachFeature: function (feature, layer) {
					var p = feature.properties;
					layer.bindTooltip(t('mingled', p.party, p.excluded), { sticky: true });
				}
			}).addTo(map);
			agreementView.overlays = [zones, mingled];
			agreementView.outcomes = results[2];
			reportsLayer.eachLayer(function (marker) {
				marker.bringToFront();
			});
			recolour();
			agreementView.legend = outcomeLegend();
			mapElement.dataset.agreement = id;
			mapElement.dataset.zones = String(results[0].features.length);
			mapElement.dataset.mingled = String(results[1].features.length);
		});
	}

	function recolour() {
		reportsLayer.eachLayer(function (marker) {
			marker.setStyle({ fillColor: pointColour(marker.feature) });
		});
	}

	function outcomeLegend() {
		var legend = L.control({ position: side('bottomleft') });
		legend.onAdd = function () {
			var box = L.DomUtil.create('div', 'legend');
			L.DomUtil.create('p', 'legend-title', box).textContent = t('legend.finding');
			var list = L.DomUtil.create('ul', '', box);
			[['violation', t('legend.violation')], ['undetermined', t('legend.undetermined')],
				['no-violation', t('legend.no-violation')], ['none', t('legend.none')]].forEach(function (entry) {
				var item = L.DomUtil.create('li', '', list);
				L.DomUtil.create('span', 'swatch outcome-' + entry[0], item).setAttribute('aria-hidden', 'true');
				item.appendChild(document.createTextNode(entry[1]));
			});
			L.DomEvent.disableClickPropagation(box);
			return box;
		};
		legend.addTo(map);
		return legend;
	}

	// "{0} report shown" or "{0} reports shown": the key's .one for one, else its .other
	// (Arabic and Russian word them so that one form serves every number).
	function plural(key, n) {
		var args = [key + (n === 1 ? '.one' : '.other'), num(n)].concat(Array.prototype.slice.call(arguments, 2));
		return t.apply(null, args);
	}

	function showCount(body) {
		var aggregates = body.leftOut ? body.leftOut.countryAggregates : 0;
		var overLimit = body.leftOut ? body.leftOut.overLimit : 0;
		var text = plural('count.reports', body.shown) + ' ' + plural('count.aggregates', aggregates);
		if (overLimit > 0) {
			text += ' · ' + plural('count.over-limit', overLimit, num(body.limit));
		} else if (body.truncated) {
			text += ' · ' + t('count.over-limit-unknown', num(body.limit));
		}
		if (body.coarsened > 0) {
			text += ' · ' + plural('count.coarsened', body.coarsened, window.TruceI18n.digits(body.coarsenedDegrees));
		}
		countElement.textContent = text;
		countElement.title = body.note || '';
		countElement.classList.remove('count-error');
	}

	function showError(message) {
		countElement.textContent = message;
		countElement.title = '';
		countElement.classList.add('count-error');
	}

	function query() {
		var params = new URLSearchParams();
		if (fromInput.value) {
			params.set('from', fromInput.value);
		}
		if (toInput.value) {
			params.set('to', toInput.value);
		}
		if (typeSelect.value) {
			params.set('type', typeSelect.value);
		}
		var text = params.toString();
		return '/api/map/reports' + (text ? '?' + text : '');
	}

	function loadReports() {
		var seq = ++requestSeq;
		mapElement.dataset.loading = 'true';
		countElement.textContent = t('loading-reports');
		return fetchJson(query()).then(function (body) {
			if (seq !== requestSeq) {
				return;
			}
			if (!dataExtent && body.extent) {
				dataExtent = body.extent;
				applyExtent();
			}
			drawReports(body);
			showCount(body);
		}).catch(function (error) {
			if (seq === requestSeq) {
				showError(t('error.reports', error.message));
			}
		}).then(function () {
			if (seq === requestSeq) {
				delete mapElement.dataset.loading;
			}
		});
	}

	function applyExtent() {
		if (!dataExtent) {
			return;
		}
		fromInput.value = dataExtent.from;
		toInput.value = dataExtent.to;
		fromInput.min = toInput.min = dataExtent.from;
		fromInput.max = toInput.max = dataExtent.to;
	}

	function drawReports(body) {
		reportsLayer.clearLayers();
		var selectedStillShown = false;
		body.features.forEach(function (feature) {
			var c = feature.geometry.coordinates;
			var marker = L.circleMarker([c[1], c[0]], {
				renderer: renderer,
				radius: 4,
				weight: 0.6,
				color: '#ffffff',
				fillColor: pointColour(feature),
				fillOpacity: 0.8
			});
			marker.feature = feature;
			marker.on('click', function () {
				select(marker);
			});
			reportsLayer.addLayer(marker);
			if (feature.id === selection.id) {
				selectedStillShown = true;
				highlight(marker);
			}
		});
		if (!map.hasLayer(reportsLayer)) {
			reportsLayer.addTo(map);
		}
		if (!selectedStillShown) {
			clearSelection(false);
		}
		mapElement.dataset.markers = String(body.features.length);
	}

	function highlight(marker) {
		if (selection.marker && selection.marker !== marker) {
			selection.marker.setStyle({ radius: 4, weight: 0.6, color: '#ffffff' });
		}
		selection.marker = marker;
		marker.setStyle({ radius: 7, weight: 2.5, color: '#111111' });
		marker.bringToFront();
	}

	function select(marker) {
		var feature = marker.feature;
		selection.id = feature.id;
		highlight(marker);
		if (selection.circle) {
			map.removeLayer(selection.circle);
		}
		selection.circle = L.circle(marker.getLatLng(), {
			renderer: renderer,
			radius: feature.properties.uncertaintyM,
			color: colour(feature.properties.category),
			weight: 1.5,
			dashArray: '5 4',
			fillOpacity: 0.08,
			interactive: false
		}).addTo(map);
		marker.bringToFront();
		mapElement.dataset.selected = feature.id;
		panel.classList.add('panel-open');
		htmx.ajax('GET', '/reports/' + encodeURIComponent(feature.id) + '/panel', { target: '#panel', swap: 'innerHTML' });
	}

	function clearSelection(resetPanel) {
		if (selection.circle) {
			map.removeLayer(selection.circle);
		}
		selection = { marker: null, circle: null, id: null };
		delete mapElement.dataset.selected;
		if (resetPanel) {
			panel.classList.remove('panel-open');
			panel.innerHTML = '';
			var empty = document.createElement('div');
			empty.className = 'panel-empty';
			var heading = document.createElement('h2');
			heading.textContent = t('no-report');
			var hint = document.createElement('p');
			hint.textContent = t('no-report-hint');
			empty.appendChild(heading);
			empty.appendChild(hint);
			panel.appendChild(empty);
		}
	}

	function loadEventTypes() {
		return fetchJson('/api/event-types').then(function (types) {
			var groups = {};
			var order = [];
			types.forEach(function (type) {
				if (!groups[type.categoryCode]) {
					groups[type.categoryCode] = document.createElement('optgroup');
					groups[type.categoryCode].label = window.TruceI18n.label('eventCategory.' + type.categoryCode,
						type.category);
					order.push(type.categoryCode);
					categoryLabels[type.categoryCode] = groups[type.categoryCode].label;
				}
				var option = document.createElement('option');
				option.value = type.code;
				option.textContent = window.TruceI18n.label('eventType.' + type.code, type.label);
				groups[type.categoryCode].appendChild(option);
			});
			order.forEach(function (code) {
				typeSelect.appendChild(groups[code]);
			});
			return order;
		});
	}

	function addLegend(categories) {
		var legend = L.control({ position: side('bottomright') });
		legend.onAdd = function () {
			var box = L.DomUtil.create('div', 'legend');
			var title = L.DomUtil.create('p', 'legend-title', box);
			title.textContent = t('legend.category');
			var list = L.DomUtil.create('ul', '', box);
			categories.forEach(function (code) {
				var item = L.DomUtil.create('li', '', list);
				var swatch = L.DomUtil.create('span', 'swatch cat-' + code, item);
				swatch.setAttribute('aria-hidden', 'true');
				item.appendChild(document.createTextNode(categoryLabels[code]));
			});
			L.DomEvent.disableClickPropagation(box);
			return box;
		};
		legend.addTo(map);
	}

	document.getElementById('filters').addEventListener('change', function (event) {
		if (event.target === agreementSelect) {
			showAgreement(agreementSelect.value).catch(function (error) {
				showError(t('error.agreement', error.message));
			});
			return;
		}
		loadReports();
	});
	document.getElementById('filters').addEventListener('submit', function (event) {
		event.preventDefault();
	});
	document.getElementById('reset').addEventListener('click', function () {
		typeSelect.value = '';
		applyExtent();
		loadReports();
	});
	panel.addEventListener('click', function (event) {
		if (event.target.closest('.close')) {
			clearSelection(true);
		}
	});
	document.body.addEventListener('htmx:responseError', function (event) {
		if (event.detail.target === panel) {
			panel.textContent = t('error.report', event.detail.xhr.status);
		}
	});
	document.addEventListener('keydown', function (event) {
		if (event.key === 'Escape' && selection.id) {
			clearSelection(true);
		}
	});

	Promise.all([addBaseLayers(), loadEventTypes(), loadAgreements()]).then(function (results) {
		addLegend(results[1]);
	}).catch(function (error) {
		showError(t('error.base-map', error.message));
	}).then(loadReports);
})();
