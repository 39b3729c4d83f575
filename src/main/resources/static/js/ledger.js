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

	// ---- the newest checkpoint, at the top -------------------------------------------

	const SIGNATURE_WORDS = {
		valid: 'valid Ed25519 signature, checked in your browser',
		invalid: 'INVALID: the signature does not verify with the log\'s key',
		missing: 'MISSING: no signature by the log\'s key',
		unchecked: 'not checked: this browser\'s WebCrypto has no Ed25519',
	};

	async function checkNewestCheckpoint() {
		const noteElement = document.getElementById('checkpoint-note');
		const logSignature = document.getElementById('log-signature');
		if (!noteElement || !logSignature) {
			return;
		}
		if (!subtle) {
			show(logSignature, 'unchecked', 'not checked: this page has no WebCrypto (it needs HTTPS or localhost)');
			return;
		}
		try {
			const note = parseNote(noteElement.textContent);
			const result = await checkSignatures(note, LOG_KEY);
			show(logSignature, result.state, SIGNATURE_WORDS[result.state]);
			for (const side of document.querySelectorAll('.side[data-cosigned="true"]')) {
				const check = side.querySelector('.check');
				const cosigned = await checkSignatures(note, side.dataset.witnessKey);
				show(check, cosigned.state, cosigned.state === 'valid' ? '(cosignature checked in your browser)'
						: '(cosignature ' + cosigned.state + ')');
			}
		}
		catch (e) {
			show(logSignature, 'invalid', 'the checkpoint could not be read: ' + e.message);
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
			state.textContent = 'not disclosed to you';
			li.append(name, ': ', hex, ' ', state);
			commitmentList.appendChild(li);
			items[group] = li;
		}
		commitmentsBox.hidden = Object.keys(items).length === 0;
		return items;
	}

	function showOpened(item, disclosure) {
		item.dataset.state = 'opened';
		item.querySelector('.opening').textContent = 'disclosed to you, checked in your browser:';
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
			setVerdict('pending', 'The report\'s entry is not in a signed checkpoint yet; waiting for the next one…');
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
		setVerdict('pending', 'Checking…');
		if (!subtle) {
			setVerdict('unavailable', 'Nothing was checked: this page has no WebCrypto (it needs HTTPS or localhost).');
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
			setVerdict('unavailable', 'No proof: ' + detail);
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
				step('fail', 'The response could not be checked: ' + e.message);
			}
			setVerdict('not-verified', 'NOT verified: ' + e.message + '.');
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
			fail('the server\'s answer is not an inclusion proof');
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
			fail('the ledger entry is not JSON');
		}
		if (entry.kind !== 'report' || entry.subject !== id) {
			fail('the ledger entry is about ' + entry.kind + ' ' + entry.subject + ', not report ' + id);
		}
		step('ok', 'The ledger entry records report ' + id + ' (' + entryBytes.length + ' bytes of canonical JSON).');
		const leaf = await leafHash(entryBytes);
		if (!same(leaf, hash32(proof.leafHash, 'the leaf hash'))) {
			fail('the entry\'s leaf hash, SHA-256(0x00 || entry), is ' + toBase64(leaf)
					+ ', not the leaf hash the server gave');
		}
		step('ok', 'Leaf hash SHA-256(0x00 || entry), computed here, equals the server\'s:', leaf);

		// 1b. Each group of fields disclosed to this reader opens the entry's commitment.
		const commitments = entry.body && typeof entry.body.commitments === 'object' && entry.body.commitments !== null
			? entry.body.commitments : {};
		const disclosures = proof.entry.disclosures === undefined ? [] : proof.entry.disclosures;
		if (!Array.isArray(disclosures)) {
			fail('the server\'s disclosures are not a list');
		}
		const items = showCommitments(commitments);
		for (const d of disclosures) {
			if (d === null || typeof d !== 'object' || typeof d.group !== 'string' || typeof d.salt !== 'string'
					|| !('value' in d)) {
				fail('a disclosure is not a group, a salt and a value');
			}
			if (typeof commitments[d.group] !== 'string') {
				fail('the server disclosed the group ' + d.group + ', to which the entry commits nothing');
			}
			if (!/^[A-Za-z0-9_-]+$/.test(d.salt)) {
				fail('the salt of the disclosed ' + d.group + ' is not base64url');
			}
			const computed = await commitment(d);
			if (computed !== commitments[d.group]) {
				items[d.group].dataset.state = 'invalid';
				items[d.group].querySelector('.opening').textContent = 'the disclosure sent does NOT open it';
				fail('the disclosed ' + d.group + ' does not open the entry\'s commitment: SHA-256(salt + "." + value) is '
						+ computed + ', not ' + commitments[d.group]);
			}
			showOpened(items[d.group], d);
			step('ok', 'The disclosed ' + d.group + ' opens the entry\'s commitment: SHA-256(salt + "." + canonical JSON'
					+ ' of the value), computed here, is', computed);
		}
		const closed = Object.keys(commitments).filter((g) => !disclosures.some((d) => d.group === g));
		if (closed.length > 0) {
			step('info', 'Not disclosed to you: ' + closed.join(', ') + ' (the entry holds only their commitments).');
		}

		// 2. The checkpoint the proof is for.
		const note = parseNote(proof.checkpoint);
		const checkpoint = parseCheckpoint(note.text);
		if (checkpoint.origin !== ORIGIN) {
			fail('the checkpoint is of the log "' + checkpoint.origin + '", not "' + ORIGIN + '"');
		}
		if (checkpoint.size !== size) {
			fail('the proof is for a tree of ' + size + ' entries, but the checkpoint is of ' + checkpoint.size);
		}
		step('ok', 'The checkpoint is of this log, ' + ORIGIN + ', at ' + size + ' entries, with the root', checkpoint.root);

		// 3. The path from the leaf to the root (RFC 9162 §2.1.3.2).
		const hashes = proof.proof.map((h, i) => hash32(h, 'proof hash ' + (i + 1)));
		const computed = await rootFromInclusionProof(index, size, leaf, hashes, (i, side, sibling, r) => {
			step('info', 'Step ' + (i + 1) + ': with the sibling on the ' + side + ', '
					+ (side === 'left' ? 'SHA-256(0x01 || sibling || hash)' : 'SHA-256(0x01 || hash || sibling)') + ' =', r);
		}).catch((e) => fail(e.message));
		if (!same(computed, checkpoint.root)) {
			fail('the inclusion proof leads to ' + toBase64(computed) + ', not to the checkpoint\'s root');
		}
		step('ok', 'The ' + hashes.length + '-step path from leaf ' + index + ' ends at the checkpoint\'s root.');

		// 4. The log's signature on the checkpoint, and the witnesses' cosignatures.
		const logSignature = await checkSignatures(note, LOG_KEY);
		if (logSignature.state === 'invalid' || logSignature.state === 'missing') {
			fail('the checkpoint\'s signature by the log\'s key ' + logSignature.key.name + ' is '
					+ logSignature.state);
		}
		const signed = logSignature.state === 'valid';
		step(signed ? 'ok' : 'info', signed
				? 'The checkpoint carries a valid Ed25519 signature by the log\'s key, checked here.'
				: 'The checkpoint\'s Ed25519 signature was not checked: this browser\'s WebCrypto has no Ed25519.');
		for (const side of document.querySelectorAll('.side')) {
			const cosigned = await checkSignatures(note, side.dataset.witnessKey);
			const name = cosigned.key.name;
			if (cosigned.state === 'invalid') {
				fail('the cosignature of ' + name + ' on the checkpoint does not verify');
			}
			step(cosigned.state === 'valid' ? 'ok' : 'info', cosigned.state === 'valid'
					? name + ' cosigned this checkpoint (checked here).'
					: cosigned.state === 'missing' ? name + ' has not cosigned this checkpoint.'
							: name + '\'s cosignature was not checked (no Ed25519 here).');
		}

		return signed
				? 'Verified in your browser: this report\'s entry is leaf ' + index + ' of the tree of size ' + size
						+ ' whose root the log signed.'
				: 'Verified in your browser: this report\'s entry is leaf ' + index + ' of the tree of size ' + size
						+ ' in the log\'s checkpoint. Its signature was not checked in this browser (no Ed25519 in'
						+ ' WebCrypto).';
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
