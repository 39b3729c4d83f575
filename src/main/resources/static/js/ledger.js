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
	const subtle = window.isSecureContext && window.crypto && window.crypto.subtle ? window.crypto.subtle : null;
	const encoder = new TextEncoder();
	const SIGNATURE_PREFIX = '\u2014 ';
	const TYPE_ED25519 = 0x01;
	const TYPE_COSIGNATURE = 0x04;

	/** A check that failed: its message is the reason shown to the reader. */
	class Failure extends Error {
	}

	// The page's strings, in its language (i18n.js).
	const t = window.TruceI18n.t;

	// ---- bytes and hashes ----------------------------------------------------------

	function fromBase64(text, what) {
		if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) {
			throw new Failure(t('ledger.not-base64', what));
		}
		const binary = atob(text);
		const bytes = new Uint8Array(binary.length);
		for (let i = 0; i < binary.length; i++) {
			bytes[i] = binary.charCodeAt(i);
		}
		return bytes;
	}

	function toBase64(bytes) {
		let binary = '';
		for (const b of bytes) {
			binary += String.fromCharCode(b);
		}
		return btoa(binary);
	}

	function toHex(bytes) {
		return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
	}

	function concat(...parts) {
		const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
		let at = 0;
		for (const p of parts) {
			out.set(p, at);
			at += p.length;
		}
		return out;
	}

	function same(a, b) {
		if (a.length !== b.length) {
			return false;
		}
		let diff = 0;
		for (let i = 0; i < a.length; i++) {
			diff |= a[i] ^ b[i];
		}
		return diff === 0;
	}

	async function sha256(bytes) {
		return new Uint8Array(await subtle.digest('SHA-256', bytes));
	}

	/** RFC 6962 leaf hash: SHA-256(0x00 || entry). */
	function leafHash(entry) {
		return sha256(concat(Uint8Array.of(0x00), entry));
	}

	/** RFC 6962 interior node hash: SHA-256(0x01 || left || right). */
	function nodeHash(left, right) {
		return sha256(concat(Uint8Array.of(0x01), left, right));
	}

	function hash32(text, what) {
		const bytes = fromBase64(text, what);
		if (bytes.length !== 32) {
			throw new Failure(t('ledger.not-32', what, bytes.length));
		}
		return bytes;
	}

	// ---- salted commitments ------------------------------------------------------------

	/**
	 * RFC 8785 canonical JSON of a value parsed by JSON.parse: members sorted by UTF-16 code
	 * units (what Array.prototype.sort does with strings), strings escaped and numbers
	 * written as JSON.stringify does, which is what RFC 8785 prescribes.
	 */
	function canonical(value) {
		if (value === null || typeof value === 'boolean' || typeof value === 'string') {
			return JSON.stringify(value);
		}
		if (typeof value === 'number') {
			if (!Number.isFinite(value)) {
				throw new Failure(t('ledger.number-json'));
			}
			return JSON.stringify(value);
		}
		if (Array.isArray(value)) {
			return '[' + value.map(canonical).join(',') + ']';
		}
		if (typeof value === 'object') {
			return '{' + Object.keys(value).sort().map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',')
					+ '}';
		}
		throw new Failure(t('ledger.not-json'));
	}

	/** The commitment a disclosure opens: lowercase hex of SHA-256(salt + "." + canonical value). */
	async function commitment(disclosure) {
		return toHex(await sha256(encoder.encode(disclosure.salt + '.' + canonical(disclosure.value))));
	}

	// ---- RFC 9162 §2.1.3.2: verifying an inclusion proof ---------------------------

	/**
	 * The root that the inclusion proof leads to from the leaf; calls onStep for each
	 * hash of the path. Throws a Failure when the proof does not fit the index and size.
	 */
	async function rootFromInclusionProof(index, size, leaf, proof, onStep) {
		if (index >= size) {
			throw new Failure(t('ledger.index', index, size));
		}
		let fn = index;
		let sn = size - 1n;
		let r = leaf;
		for (let i = 0; i < proof.length; i++) {
			const p = proof[i];
			if (sn === 0n) {
				throw new Failure(t('ledger.more-hashes'));
			}
			if ((fn & 1n) === 1n || fn === sn) {
				r = await nodeHash(p, r);
				onStep(i, 'left', p, r);
				if ((fn & 1n) === 0n) {
					while ((fn & 1n) === 0n && fn !== 0n) {
						fn >>= 1n;
						sn >>= 1n;
					}
				}
			}
			else {
				r = await nodeHash(r, p);
				onStep(i, 'right', p, r);
			}
			fn >>= 1n;
			sn >>= 1n;
		}
		if (sn !== 0n) {
			throw new Failure(t('ledger.fewer-hashes'));
		}
		return r;
	}

	// ---- signed notes, checkpoints, keys -------------------------------------------

	/** A c2sp.org signed note: its text and signature lines. */
	function parseNote(note) {
		if (!note.endsWith('\n')) {
			throw new Failure(t('ledger.no-newline'));
		}
		const blank = note.lastIndexOf('\n\n');
		if (blank < 0) {
			throw new Failure(t('ledger.no-blank'));
		}
		const text = note.substring(0, blank + 1);
		const lines = note.substring(blank + 2, note.length - 1).split('\n');
		const signatures = lines.map((line) => {
			if (!line.startsWith(SIGNATURE_PREFIX)) {
				throw new Failure(t('ledger.no-dash'));
			}
			const rest = line.substring(SIGNATURE_PREFIX.length);
			const space = rest.lastIndexOf(' ');
			if (space <= 0) {
				throw new Failure(t('ledger.no-key-name'));
			}
			const bytes = fromBase64(rest.substring(space + 1), 'a signature');
			if (bytes.length < 5) {
				throw new Failure(t('ledger.short-signature'));
			}
			return { name: rest.substring(0, space), keyId: bytes.slice(0, 4), signature: bytes.slice(4) };
		});
		return { text, signatures };
	}

	/** c2sp.org/tlog-checkpoint: origin, size, root hash, then optional extension lines. */
	function parseCheckpoint(text) {
		const lines = text.split('\n');
		if (lines.length < 4 || !/^(0|[1-9][0-9]{0,18})$/.test(lines[1])) {
			throw new Failure(t('ledger.not-checkpoint'));
		}
		return { origin: lines[0], size: BigInt(lines[1]), root: hash32(lines[2], t('ledger.root-hash')) };
	}

	/** A verifier key, name+hexid+base64(type || public key), with its key ID checked. */
	async function parseVerifierKey(text) {
		// The name and the hex ID have no '+'; the base64 key may.
		const first = text.indexOf('+');
		const second = first < 0 ? -1 : text.indexOf('+', first + 1);
		if (first <= 0 || second < 0) {
			throw new Failure(t('ledger.not-key', text));
		}
		const parts = [ text.substring(0, first), text.substring(first + 1, second), text.substring(second + 1) ];
		const material = fromBase64(parts[2], t('ledger.the-key'));
		if (material.length !== 33) {
			throw new Failure(t('ledger.not-ed25519', parts[0]));
		}
		const key = { name: parts[0], type: material[0], publicKey: material.slice(1) };
		key.keyId = (await sha256(concat(encoder.encode(key.name), Uint8Array.of(0x0a, key.type), key.publicKey)))
			.slice(0, 4);
		if (toHex(key.keyId) !== parts[1].toLowerCase()) {
			throw new Failure(t('ledger.wrong-id', parts[0]));
		}
		return key;
	}

	/** True or false, or null when this browser's WebCrypto has no Ed25519. */
	async function ed25519Verifies(publicKey, signature, message) {
		let key;
		try {
			key = await subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, [ 'verify' ]);
		}
		catch (e) {
			return null;
		}
		return subtle.verify({ name: 'Ed25519' }, key, signature, message);
	}

	/**
	 * Checks the lines of a note made by one key: 'valid', 'invalid', 'missing' (no line by
	 * that key) or 'unchecked' (no Ed25519 here). A cosigner's line signs
	 * "cosignature/v1\ntime T\n" and the text, and starts with the 8-byte time T.
	 */
	async function checkSignatures(note, keyText) {
		const key = await parseVerifierKey(keyText);
		const lines = note.signatures.filter((s) => s.name === key.name && same(s.keyId, key.keyId));
		if (lines.length === 0) {
			return { state: 'missing', key };
		}
		let at = null;
		for (const line of lines) {
			let signature = line.signature;
			let message = encoder.encode(note.text);
			if (key.type === TYPE_COSIGNATURE) {
				if (signature.length !== 72) {
					return { state: 'invalid', key };
				}
				const time = new DataView(signature.buffer, signature.byteOffset, 8).getBigUint64(0);
				at = new Date(Number(time) * 1000);
				message = encoder.encode('cosignature/v1\ntime ' + time + '\n' + note.text);
				signature = signature.slice(8);
			}
			else if (key.type !== TYPE_ED25519 || signature.length !== 64) {
				return { state: 'invalid', key };
			}
			const ok = await ed25519Verifies(key.publicKey, signature, message);
			if (ok === null) {
				return { state: 'unchecked', key };
			}
			if (!ok) {
				return { state: 'invalid', key };
			}
		}
		return { state: 'valid', key, at };
	}

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
