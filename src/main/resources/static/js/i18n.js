// The strings the scripts show, in the page's language: the layout puts them on
// <div id="script-messages" data-messages>, last in the page (the js.* keys of messages*.properties, see docs/languages.md).
// t('key', a, b) gives the string with {0}, {1} replaced; num(n) writes a number in the
// page's digits and language.
(function () {
	'use strict';
	let strings = null;
	function load() {
		if (strings === null) {
			try {
				const holder = document.getElementById('script-messages');
				strings = JSON.parse((holder && holder.dataset.messages) || '{}');
			} catch (e) {
				strings = {};
			}
		}
		return strings;
	}
	function t(key) {
		const args = Array.prototype.slice.call(arguments, 1);
		const s = load()[key];
		if (s === undefined) {
			return key;
		}
		return s.replace(/\{(\d+)\}/g, (m, i) => (args[i] === undefined ? m : String(args[i])));
	}
	function locale() {
		const lang = document.documentElement.lang || 'en';
		const digits = document.body && document.body.dataset.digits === 'arab' ? 'arab' : 'latn';
		return lang + '-u-nu-' + digits;
	}
	function num(n, places) {
		const p = places || 0;
		return Number(n).toLocaleString(locale(), { minimumFractionDigits: p, maximumFractionDigits: p });
	}
	function digits(text) {
		if (text == null || !(document.body && document.body.dataset.digits === 'arab')) {
			return text;
		}
		return String(text).replace(/[0-9]/g, d => String.fromCharCode(0x0660 + Number(d)));
	}
	// The label a key names, or the fallback (the API's English) when there is none.
	function label(key, fallback) {
		const s = load()[key];
		return s === undefined ? fallback : s;
	}
	// A map control's corner, mirrored on a right-to-left page: what sits on the left in
	// English sits on the right in Arabic, and the other way round.
	function side(position) {
		if (document.documentElement.dir !== 'rtl') {
			return position;
		}
		return position.replace(/left|right/, m => (m === 'left' ? 'right' : 'left'));
	}
	window.TruceI18n = { t: t, num: num, digits: digits, locale: locale, label: label, side: side };
}());
