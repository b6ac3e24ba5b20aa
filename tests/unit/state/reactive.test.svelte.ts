import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { onDoc, onTypes, YView } from '../../../src/lib/state/reactive.svelte';

describe('YView: the Yjs → runes bridge', () => {
	it('re-runs exactly the effects that read what changed', () => {
		const doc = new Y.Doc();
		const a = doc.getText('a');
		const b = doc.getText('b');
		const viewA = new YView(onTypes([a]), () => a.toString());
		const viewB = new YView(onTypes([b]), () => b.toString());
		const seenA: string[] = [];
		const seenB: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seenA.push(viewA.current));
			$effect(() => void seenB.push(viewB.current));
		});
		flushSync();
		a.insert(0, 'goal');
		flushSync();
		a.insert(4, '!');
		flushSync();
		expect(seenA).toEqual(['', 'goal', 'goal!']);
		expect(seenB).toEqual(['']);
		stop();
	});

	it('stops listening when nobody reads, and still reads fresh values', async () => {
		const doc = new Y.Doc();
		const map = doc.getMap('answers');
		let reads = 0;
		const view = new YView(onTypes([map]), () => (reads++, map.get('k')));
		const stop = $effect.root(() => {
			$effect(() => void view.current);
		});
		flushSync();
		stop();
		// createSubscriber releases its listener in a microtask after the last reader goes.
		await Promise.resolve();
		map.set('k', 'after');
		expect(view.current).toBe('after');
		expect(reads).toBeGreaterThanOrEqual(2);
		// No observer is left behind on the Yjs type.
		expect(map._eH.l.length).toBe(0);
	});

	it('caches between changes while subscribed', () => {
		const doc = new Y.Doc();
		let reads = 0;
		const view = new YView(onDoc(doc), () => (reads++, doc.getMap('m').size));
		const values: number[] = [];
		const stop = $effect.root(() => {
			$effect(() => {
				values.push(view.current);
				values.push(view.current);
			});
		});
		flushSync();
		doc.getMap('m').set('x', 1);
		flushSync();
		expect(values).toEqual([0, 0, 1, 1]);
		expect(reads).toBe(2);
		stop();
	});
});
