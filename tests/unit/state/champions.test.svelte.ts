import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ChampionsState } from '../../../src/lib/state/champions.svelte';
import { peopleOf } from '../../../src/lib/state/people.svelte';
import { openSession } from '../support/session';

const TODAY = '2026-03-10';

async function seeded() {
	const session = await openSession();
	const people = peopleOf(session);
	const ana = people.addContact('Ana Silva')!;
	people.addContact('Cerys Jones', { introducedBy: ana });
	for (const on of ['2025-10-05', '2025-11-01'])
		people.logConversation({
			contactId: ana,
			on,
			kind: 'coffee',
			iOffered: 'Feedback on her deck'
		});
	return { session, people, ana, champions: new ChampionsState(session, TODAY) };
}

describe('ChampionsState', () => {
	it('suggests from evidence and moves someone only when accepted, in one undoable write', async () => {
		const { session, ana, champions } = await seeded();
		expect(champions.suggestions.map((s) => s.reason)).toEqual([
			'You helped Ana Silva twice and they introduced you to Cerys Jones: make Ana Silva an ally?'
		]);
		expect(champions.contact(ana)!.stage).toBe('contact');
		champions.accept(champions.suggestions[0]!);
		expect(champions.contact(ana)!.stage).toBe('ally');
		expect(champions.suggestions).toEqual([]);
		expect(champions.summary).toMatchObject({ allies: 1, onSide: 1, toGo: 1 });
		session.undo();
		expect(champions.contact(ana)!.stage).toBe('contact');
	});

	it('keeps a dismissal in the document, so it stays dismissed after reopening', async () => {
		const { session, ana, champions } = await seeded();
		champions.dismiss(champions.suggestions[0]!);
		expect(champions.suggestions).toEqual([]);
		expect(champions.contact(ana)!.stage).toBe('contact');
		const reopened = new ChampionsState(
			await openSession([Y.encodeStateAsUpdate(session.doc)]),
			TODAY
		);
		expect(reopened.contact(ana)!.stage).toBe('contact');
		expect(reopened.suggestions).toEqual([]);
	});

	it('counts ask outcomes, and follow-through only counts once they said yes', async () => {
		const { ana, champions } = await seeded();
		expect(champions.addAsk(ana, '  ', TODAY)).toBe(false);
		expect(champions.addAsk(ana, ' Put me forward ', 'not a date')).toBe(true);
		const [ask] = champions.asks;
		expect(ask).toMatchObject({ what: 'Put me forward', on: TODAY, outcome: 'pending' });
		champions.setFollowedThrough(ask!.id, true);
		expect(champions.summary.asks).toMatchObject({ asked: 1, saidYes: 0, followedThrough: 0 });
		champions.setAskOutcome(ask!.id, 'yes');
		expect(champions.summary.asks).toMatchObject({ asked: 1, saidYes: 1, followedThrough: 1 });
	});

	it('adds the ask being written, keeping whom and when for the next', async () => {
		const { ana, champions } = await seeded();
		expect(champions.askDraft).toEqual({ who: '', what: '', on: TODAY });
		champions.askDraft.who = ana;
		champions.askDraft.what = 'An intro to the CFO';
		expect(champions.submitAsk()).toBe(true);
		expect(champions.askDraft).toEqual({ who: ana, what: '', on: TODAY });
		expect(champions.submitAsk()).toBe(false);
		expect(champions.asks.map((a) => a.what)).toEqual(['An intro to the CFO']);
	});

	it('moves along the board and writes advocacy', async () => {
		const { ana, champions } = await seeded();
		champions.moveTo(ana, 'champion');
		champions.setAdvocacy(ana, 'Backs me at the board');
		expect(champions.indexIn('champion', ana)).toBe(0);
		expect(champions.indexIn('ally', ana)).toBe(-1);
		expect(champions.columns.find((c) => c.stage === 'champion')!.contacts[0]).toMatchObject({
			id: ana,
			advocacy: 'Backs me at the board'
		});
	});
});
