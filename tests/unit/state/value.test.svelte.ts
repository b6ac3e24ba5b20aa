import { describe, expect, it } from 'vitest';
import { offersOf } from '../../../src/lib/state/collections';
import { ValueState } from '../../../src/lib/state/value.svelte';
import { openSession } from '../support/session';

describe('ValueState', () => {
	it('composes the four answers into a sentence and makes it the statement, in one undo step', async () => {
		const session = await openSession();
		const value = new ValueState(session);
		expect(value.composed).toBe('');
		value.parts.whoIHelp.value = 'first-time managers';
		value.parts.outcome.value = 'build teams that stay';
		value.parts.how.value = 'coaching their first ninety days';
		value.parts.evidence.value = 'turnover fell by a third';
		expect(value.composed).toContain('first-time managers');
		expect(value.replaces).toBe(false);
		session.stopCapturing();
		value.useComposed();
		expect(value.current).toBe(value.composed);
		expect(value.inUse).toBe(true);
		session.undo();
		expect(value.current).toBe('');
	});

	it('says when a different statement would be replaced', async () => {
		const value = new ValueState(await openSession());
		value.statement.value = 'I help people.';
		value.parts.whoIHelp.value = 'new managers';
		expect(value.replaces).toBe(true);
		expect(value.inUse).toBe(false);
	});

	it('nudges for a number only when a result is written without one', async () => {
		const value = new ValueState(await openSession());
		expect(value.needsNumber).toBe(false);
		value.parts.evidence.value = 'Turnover fell a lot';
		expect(value.needsNumber).toBe(true);
		value.parts.evidence.value = 'Turnover fell by 30%';
		expect(value.needsNumber).toBe(false);
	});

	it('adds offers tidied to one line, groups them by kind, and removes them', async () => {
		const session = await openSession();
		const value = new ValueState(session);
		value.offerText = '   ';
		expect(value.addOffer()).toBe(false);
		value.offerKind = 'introduction';
		value.offerText = '  The head of data\n at  Acme ';
		expect(value.addOffer()).toBe(true);
		expect(value.offerText).toBe('');
		value.offerKind = 'skill';
		value.offerText = 'Reviewing a pitch';
		value.addOffer();
		expect(value.offersByKind.map((g) => [g.kind, g.items.map((o) => o.text)])).toEqual([
			['skill', ['Reviewing a pitch']],
			['resource', []],
			['introduction', ['The head of data at Acme']]
		]);
		value.removeOffer(value.offers[0]!.id);
		expect(offersOf(session).all.map((o) => o.text)).toEqual(['Reviewing a pitch']);
	});

	it('writes nothing in a read-only workbook', async () => {
		const session = await openSession();
		const value = new ValueState(session);
		Object.defineProperty(session, 'writable', { get: () => false });
		expect(value.readOnly).toBe(true);
		value.offerText = 'Something';
		expect(value.addOffer()).toBe(false);
		expect(value.offers).toEqual([]);
	});
});
