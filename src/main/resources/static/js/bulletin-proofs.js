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
	// The page's strings, in its language (i18n.js).
	const t = window.TruceI18n.t;

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
			throw new Failure(t('bulletin.proof.no-index'));
		}
		const leaf = await leafHash(encoder.encode(entry.textContent));
		if (!same(leaf, hash32(li.dataset.leafHash, t('bulletin.proof.leaf-hash')))) {
			throw new Failure(t('bulletin.proof.leaf-wrong', index));
		}
		if (!/^[1-9][0-9]{0,18}$/.test(li.dataset.size || '') || BigInt(li.dataset.size) !== checkpoint.size) {
			throw new Failure(t('bulletin.proof.other-size', index, checkpoint.size));
		}
		const path = (li.dataset.proof || '').split(' ').filter((p) => p.length > 0)
			.map((p) => hash32(p, t('bulletin.proof.proof-hash')));
		const root = await rootFromInclusionProof(BigInt(index), checkpoint.size, leaf, path, () => {});
		if (!same(root, checkpoint.root)) {
			throw new Failure(t('bulletin.proof.path-wrong', index));
		}
	}

	async function run() {
		if (!subtle) {
			setVerdict('unavailable', t('bulletin.proof.no-webcrypto'));
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
			setVerdict('failed', t('bulletin.proof.unreadable', e.message));
			return;
		}
		let failed = 0;
		let checked = 0;
		for (const li of document.querySelectorAll('#proofs li')) {
			const out = li.querySelector('.proof-check');
			if (li.dataset.pending === 'true') {
				mark(out, 'pending', t('bulletin.proof.entry-pending'));
				continue;
			}
			try {
				await checkEntry(li, checkpoint);
				checked++;
				mark(out, 'verified', t('bulletin.proof.entry-verified', li.dataset.index, checkpoint.size));
			}
			catch (e) {
				if (!(e instanceof Failure)) {
					throw e;
				}
				failed++;
				mark(out, 'failed', t('bulletin.proof.failed', e.message));
			}
		}
		if (signature.state === 'invalid' || signature.state === 'missing') {
			setVerdict('failed', t('bulletin.proof.unsigned', signature.state));
		}
		else if (failed > 0) {
			setVerdict('failed', t('bulletin.proof.some-failed', failed));
		}
		else if (checked === 0) {
			setVerdict('pending', t('bulletin.proof.all-pending'));
		}
		else if (signature.state === 'unchecked') {
			setVerdict('verified', t('bulletin.proof.verified-unsigned', checked));
		}
		else {
			setVerdict('verified', t('bulletin.proof.verified', checked));
		}
	}

	run().catch((e) => setVerdict('failed', t('bulletin.proof.failed', e.message)));
})();
