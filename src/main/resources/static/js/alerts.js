/*
 * Live proximity alerts on the map page, for signed-in staff and notifiers (and a side's
 * own declared positions' alerts for its liaison or co-chair): the newest from
 * GET /api/alerts, then each new one as it is raised, from the server-sent events of
 * GET /api/alerts/stream. An alert that carries the report's point is drawn there, one that
 * carries only the report's grid cell (a report the reader may not read) is drawn as that
 * cell; every alert is listed in the alerts box. Loaded after map.js (window.truceMap).
 */
(function () {
	'use strict';

	var READERS = ['monitor', 'co-chair', 'notifier', 'liaison'];
	var MAX_LISTED = 20;

	function reads(me) {
		return (me.roles || []).some(function (role) {
			return READERS.indexOf(String(role).split(':')[0]) >= 0;
		});
	}

	function whenMapReady(then) {
		if (window.truceMap) {
			then(window.truceMap);
		}
		else {
			window.setTimeout(function () { whenMapReady(then); }, 100);
		}
	}

	function text(tag, className, content) {
		var element = document.createElement(tag);
		if (className) {
			element.className = className;
		}
		element.textContent = content;
		return element;
	}

	/**
	 * The alert in words, as plain text: names come from notifiers and declaring sides, so
	 * they are only ever set as textContent (Leaflet reads a string tooltip as HTML: give it
	 * an element).
	 */
	function describe(alert) {
		var i18n = window.TruceI18n;
		var type = i18n.label('eventType.' + alert.eventType.toLowerCase(), alert.eventType.replace(/_/g, ' '));
		return i18n.t(alert.proximity === 'WITHIN' ? 'alerts.within' : 'alerts.possibly-within', type,
			i18n.num(alert.thresholdMetres), alert.place.kind.replace('-', ' '),
			alert.place.name ? ' "' + alert.place.name + '"' : '', distance(alert));
	}

	/**
	 * The distance as the reader may know it: exact, or, for a report it may not read
	 * (only its grid cell is given), the band found from the cell.
	 */
	function distance(alert) {
		if (alert.cell) {
			var i18n = window.TruceI18n;
			var band = alert.distanceBand ? i18n.t('alerts.band', i18n.num(alert.distanceBand.minMetres),
				i18n.num(alert.distanceBand.maxMetres)) : '';
			return band + i18n.t('alerts.cell', i18n.digits(alert.cell.south), i18n.digits(alert.cell.north),
				i18n.digits(alert.cell.west), i18n.digits(alert.cell.east));
		}
		return window.TruceI18n.t('alerts.metres', window.TruceI18n.num(alert.distanceMetres));
	}

	function start(map) {
		var box = document.createElement('section');
		box.id = 'alerts';
		box.className = 'alerts';
		box.setAttribute('aria-live', 'polite');
		box.appendChild(text('h2', null, window.TruceI18n.t('alerts.title')));
		var list = document.createElement('ol');
		list.className = 'alerts-list';
		box.appendChild(list);
		var status = text('p', 'alerts-status', window.TruceI18n.t('alerts.connecting'));
		box.appendChild(status);
		document.querySelector('main.layout').appendChild(box);
		var layer = L.featureGroup().addTo(map);
		if (window.truceLayers) {
			window.truceLayers.overlay(window.TruceI18n.t('alerts.title'), layer, 60);
		}
		var seen = {};

		function show(alert, fresh) {
			if (seen[alert.id]) {
				return;
			}
			seen[alert.id] = true;
			var item = text('li', 'alert alert-' + alert.proximity.toLowerCase().replace('_', '-')
				+ (fresh ? ' alert-fresh' : ''), describe(alert));
			item.setAttribute('data-alert', alert.id);
			if (alert.report) {
				item.title = window.TruceI18n.t('alerts.report', alert.report);
			}
			// When it was raised, visibly: local time with its offset, then UTC.
			item.appendChild(text('span', 'alert-time muted small',
				window.TruceI18n.t('alerts.raised', window.truceLayers.time(alert.raisedAt))));
			if (fresh) {
				list.insertBefore(item, list.firstChild);
			}
			else {
				list.appendChild(item);
			}
			while (list.children.length > MAX_LISTED) {
				list.removeChild(list.lastChild);
			}
			if (alert.where) {
				L.circleMarker([alert.where.latitude, alert.where.longitude], {
					radius: 9, color: '#b71c1c', weight: 3, fillOpacity: 0.2, className: 'alert-marker'
				}).bindTooltip(text('span', null, describe(alert))).addTo(layer);
			}
			else if (alert.cell) {
				// Only the report's grid cell may be shown: the cell, not a point in it.
				L.rectangle([[alert.cell.south, alert.cell.west], [alert.cell.north, alert.cell.east]], {
					color: '#b71c1c', weight: 1, dashArray: '4 4', fillOpacity: 0.08, className: 'alert-cell'
				}).bindTooltip(text('span', null, describe(alert))).addTo(layer);
			}
		}

		fetch('/api/alerts?limit=' + MAX_LISTED, { headers: { Accept: 'application/json' } })
			.then(function (response) { return response.ok ? response.json() : { items: [] }; })
			.then(function (body) { body.items.forEach(function (a) { show(a, false); }); });

		var source = new EventSource('/api/alerts/stream');
		source.addEventListener('open', function () {
			status.textContent = window.TruceI18n.t('alerts.connected');
		});
		source.addEventListener('alert', function (event) {
			show(JSON.parse(event.data), true);
		});
		source.addEventListener('error', function () {
			status.textContent = window.TruceI18n.t('alerts.reconnecting');
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		if (!document.getElementById('signed-in-as')) {
			return; // nobody is signed in: the public reads no alerts
		}
		fetch('/api/me', { headers: { Accept: 'application/json' } })
			.then(function (response) { return response.ok ? response.json() : null; })
			.then(function (me) {
				if (me && reads(me)) {
					whenMapReady(start);
				}
			})
			.catch(function () { /* not signed in: no alerts */ });
	});
})();
