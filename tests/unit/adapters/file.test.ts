import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { exportSyncFile, importSyncFile } from '../../../src/lib/adapters/sync/file';

const key = { spaceId: 'space-one-abcdef', secret: 'A'.repeat(22) + 'secret' };

function docWith(entries: Record<string, string>): Y.Doc {
	const doc = new Y.Doc();
	const map = doc.getMap('commitments');
	for (const [k, v] of Object.entries(entries)) map.set(k, { text: v });
	return doc;
}

describe('sync by file', () => {
	it('round-trips, and a second export holds only what the other side lacks', async () => {
		const a = docWith({ one: 'Call Sam' });
		const b = new Y.Doc();
		const first = await exportSyncFile(a, key, null);
		const r1 = await importSyncFile(b, first, key, 'remote');
		expect(r1.ok).toBe(true);
		expect(b.getMap('commitments').toJSON()).toEqual(a.getMap('commitments').toJSON());
		// a learns b's state from b's own export, then sends only the new entry
		const fromB = await exportSyncFile(b, key, null);
		const r2 = await importSyncFile(a, fromB, key, 'remote');
		if (!r2.ok) throw new Error(r2.problem);
		a.getMap('commitments').set('two', { text: 'Lunch with the team' });
		const second = await exportSyncFile(a, key, r2.theirState);
		expect(second.byteLength).toBeLessThan(first.byteLength + 40);
		const r3 = await importSyncFile(b, second, key, 'remote');
		expect(r3.ok && r3.changed).toBe(true);
		expect(b.getMap('commitments').get('two')).toEqual({ text: 'Lunch with the team' });
	});

	it('refuses another space, a wrong secret and damaged files, changing nothing', async () => {
		const a = docWith({ one: 'Call Sam' });
		const file = await exportSyncFile(a, key, null);
		const b = docWith({ mine: 'keep me' });
		const before = Y.encodeStateAsUpdate(b);

		const other = await importSyncFile(b, file, { ...key, spaceId: 'space-two-abcdef' }, 'r');
		expect(other).toEqual({ ok: false, problem: expect.stringMatching(/different space/) });
		const wrong = await importSyncFile(b, file, { ...key, secret: 'B'.repeat(30) }, 'r');
		expect(wrong).toEqual({ ok: false, problem: expect.stringMatching(/different secret/) });
		const flipped = file.slice();
		flipped[flipped.length - 5]! ^= 1;
		expect((await importSyncFile(b, flipped, key, 'r')).ok).toBe(false);
		const cut = await importSyncFile(b, file.slice(0, 30), key, 'r');
		expect(cut).toEqual({ ok: false, problem: expect.stringMatching(/not a Village sync file/) });
		const text = await importSyncFile(b, new TextEncoder().encode('hello,world\n1,2'), key, 'r');
		expect(text.ok).toBe(false);
		expect(Y.encodeStateAsUpdate(b)).toEqual(before);
	});
});
