// Truce: the log's checks, shared by the pages that verify in the reader's browser (the
// integrity page, a bulletin's page), with WebCrypto only: RFC 6962 leaf and node hashes,
// RFC 9162 §2.1.3.2 inclusion proofs, RFC 8785 canonical JSON and salted commitments,
// c2sp.org signed notes, checkpoints and (co)signatures. It defines window.TruceLog and
// touches no page.
'use strict';

(() => {
	const subtle = window.isSecureContext && window.crypto && window.crypto.subtle ? window.crypto.subtle : null;
	const encoder = new TextEncoder();
	const SIGNATURE_PREFIX = '\u2014 ';
	const TYPE_ED25519 = 0x01;
	const TYPE_COSIGNATURE = 0x04;
	// The reasons a check fails, in the page's language (i18n.js, loaded first).
	const t = window.TruceI18n.t;

	/** A check that failed: its message is the reason shown to the reader. */
	class Failure extends Error {
	}

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

	window.TruceLog = Object.freeze({ subtle, encoder, Failure, fromBase64, toBase64, toHex, concat, same, sha256,
		leafHash, nodeHash, hash32, canonical, commitment, rootFromInclusionProof, parseNote, parseCheckpoint,
		parseVerifierKey, ed25519Verifies, checkSignatures });
})();
