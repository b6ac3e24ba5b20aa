import { describe, expect, it } from 'vitest';
import { actionsOf, reviewsOf, slotsOf, targetsOf } from '../../../src/lib/state/collections';
import { peopleOf } from '../../../src/lib/state/people.svelte';
import { ReviewHistory, slotLabel, WeeklyReviewState } from '../../../src/lib/state/review.svelte';
import { HomeExtras } from '../../../src/lib/state/upcoming.svelte';
import { clearDraft } from '../../../src/lib/state/drafts';
import { openSession } from '../support/session';

const FRIDAY = '2026-12-04';

describe('WeeklyReviewState', () => {
	it('walks a week: logs, ticks, picks, writes two lines, and keeps the review', async () => {
		clearDraft('weekly-review');
		const session = await openSession();
		const people = peopleOf(session);
		const ana = people.addContact('Ana Silva', { lastContactOn: '2026-01-01' })!;
		const bo = people.addContact('Bo Chen')!;
		const act = actionsOf(session).add({ text: 'Email the panel', due: '2026-12-03' })!;
		actionsOf(session).add({ text: 'Later thing', due: '2027-02-01' });
		const slot = slotsOf(session).add({ weekday: 2, start: '08:30', kind: 'coffee' })!;

		const review = new WeeklyReviewState(session, FRIDAY);
		expect(review.week).toBe('2026-11-30');
		expect(review.overdue.map((o) => o.name)).toContain('Ana Silva');

		review.logConversation(bo, 'call');
		expect(review.weekConversations.map((c) => c.name)).toEqual(['Bo Chen']);
		expect(people.contacts.get(bo)!.lastContactOn).toBe(FRIDAY);

		expect(review.actions.map((a) => a.text)).toEqual(['Email the panel']);
		review.setActionDone(act, true);
		expect(actionsOf(session).get(act)!.done).toBe(true);
		// A ticked action stays on the list, so it can be unticked.
		expect(review.actions.map((a) => a.id)).toEqual([act]);

		review.toggleSlot(slot);
		review.toggleReach(ana);
		review.toggleReach(bo);
		review.toggleReach('nobody');
		expect(review.reach).toEqual([ana, bo]);
		review.wentWell = 'Good call with Bo';
		review.inTheWay = 'A sick day';

		const done = review.finish()!;
		expect(done).toMatchObject({
			week: '2026-11-30',
			doneOn: FRIDAY,
			conversations: 1,
			actionsDone: ['Email the panel'],
			slots: ['Tue 08:30 · Coffee'],
			reachNames: ['Ana Silva', 'Bo Chen'],
			wentWell: 'Good call with Bo',
			inTheWay: 'A sick day'
		});
		expect(review.summary.did).toBe('1 conversation, 1 action done.');
		expect(reviewsOf(session).all).toHaveLength(1);
		// The people to reach show up next week.
		expect(people.contacts.get(ana)!.followUpOn).toBe('2026-12-07');

		const history = new ReviewHistory(session, FRIDAY);
		expect(history.status).toBe('done');
		expect(history.streak).toBe(1);
		expect(history.thisWeek?.id).toBe(done.id);

		// Finishing is one undoable write: the review and the follow-ups go back together.
		session.undo();
		expect(reviewsOf(session).all).toHaveLength(0);
		expect(people.contacts.get(ana)!.followUpOn).toBeNull();
	});

	it('keeps next week’s choices and the two lines as a draft for the same week only', async () => {
		clearDraft('weekly-review');
		const session = await openSession();
		const first = new WeeklyReviewState(session, FRIDAY);
		first.wentWell = 'Half-written';
		first.go(4);
		const again = new WeeklyReviewState(session, '2026-12-05');
		expect(again.wentWell).toBe('Half-written');
		expect(again.step).toBe(4);
		const nextWeek = new WeeklyReviewState(session, '2026-12-08');
		expect(nextWeek.wentWell).toBe('');
		expect(nextWeek.step).toBe(0);
		clearDraft('weekly-review');
	});

	it('lets at most two people be chosen, and adds a slot it chooses at once', async () => {
		clearDraft('weekly-review');
		const session = await openSession();
		const people = peopleOf(session);
		const ids = ['A', 'B', 'C'].map((n) => people.addContact(n)!);
		const review = new WeeklyReviewState(session, FRIDAY);
		ids.forEach((id) => review.toggleReach(id));
		expect(review.reach).toEqual(ids.slice(0, 2));
		const slot = review.addSlot(4, '12:00', 'lunch')!;
		expect(review.chosenSlots).toEqual([slot]);
		expect(review.draftReview.slots).toEqual(['Thu 12:00 · Lunch']);
		clearDraft('weekly-review');
	});

	it('suggests overdue people first, then goal helpers, and the doors to open for the goal', async () => {
		clearDraft('weekly-review');
		const session = await openSession();
		const people = peopleOf(session);
		const late = people.addContact('Zed Late', { lastContactOn: '2026-01-01' })!;
		people.addContact('Amy Helper', { helpsGoal: true });
		people.addContact('Bea Helper', { helpsGoal: true, lastContactOn: '2026-01-02' });
		people.addContact('Sam Acme', { org: 'Acme', lastContactOn: FRIDAY });
		targetsOf(session).add({ role: 'Head of product', org: 'Acme', how: 'Ask Sam at lunch' });
		targetsOf(session).add({ role: 'Reached', org: 'Acme', reachedContactId: late });
		const review = new WeeklyReviewState(session, FRIDAY);
		// Overdue first, longest overdue first (a helper among them listed once), then the other
		// helpers by name.
		expect(review.reachSuggestions.map((p) => p.name)).toEqual([
			'Zed Late',
			'Bea Helper',
			'Amy Helper'
		]);
		expect(review.doors).toEqual([
			{
				id: expect.any(String),
				title: 'Head of product, Acme',
				how: 'Ask Sam at lunch',
				paths: [expect.objectContaining({ contact: expect.objectContaining({ name: 'Sam Acme' }) })]
			}
		]);
		clearDraft('weekly-review');
	});

	it('logs with someone new, trimming the name', async () => {
		clearDraft('weekly-review');
		const session = await openSession();
		const review = new WeeklyReviewState(session, FRIDAY);
		review.logWithNewContact('  Cerys Jones ', 'coffee');
		expect(review.weekConversations.map((c) => c.name)).toEqual(['Cerys Jones']);
		clearDraft('weekly-review');
	});

	it('stores the review day and reads anything else as Friday', async () => {
		const session = await openSession();
		const history = new ReviewHistory(session, '2026-12-01');
		expect(history.day.current).toBe(5);
		expect(history.status).toBe('upcoming');
		history.day.set(2);
		expect(history.day.current).toBe(2);
		expect(new ReviewHistory(session, '2026-12-01').status).toBe('due');
		expect(() => history.day.set(9)).toThrow();
	});
});

describe('slotLabel', () => {
	it('names a slot by short day, time and kind', () => {
		expect(slotLabel({ weekday: 7, start: '18:00', kind: 'event' })).toBe('Sun 18:00 · Event');
	});
});

describe('HomeExtras', () => {
	it('finds the next milestone from the goal’s answers and the week’s events', async () => {
		const session = await openSession();
		const extras = new HomeExtras(session);
		const today = extras.today;
		expect(extras.nextMilestone).toBeNull();
		session.write((doc) => {
			doc.getText('text:goal.milestone1').insert(0, 'Lead a project');
			doc.getMap('answers').set('goal.milestone1Due', '2999-01-01');
		});
		expect(extras.nextMilestone).toMatchObject({ n: 1, text: 'Lead a project', due: '2999-01-01' });
		const { eventsOf } = await import('../../../src/lib/state/collections');
		eventsOf(session).add({ name: 'Product meetup', nextOn: today });
		eventsOf(session).add({ name: 'Far away', nextOn: '2999-01-01' });
		expect(extras.events.map((e) => e.name)).toEqual(['Product meetup']);
	});
});
