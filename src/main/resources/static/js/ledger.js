// Truce: the integrity page. Checks, in the reader's browser and with WebCrypto only, what
// the server says: a report's ledger entry hashes to its leaf, each group of the report's
// fields disclosed to this reader opens the entry's salted commitment to it, the leaf's
// inclusion proof leads to the root of a checkpoint (RFC 9162 §2.1.3.2), and that
// checkpoint carries the log's Ed25519 signature and the witnesses' cosignatures
// (c2sp.org signed-note, tlog-checkpoint, tlog-cosignature). No inline script: a strict
// CSP may forbid them.
'use strict';

(() => {
	const page = document.getElementById('ledger');
	if (!page) {
		return;
	}
	const ORIGIN = page.dataset.origin;
	const LOG_KEY = page.dataset.logKey;
	// The checks themselves are tlog.js's, loaded before this script.
	const { subtle, encoder, Failure, toBase64, same, leafHash, hash32, canonical, commitment,
		rootFromInclusionProof, parseNote, parseCheckpoint, checkSignatures } = window.TruceLog;
	// The page's strings, in its language (i18n.js).
	const t = window.TruceI18n.t;

	// ---- the newest checkpoint, at the top -------------------------------------------

	const SIGNATURE_WORDS = {
		valid: t('ledger.sig.valid'),
		invalid: t('ledger.sig.invalid'),
		missing: t('ledger.sig.missing'),
		unchecked: t('ledger.sig.unchecked'),
	};

	async function checkNewestCheckpoint() {
		const noteElement = document.getElementById('checkpoint-note');
		const logSignature = document.getElementById('log-signature');
		if (!noteElement || !logSignature) {
			return;
		}
		if (!subtle) {
			show(logSignature, 'unchecked', t('ledger.no-webcrypto'));
			return;
		}
		try {
			const note = parseNote(noteElement.textContent);
			const result = await checkSignatures(note, LOG_KEY);
			show(logSignature, result.state, SIGNATURE_WORDS[result.state]);
			for (const side of document.querySelectorAll('.side[data-cosigned="true"]')) {
				const check = side.querySelector('.check');
				const cosigned = await checkSignatures(note, side.dataset.witnessKey);
				show(check, cosigned.state, cosigned.state === 'valid' ? t('ledger.cosig-checked')
						: t('ledger.cosig-state', SIGNATURE_WORDS[cosigned.state] || cosigned.state));
			}
		}
		catch (e) {
			show(logSignature, 'invalid', t('ledger.unreadable', e.message));
		}
	}

	function show(element, state, text) {
		element.dataset.state = state;
		element.textContent = text;
	}

	// ---- a report's inclusion proof ----------------------------------------------------

	const form = document.getElementById('verify-form');
	const input = document.getElementById('report-id');
	const result = document.getElementById('result');
	const verdict = document.getElementById('verdict');
	const steps = document.getElementById('steps');
	const entryDetails = document.getElementById('entry-details');
	const entryText = document.getElementById('entry-text');
	const commitmentsBox = document.getElementById('commitments-box');
	const commitmentList = document.getElementById('commitments');
	let run = 0;

	/** A step; hash is bytes (shown in base64) or a hex string. */
	function step(state, text, hash) {
		const li = document.createElement('li');
		li.className = 'step step-' + state;
		li.appendChild(document.createTextNode(text));
		if (hash) {
			li.appendChild(document.createTextNode(' '));
			const code = document.createElement('code');
			code.className = 'hash';
			code.textContent = typeof hash === 'string' ? hash : toBase64(hash);
			li.appendChild(code);
		}
		steps.appendChild(li);
	}

	/** Lists the entry's commitments, each not opened until a disclosure is checked. */
	function showCommitments(commitments) {
		commitmentList.replaceChildren();
		const items = {};
		for (const group of Object.keys(commitments).sort()) {
			const li = document.createElement('li');
			li.className = 'commitment';
			li.dataset.group = group;
			li.dataset.state = 'closed';
			const name = document.createElement('strong');
			name.textContent = group;
			const hex = document.createElement('code');
			hex.className = 'hash';
			hex.textContent = String(commitments[group]);
			const state = document.createElement('span');
			state.className = 'opening';
			state.textContent = t('ledger.not-disclosed');
			li.append(name, ': ', hex, ' ', state);
			commitmentList.appendChild(li);
			items[group] = li;
		}
		commitmentsBox.hidden = Object.keys(items).length === 0;
		return items;
	}

	function showOpened(item, disclosure) {
		item.dataset.state = 'opened';
		item.querySelector('.opening').textContent = t('ledger.disclosed');
		const value = document.createElement('pre');
		value.className = 'disclosed-value';
		value.textContent = JSON.stringify(disclosure.value, null, 2);
		item.appendChild(value);
	}

	function setVerdict(state, text) {
		verdict.dataset.verdict = state;
		verdict.textContent = text;
	}

	async function fetchProof(id, mine) {
		for (let attempt = 0; attempt < 15; attempt++) {
			const response = await fetch('/api/reports/' + encodeURIComponent(id) + '/proof',
					{ headers: { Accept: 'application/json' } });
			if (response.status !== 409) {
				return response;
			}
			setVerdict('pending', t('ledger.waiting'));
			await new Promise((resolve) => setTimeout(resolve, 2000));
			if (mine !== run) {
				return null;
			}
		}
		return fetch('/api/reports/' + encodeURIComponent(id) + '/proof');
	}

	async function verifyReport(id) {
		const mine = ++run;
		result.hidden = false;
		steps.replaceChildren();
		entryDetails.hidden = true;
		commitmentsBox.hidden = true;
		setVerdict('pending', t('ledger.checking'));
		if (!subtle) {
			setVerdict('unavailable', t('ledger.nothing-checked'));
			return;
		}
		const response = await fetchProof(id, mine);
		if (response === null || mine !== run) {
			return;
		}
		if (!response.ok) {
			let detail = response.status + ' ' + response.statusText;
			try {
				detail = (await response.json()).detail || detail;
			}
			catch (e) {
				// not a problem document
			}
			setVerdict('unavailable', t('ledger.no-proof', detail));
			return;
		}
		try {
			const proof = await response.json();
			const outcome = await check(id, proof);
			if (mine === run) {
				setVerdict('verified', outcome);
			}
		}
		catch (e) {
			if (mine !== run) {
				return;
			}
			if (!e.shown) {
				step('fail', t('ledger.uncheckable', e.message));
			}
			setVerdict('not-verified', t('ledger.not-verified', e.message));
		}
	}

	/** Every check, each shown as a step; throws a Failure at the first that fails. */
	async function check(id, proof) {
		const fail = (text) => {
			step('fail', text.charAt(0).toUpperCase() + text.substring(1) + '.');
			const failure = new Failure(text);
			failure.shown = true;
			throw failure;
		};
		if (!proof || typeof proof.entry !== 'object' || typeof proof.entry.entry !== 'string'
				|| !Number.isSafeInteger(proof.index) || !Number.isSafeInteger(proof.size) || !Array.isArray(proof.proof)
				|| typeof proof.checkpoint !== 'string') {
			fail(t('ledger.not-a-proof'));
		}
		const index = BigInt(proof.index);
		const size = BigInt(proof.size);

		// 1. The entry is about this report, and hashes to the leaf.
		const entryBytes = encoder.encode(proof.entry.entry);
		entryText.textContent = proof.entry.entry;
		entryDetails.hidden = false;
		let entry;
		try {
			entry = JSON.parse(proof.entry.entry);
		}
		catch (e) {
			fail(t('ledger.entry-not-json'));
		}
		if (entry.kind !== 'report' || entry.subject !== id) {
			fail(t('ledger.entry-other', entry.kind, entry.subject, id));
		}
		step('ok', t('ledger.entry-ok', id, entryBytes.length));
		const leaf = await leafHash(entryBytes);
		if (!same(leaf, hash32(proof.leafHash, t('ledger.the-leaf-hash')))) {
			fail(t('ledger.leaf-wrong', toBase64(leaf)));
		}
		step('ok', t('ledger.leaf-ok'), leaf);

		// 1b. Each group of fields disclosed to this reader opens the entry's commitment.
		const commitments = entry.body && typeof entry.body.commitments === 'object' && entry.body.commitments !== null
			? entry.body.commitments : {};
		const disclosures = proof.entry.disclosures === undefined ? [] : proof.entry.disclosures;
		if (!Array.isArray(disclosures)) {
			fail(t('ledger.disclosures-not-list'));
		}
		const items = showCommitments(commitments);
		for (const d of disclosures) {
			if (d === null || typeof d !== 'object' || typeof d.group !== 'string' || typeof d.salt !== 'string'
					|| !('value' in d)) {
				fail(t('ledger.disclosure-shape'));
			}
			if (typeof commitments[d.group] !== 'string') {
				fail(t('ledger.disclosure-unknown', d.group));
			}
			if (!/^[A-Za-z0-9_-]+$/.test(d.salt)) {
				fail(t('ledger.salt', d.group));
			}
			const computed = await commitment(d);
			if (computed !== commitments[d.group]) {
				items[d.group].dataset.state = 'invalid';
				items[d.group].querySelector('.opening').textContent = t('ledger.does-not-open');
				fail(t('ledger.commitment-wrong', d.group, computed, commitments[d.group]));
			}
			showOpened(items[d.group], d);
			step('ok', t('ledger.commitment-ok', d.group), computed);
		}
		const closed = Object.keys(commitments).filter((g) => !disclosures.some((d) => d.group === g));
		if (closed.length > 0) {
			step('info', t('ledger.closed', closed.join(', ')));
		}

		// 2. The checkpoint the proof is for.
		const note = parseNote(proof.checkpoint);
		const checkpoint = parseCheckpoint(note.text);
		if (checkpoint.origin !== ORIGIN) {
			fail(t('ledger.other-log', checkpoint.origin, ORIGIN));
		}
		if (checkpoint.size !== size) {
			fail(t('ledger.other-size', size, checkpoint.size));
		}
		step('ok', t('ledger.checkpoint-ok', ORIGIN, size), checkpoint.root);

		// 3. The path from the leaf to the root (RFC 9162 §2.1.3.2).
		const hashes = proof.proof.map((h, i) => hash32(h, t('ledger.proof-hash', i + 1)));
		const computed = await rootFromInclusionProof(index, size, leaf, hashes, (i, side, sibling, r) => {
			step('info', t(side === 'left' ? 'ledger.step-left' : 'ledger.step-right', i + 1), r);
		}).catch((e) => fail(e.message));
		if (!same(computed, checkpoint.root)) {
			fail(t('ledger.path-wrong', toBase64(computed)));
		}
		step('ok', t('ledger.path-ok', hashes.length, index));

		// 4. The log's signature on the checkpoint, and the witnesses' cosignatures.
		const logSignature = await checkSignatures(note, LOG_KEY);
		if (logSignature.state === 'invalid' || logSignature.state === 'missing') {
			fail(t('ledger.sig-bad', logSignature.key.name, logSignature.state));
		}
		const signed = logSignature.state === 'valid';
		step(signed ? 'ok' : 'info', signed
				? t('ledger.sig-ok')
				: t('ledger.sig-unchecked'));
		for (const side of document.querySelectorAll('.side')) {
			const cosigned = await checkSignatures(note, side.dataset.witnessKey);
			const name = cosigned.key.name;
			if (cosigned.state === 'invalid') {
				fail(t('ledger.cosig-bad', name));
			}
			step(cosigned.state === 'valid' ? 'ok' : 'info', cosigned.state === 'valid'
					? t('ledger.cosig-ok', name)
					: cosigned.state === 'missing' ? t('ledger.cosig-missing', name)
							: t('ledger.cosig-unchecked', name));
		}

		return signed ? t('ledger.verified', index, size) : t('ledger.verified-unsigned', index, size);
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const id = input.value.trim();
		if (!id) {
			return;
		}
		const url = new URL(window.location.href);
		url.searchParams.set('report', id);
		window.history.replaceState(null, '', url);
		verifyReport(id);
	});

	checkNewestCheckpoint();
	if (input.value.trim()) {
		verifyReport(input.value.trim());
	}
})();
