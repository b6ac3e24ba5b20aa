import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	applyRemoteUpdate,
	checkRemoteUpdate,
	splitUpdate
} from '../../../src/lib/adapters/sync/updates';

function bigDoc(entries: number): Y.Doc {
	const doc = new Y.Doc();
	const map = doc.getMap('contacts');
	doc.transact(() => {
		for (let i = 0; i < entries; i++)
			map.set(`c${i}`, { name: `Person ${i}`, notes: 'x'.repeat(80) });
	});
	// some deletions and a second client, so both the delete set and several runs are exercised
	doc.transact(() => {
		for (let i = 0; i < entries; i += 7) map.delete(`c${i}`);
	});
	const other = new Y.Doc();
	Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
	other.getText('text:goal').insert(0, 'Lead a team'.repeat(100));
	Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
	return doc;
}

describe('splitUpdate', () => {
	it('cuts a 1 MB state into pieces under the limit that rebuild the same document', () => {
		const doc = bigDoc(10_000);
		const full = Y.encodeStateAsUpdate(doc);
		expect(full.byteLength).toBeGreaterThan(1_000_000);
		const pieces = splitUpdate(full, 64 * 1024);
		expect(pieces.length).toBeGreaterThan(15);
		for (const p of pieces) expect(p.byteLength).toBeLessThanOrEqual(64 * 1024);
		// In reverse order too: Yjs holds early pieces until what they depend on arrives.
		const copy = new Y.Doc();
		for (const p of [...pieces].reverse()) Y.applyUpdate(copy, p);
		expect(copy.getMap('contacts').toJSON()).toEqual(doc.getMap('contacts').toJSON());
		expect(copy.getText('text:goal').toString()).toBe(doc.getText('text:goal').toString());
		expect(Y.encodeStateVector(copy)).toEqual(Y.encodeStateVector(doc));
		expect(copy.getMap('contacts').has('c0')).toBe(false);
	});

	it('leaves a small update whole', () => {
		const u = Y.encodeStateAsUpdate(bigDoc(3));
		expect(splitUpdate(u, 64 * 1024)).toEqual([u]);
	});
});

describe('checkRemoteUpdate / applyRemoteUpdate', () => {
	it('accepts a real update and applies it with the given origin', () => {
		const source = bigDoc(5);
		const target = new Y.Doc();
		let origin: unknown = null;
		target.on('update', (_u: Uint8Array, o: unknown) => (origin = o));
		expect(applyRemoteUpdate(target, Y.encodeStateAsUpdate(source), 'remote')).toBeNull();
		expect(origin).toBe('remote');
		expect(target.getMap('contacts').size).toBe(source.getMap('contacts').size);
	});

	it('refuses empty, oversized and garbage updates and leaves the document unchanged', () => {
		const doc = bigDoc(5);
		const before = Y.encodeStateAsUpdate(doc);
		expect(applyRemoteUpdate(doc, new Uint8Array(), 'r')).toMatch(/empty/);
		expect(applyRemoteUpdate(doc, new Uint8Array(100), 'r', 50)).toMatch(/too large/);
		const garbage = new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 15]);
		expect(applyRemoteUpdate(doc, garbage, 'r')).toMatch(/damaged/);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('never throws or hangs on random bytes or a truncated real update', () => {
		const real = Y.encodeStateAsUpdate(bigDoc(20));
		fc.assert(
			fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
				const r = checkRemoteUpdate(bytes);
				expect(r === null || typeof r === 'string').toBe(true);
			}),
			{ numRuns: 500 }
		);
		fc.assert(
			fc.property(fc.integer({ min: 1, max: real.byteLength - 1 }), (cut) => {
				const doc = new Y.Doc();
				const problem = applyRemoteUpdate(doc, real.slice(0, cut), 'r');
				if (problem) expect(doc.getMap('contacts').size).toBe(0);
			}),
			{ numRuns: 200 }
		);
	});
});
