// Truce: a bulletin's ledger proofs, checked in the reader's browser with the log's own
// checks (tlog.js): each entry shown (bulletin-drafted, which holds the digest of
// bulletin.json, and bulletin-published) hashes to its leaf hash, its inclusion proof
// leads from that leaf to the root of the signed checkpoint shown, and that checkpoint
// carries the log's Ed25519 signature. Each entry says "verified" or why it failed, and
// so does the page. No inline script: a strict CSP may forbid them.
'use strict';

(() => {
	const verdict = document.getElementById('proofs-verdict');
	const noteElement = document.getElementById('proofs-checkpoint');
	if (!verdict || !noteElement || !window.TruceLog) {
		return;
	}
	const { subtle, encoder, Failure, same, leafHash, hash32, rootFromInclusionProof, parseNote, parseCheckpoint,
		checkSignatures } = window.TruceLog;

	function mark(element, state, text) {
		element.dataset.state = state;
		element.textContent = text;
	}

	function setVerdict(state, text) {
		verdict.dataset.verdict = state;
		verdict.textContent = text;
	}

	/** Checks one entry against the checkpoint; throws a Failure saying what did not hold. */
	async function checkEntry(li, checkpoint) {
		const index = li.dataset.index;
		const entry = li.querySelector('code.entry');
		if (!entry || !/^(0|[1-9][0-9]{0,18})$/.test(index || '')) {
			throw new Failure('the entry is not shown with its index');
		}
		const leaf = await leafHash(encoder.encode(entry.textContent));
		if (!same(leaf, hash32(li.dataset.leafHash, 'its leaf hash'))) {
			throw new Failure('entry ' + index + ' does not hash to the leaf hash shown');
		}
		if (!/^[1-9][0-9]{0,18}$/.test(li.dataset.size || '') || BigInt(li.dataset.size) !== checkpoint.size) {
			throw new Failure('the proof of entry ' + index + ' is not for the checkpoint\'s tree of size '
					+ checkpoint.size);
		}
		const path = (li.dataset.proof || '').split(' ').filter((p) => p.length > 0)
			.map((p) => hash32(p, 'a hash of its proof'));
		const root = await rootFromInclusionProof(BigInt(index), checkpoint.size, leaf, path, () => {});
		if (!same(root, checkpoint.root)) {
			throw new Failure('the proof of entry ' + index + ' does not lead to the signed checkpoint\'s root');
		}
	}

	async function run() {
		if (!subtle) {
			setVerdict('unavailable', 'Not checked: this page has no WebCrypto (it needs HTTPS or localhost).');
			return;
		}
		let checkpoint;
		let signature;
		try {
			const note = parseNote(noteElement.textContent);
			checkpoint = parseCheckpoint(note.text);
			signature = await checkSignatures(note, verdict.dataset.logKey);
		}
		catch (e) {
			setVerdict('failed', 'FAILED: the checkpoint could not be read: ' + e.message + '.');
			return;
		}
		let failed = 0;
		let checked = 0;
		for (const li of document.querySelectorAll('#proofs li')) {
			const out = li.querySelector('.proof-check');
			if (li.dataset.pending === 'true') {
				mark(out, 'pending', 'not in a signed checkpoint yet: nothing to check');
				continue;
			}
			try {
				await checkEntry(li, checkpoint);
				checked++;
				mark(out, 'verified', 'verified in your browser: leaf ' + li.dataset.index + ' of the tree of size '
						+ checkpoint.size + ' in the signed checkpoint');
			}
			catch (e) {
				if (!(e instanceof Failure)) {
					throw e;
				}
				failed++;
				mark(out, 'failed', 'FAILED: ' + e.message + '.');
			}
		}
		if (signature.state === 'invalid' || signature.state === 'missing') {
			setVerdict('failed', 'FAILED: the checkpoint is not signed by the log\'s key (' + signature.state + ').');
		}
		else if (failed > 0) {
			setVerdict('failed', 'FAILED: ' + failed + ' of the entries\' proofs do not hold.');
		}
		else if (checked === 0) {
			setVerdict('pending', 'No entry is in a signed checkpoint yet: nothing to check.');
		}
		else if (signature.state === 'unchecked') {
			setVerdict('verified', 'Verified in your browser: ' + checked + ' entries are in the checkpoint; its'
					+ ' signature was not checked (no Ed25519 in this browser\'s WebCrypto).');
		}
		else {
			setVerdict('verified', 'Verified in your browser: ' + checked + ' entries are in the checkpoint, which the'
					+ ' log signed.');
		}
	}

	run().catch((e) => setVerdict('failed', 'FAILED: ' + e.message + '.'));
})();
