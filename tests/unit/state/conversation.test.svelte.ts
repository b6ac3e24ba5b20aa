import { describe, expect, it } from 'vitest';
import { DraftStore, loadDraft } from '../../../src/lib/state/drafts';
import { MemoryPersistence } from '../../../src/lib/adapters/persistence/memory';
import { ConversationDraft, isLogDraft } from '../../../src/lib/state/conversation.svelte';
import { peopleOf } from '../../../src/lib/state/people.svelte';
import { openSession } from '../support/session';

async function setUp() {
	const people = peopleOf(await openSession());
	const ann = people.addContact('Ann')!;
	const bob = people.addContact('Bob')!;
	return { people, ann, bob, storage: new DraftStore(new MemoryPersistence()) };
}

describe('ConversationDraft', () => {
	it('starts with the person the link names, today and a coffee', async () => {
		const { people, ann, storage } = await setUp();
		const draft = new ConversationDraft(people, ann, storage);
		expect(draft.contact?.name).toBe('Ann');
		expect([draft.on, draft.kind, draft.theirWork]).toEqual([people.today, 'coffee', '']);
		expect(new ConversationDraft(people, 'gone', storage).contact).toBeNull();
	});

	it('keeps what is typed on the device and brings it back, for the same person only', async () => {
		const { people, ann, bob, storage } = await setUp();
		const draft = new ConversationDraft(people, ann, storage);
		draft.theirWork = 'A new data team';
		draft.kind = 'event';
		draft.persist();
		const again = new ConversationDraft(people, null, storage);
		expect([again.contact?.name, again.theirWork, again.kind]).toEqual([
			'Ann',
			'A new data team',
			'event'
		]);
		const forBob = new ConversationDraft(people, bob, storage);
		expect([forBob.contact?.name, forBob.theirWork]).toEqual(['Bob', '']);
		// Emptying Bob's form leaves Ann's draft alone.
		forBob.persist();
		expect(loadDraft('relate-log', isLogDraft, storage)?.theirWork).toBe('A new data team');
	});

	it('logs the conversation, confirms the next follow-up and empties the form', async () => {
		const { people, ann, storage } = await setUp();
		const draft = new ConversationDraft(people, ann, storage);
		draft.theirChallenges = 'Hiring';
		draft.useOffer('Review a job ad');
		draft.useOffer('An intro to Bob');
		draft.persist();
		expect(draft.log()).toBe(true);
		expect(people.conversationsOf(ann).map((c) => [c.theirChallenges, c.iOffered])).toEqual([
			['Hiring', 'Review a job ad; An intro to Bob']
		]);
		expect(draft.saved?.name).toBe('Ann');
		expect(draft.saved?.next).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect([draft.theirChallenges, draft.iOffered]).toEqual(['', '']);
		expect(loadDraft('relate-log', isLogDraft, storage)).toBeNull();
		expect(draft.learned?.theirChallenges).toBe('Hiring');
	});

	it('refuses a stored draft of the wrong shape', () => {
		expect(isLogDraft({ contactId: 'a', kind: 'dance' })).toBe(false);
		expect(isLogDraft(null)).toBe(false);
	});

	it('logs nothing without a person', async () => {
		const { people, storage } = await setUp();
		expect(new ConversationDraft(people, null, storage).log()).toBe(false);
	});
});
