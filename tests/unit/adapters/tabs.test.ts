import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connectTabs } from '../../../src/lib/adapters/sync/tabs';
import type { SyncConnection } from '../../../src/lib/adapters/sync/types';

const REMOTE = 'remote';
const links: SyncConnection[] = [];
let channel = 0;

afterEach(() => links.splice(0).forEach((l) => l.close()));

// Wait for what the other tab would show, however busy the machine is.
const until = (check: () => void) => vi.waitFor(check, { timeout: 5000, interval: 10 });

function tab(name: string, doc = new Y.Doc()) {
	links.push(connectTabs(doc, name, REMOTE));
	return doc;
}

describe('connectTabs', () => {
	it('gives a newly opened tab what the others have, and them what it has', async () => {
		const name = `tabs-${channel++}`;
		const a = new Y.Doc();
		a.getMap('answers').set('a', 1);
		tab(name, a);
		const b = new Y.Doc();
		b.getMap('answers').set('b', 2);
		tab(name, b);
		await until(() => {
			expect(a.getMap('answers').toJSON()).toEqual({ a: 1, b: 2 });
			expect(b.getMap('answers').toJSON()).toEqual({ a: 1, b: 2 });
		});
	});

	it('streams edits as they happen and marks them remote', async () => {
		const name = `tabs-${channel++}`;
		const a = tab(name);
		const b = tab(name);
		const origins: unknown[] = [];
		b.on('update', (_u: Uint8Array, origin: unknown) => origins.push(origin));
		a.getText('t').insert(0, 'hello');
		b.getText('t').insert(0, 'hi ');
		await until(() => {
			expect(a.getText('t').length).toBe(8);
			expect(a.getText('t').toString()).toBe(b.getText('t').toString());
		});
		expect(origins).toContain(REMOTE);
	});

	it('ignores malformed messages on the channel', async () => {
		const name = `tabs-${channel++}`;
		const a = tab(name);
		const intruder = new BroadcastChannel(name);
		intruder.postMessage({ type: 'update', from: 'x', update: new Uint8Array([255, 1, 2, 3]) });
		intruder.postMessage('garbage');
		intruder.postMessage({ type: 'hello', from: 'y' });
		// A well-formed update last: once it has arrived, the messages before it were handled.
		const sentinel = new Y.Doc();
		sentinel.getMap('sentinel').set('seen', true);
		intruder.postMessage({ type: 'update', from: 'z', update: Y.encodeStateAsUpdate(sentinel) });
		await until(() => expect(a.getMap('sentinel').get('seen')).toBe(true));
		intruder.close();
		expect([...a.share.keys()]).toEqual(['sentinel']);
		a.getMap('answers').set('still', 'works');
		expect(a.getMap('answers').get('still')).toBe('works');
	});
});
