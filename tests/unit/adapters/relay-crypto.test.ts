import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GuardedApplier } from '../../../src/lib/adapters/sync/guarded-apply';
import {
	deriveRelayKeys,
	MIN_ENTRY_BYTES,
	open,
	parseEntry,
	seal
} from '../../../src/lib/adapters/sync/relay-crypto';

const SECRET = 'k7Qw-secret-of-the-invite-link';
const update = () => {
	const doc = new Y.Doc();
	doc.getText('t').insert(0, 'Coffee with Amara on Friday');
	return Y.encodeStateAsUpdate(doc);
};

async function rawKey(secret: string, info: string) {
	const subtle = globalThis.crypto.subtle;
	const master = await subtle.importKey('raw', new TextEncoder().encode(secret), 'HKDF', false, [
		'deriveBits'
	]);
	return new Uint8Array(
		await subtle.deriveBits(
			{
				name: 'HKDF',
				hash: 'SHA-256',
				salt: new TextEncoder().encode('village relay v1'),
				info: new TextEncoder().encode(info)
			},
			master,
			256
		)
	);
}

describe('deriveRelayKeys', () => {
	it('gives the same mailbox for the same secret and an unrelated one for another', async () => {
		const a = await deriveRelayKeys(SECRET);
		const b = await deriveRelayKeys(SECRET);
		const c = await deriveRelayKeys(`${SECRET}x`);
		expect(a.mailbox).toBe(b.mailbox);
		expect(a.mailbox).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(c.mailbox).not.toBe(a.mailbox);
		expect(a.mailbox).not.toContain(SECRET.slice(0, 6));
	});

	it('derives the name and the key with different info strings (the name is not the key)', async () => {
		const keys = await deriveRelayKeys(SECRET);
		const nameBits = await rawKey(SECRET, 'village relay mailbox name');
		const keyBits = await rawKey(SECRET, 'village relay aes-gcm key');
		expect(Buffer.from(nameBits).toString('base64url')).toBe(keys.mailbox);
		expect(Buffer.from(keyBits).equals(Buffer.from(nameBits))).toBe(false);
		// An entry sealed with the raw bits of the *name* as key does not open with the real key.
		const nameAsKey = await globalThis.crypto.subtle.importKey('raw', nameBits, 'AES-GCM', false, [
			'encrypt',
			'decrypt'
		]);
		const forged = await seal({ ...keys, key: nameAsKey }, update(), 7);
		expect(await open(keys, forged)).toEqual({ ok: false, error: 'tampered' });
		// …while the real key bits do.
		const realKey = await globalThis.crypto.subtle.importKey('raw', keyBits, 'AES-GCM', false, [
			'encrypt'
		]);
		const genuine = await seal({ ...keys, key: realKey }, update(), 7);
		expect((await open(keys, genuine)).ok).toBe(true);
	});

	it('refuses an empty secret', async () => {
		await expect(deriveRelayKeys('')).rejects.toThrow(/secret/);
	});
});

describe('seal and open', () => {
	it('round-trips an update with its sender, under a fresh nonce each time', async () => {
		const keys = await deriveRelayKeys(SECRET);
		const u = update();
		const one = await seal(keys, u, 123456789);
		const two = await seal(keys, u, 123456789);
		const p1 = parseEntry(one);
		const p2 = parseEntry(two);
		if (!p1.ok || !p2.ok) throw new Error('not parsed');
		expect(Buffer.from(p1.entry.nonce).equals(Buffer.from(p2.entry.nonce))).toBe(false);
		expect(p1.entry.nonce.byteLength).toBe(12);
		expect(await open(keys, one)).toEqual({ ok: true, update: u, sender: 123456789 });
		// The plaintext is nowhere in the entry.
		expect(Buffer.from(one).includes(Buffer.from('Amara'))).toBe(false);
	});

	it('tells a foreign entry (another key) from a tampered one', async () => {
		const keys = await deriveRelayKeys(SECRET);
		const other = await deriveRelayKeys('another space');
		const foreign = await seal(other, update(), 1);
		expect(await open(keys, foreign)).toEqual({ ok: false, error: 'wrong-key' });

		const entry = await seal(keys, update(), 1);
		for (const index of [entry.byteLength - 1, 30, 20]) {
			const tampered = entry.slice();
			tampered[index]! ^= 0x01;
			expect(await open(keys, tampered)).toEqual({ ok: false, error: 'tampered' });
		}
		// The sender is authenticated too: swapping it breaks the seal.
		const swapped = entry.slice();
		swapped[8]! ^= 0xff;
		expect(await open(keys, swapped)).toEqual({ ok: false, error: 'tampered' });
	});

	it('reports truncated and malformed entries without throwing', async () => {
		const keys = await deriveRelayKeys(SECRET);
		const entry = await seal(keys, update(), 1);
		expect(await open(keys, entry.slice(0, MIN_ENTRY_BYTES - 1))).toEqual({
			ok: false,
			error: 'truncated'
		});
		expect(await open(keys, entry.slice(0, entry.byteLength - 3))).toEqual({
			ok: false,
			error: 'tampered'
		});
		for (const junk of [new Uint8Array(), new Uint8Array([9, 1, 2]), 'text', null, 42, {}]) {
			expect(await open(keys, junk)).toEqual({ ok: false, error: 'malformed' });
		}
	});

	it('refuses entries bigger than the caller accepts, unopened', async () => {
		const keys = await deriveRelayKeys(SECRET);
		const entry = await seal(keys, new Uint8Array(2048), 1);
		expect(await open(keys, entry, { maxBytes: 1024 })).toEqual({ ok: false, error: 'too-large' });
	});
});

/** The crafted updates of yjs issue #687 (its PR's test file) and a few of our own. */
const CRAFTED: Record<string, number[]> = {
	'too many updates (V1)': [
		228, 156, 16, 0, 5, 255, 255, 5, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 237, 0, 0, 0, 1, 1, 0, 254, 184,
		194, 233, 173, 135, 217, 18, 0, 0, 1, 1, 255, 237, 246
	],
	'too large GC item': [
		143, 1, 128, 0, 0, 0, 1, 170, 1, 0, 1, 2, 0, 0, 22, 2, 0, 229, 196, 67, 20, 231, 166, 139, 147,
		174, 181, 253, 93, 232, 38, 154, 138, 89, 0, 49, 213, 15, 18, 1, 48, 0, 0, 0
	],
	'four billion structs': [1, 0x80, 0x80, 0x80, 0x80, 0x0f, 5, 0],
	empty: [],
	garbage: [...new TextEncoder().encode('garbagedoc, not an update')]
};

describe('a crafted update inside a valid seal', () => {
	function workbook() {
		const doc = new Y.Doc();
		doc.getMap('answers').set('goal', 'Lead a product team');
		doc.getText('notes').insert(0, 'Ask Priya about the offsite');
		return doc;
	}

	for (const [name, bytes] of Object.entries(CRAFTED)) {
		it(`leaves the document unchanged: ${name}`, async () => {
			const keys = await deriveRelayKeys(SECRET);
			const doc = workbook();
			const before = Y.encodeStateAsUpdate(doc);
			const guard = new GuardedApplier(doc);
			const opened = await open(keys, await seal(keys, new Uint8Array(bytes), 9));
			if (!opened.ok) throw new Error('the seal itself is valid');
			expect(guard.apply(opened.update, 'remote')).toBe('invalid-update');
			expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
			// Still a working document afterwards.
			doc.getMap('answers').set('goal', 'Lead a climate-tech team');
			expect(doc.getMap('answers').get('goal')).toBe('Lead a climate-tech team');
			guard.destroy();
		});
	}

	it('refuses an update that would partly apply before failing (cut off at the end)', () => {
		const source = workbook();
		source.getText('notes').delete(0, 4);
		const full = Y.encodeStateAsUpdate(source);
		const cut = full.slice(0, full.byteLength - 2);
		// Straight into a document, Yjs throws only after adding the text:
		const raw = new Y.Doc();
		expect(() => Y.applyUpdate(raw, cut)).toThrow();
		expect(raw.getText('notes').toString()).not.toBe('');
		// Guarded, nothing happens.
		const doc = new Y.Doc();
		doc.getText('notes');
		const guard = new GuardedApplier(doc);
		expect(guard.apply(cut, 'remote')).toBe('invalid-update');
		expect(doc.getText('notes').toString()).toBe('');
		expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
		// The whole update still applies afterwards (the scratch copy was rebuilt).
		expect(guard.apply(full, 'remote')).toBeNull();
		expect(doc.getText('notes').toString()).toBe('Priya about the offsite');
	});

	it('takes items of the wrong kind into a root without changing what the app reads', () => {
		const doc = workbook();
		const guard = new GuardedApplier(doc);
		const other = new Y.Doc();
		other.getArray('notes').push([{ evil: true }]);
		other.getArray('answers').push(['x']);
		expect(guard.apply(Y.encodeStateAsUpdate(other), 'remote')).toBeNull();
		expect(doc.getText('notes').toString()).toBe('Ask Priya about the offsite');
		expect(doc.getMap('answers').toJSON()).toEqual({ goal: 'Lead a product team' });
		doc.getText('notes').insert(0, 'OK: ');
		expect(doc.getText('notes').toString()).toBe('OK: Ask Priya about the offsite');
	});

	it('applies genuine updates with the given origin and follows local edits', () => {
		const doc = workbook();
		const guard = new GuardedApplier(doc);
		const origins: unknown[] = [];
		doc.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		other.getMap('answers').set('why', 'More impact');
		expect(
			guard.apply(Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'remote')
		).toBeNull();
		expect(doc.getMap('answers').get('why')).toBe('More impact');
		expect(origins).toEqual(['remote']);
		doc.getText('notes').insert(0, '! ');
		other.getText('notes').insert(other.getText('notes').length, ' soon');
		expect(
			guard.apply(Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'remote')
		).toBeNull();
		expect(doc.getText('notes').toString()).toBe('! Ask Priya about the offsite soon');
	});

	it('refuses updates over the size cap unread', () => {
		const doc = workbook();
		const guard = new GuardedApplier(doc, { maxUpdateBytes: 16 });
		expect(guard.apply(new Uint8Array(17), 'remote')).toBe('too-large');
	});
});
