import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/lib/model/dates';
import { contactsOf } from '../../../src/lib/state/collections';
import { peopleOf } from '../../../src/lib/state/people.svelte';
import { PEOPLE_PAGE_SIZE, PeopleListState } from '../../../src/lib/state/peopleList.svelte';
import { openSession } from '../support/session';

describe('PeopleListState', () => {
	it('adds someone by name, trimmed, and says who was added', async () => {
		const session = await openSession();
		const list = new PeopleListState(session);
		list.newName = '   ';
		list.add();
		expect(list.total).toBe(0);
		list.newName = '  Ann Lee ';
		list.add();
		expect(list.total).toBe(1);
		expect(list.added?.name).toBe('Ann Lee');
		expect(list.newName).toBe('');
		expect(contactsOf(session).get(list.added!.id)?.name).toBe('Ann Lee');
	});

	it('searches and filters, counting people or matches, and clears back to everyone', async () => {
		const session = await openSession();
		const contacts = contactsOf(session);
		contacts.add({ name: 'Ann Lee', org: 'Acme', roles: ['mentors'] });
		contacts.add({ name: 'Bo Chen', org: 'Globex', tier: 'inner' });
		contacts.add({ name: 'Cy Dunn', org: 'Acme' });
		const list = new PeopleListState(session);
		list.clearFilters();
		expect(list.countText).toBe('3 people');
		list.text = 'acme';
		expect(list.shown.map((c) => c.name)).toEqual(['Ann Lee', 'Cy Dunn']);
		expect(list.countText).toBe('2 matches');
		list.role = 'mentors';
		expect(list.countText).toBe('1 match');
		list.text = 'nobody';
		expect(list.countText).toBe('No one matches.');
		list.clearFilters();
		list.tier = 'inner';
		expect(list.shown.map((c) => c.name)).toEqual(['Bo Chen']);
		list.clearFilters();
		expect(list.filtering).toBe(false);
		expect(list.countText).toBe('3 people');
	});

	it('draws one page at a time, and starts again from one page when the search changes', async () => {
		const session = await openSession();
		const contacts = contactsOf(session);
		for (let i = 0; i < PEOPLE_PAGE_SIZE * 2 + 5; i++) contacts.add({ name: `Person ${i}` });
		const list = new PeopleListState(session);
		list.clearFilters();
		expect(list.shown).toHaveLength(PEOPLE_PAGE_SIZE);
		expect(list.countText).toBe('Showing 50 of 105 people');
		list.showMore();
		list.showMore();
		expect(list.shown).toHaveLength(105);
		expect(list.more).toBe(0);
		list.sort = 'lastContact';
		expect(list.shown).toHaveLength(105);
		list.text = 'person';
		expect(list.shown).toHaveLength(PEOPLE_PAGE_SIZE);
		expect(list.more).toBe(PEOPLE_PAGE_SIZE);
	});

	it('keeps the search for the next visit to the list, and opens on the overdue ones when asked', async () => {
		const session = await openSession();
		const first = new PeopleListState(session);
		first.text = 'lee';
		first.sort = 'nextFollowUp';
		const again = new PeopleListState(session);
		expect([again.text, again.sort]).toEqual(['lee', 'nextFollowUp']);
		again.clearFilters();
		expect(new PeopleListState(session, true).overdue).toBe(true);
		new PeopleListState(session).clearFilters();
	});

	it('says overdue, due this week (up to today + 6), last in touch or not yet, on each row', async () => {
		const session = await openSession();
		const today = peopleOf(session).today;
		const contacts = contactsOf(session);
		const late = contacts.add({ name: 'Late', followUpOn: addDays(today, -2) })!;
		const soon = contacts.add({ name: 'Soon', followUpOn: addDays(today, 6) })!;
		const later = contacts.add({
			name: 'Later',
			followUpOn: addDays(today, 7),
			lastContactOn: addDays(today, -1)
		})!;
		const list = new PeopleListState(session);
		list.clearFilters();
		const line = (id: string) => list.followUp(contactsOf(session).get(id)!);
		expect(line(late)).toEqual({ text: 'Follow up: 2 days overdue', overdue: true });
		expect(line(soon)).toEqual({ text: 'Follow up in 6 days', overdue: false });
		expect(line(later)).toEqual({ text: 'In touch yesterday', overdue: false });
		expect(list.overdueCount).toBe(1);
		expect(list.dueThisWeek).toBe(1);
		list.overdue = true;
		expect(list.shown.map((c) => c.name)).toEqual(['Late']);
		list.clearFilters();
	});

	it('updates what reads the list when someone is added elsewhere', async () => {
		const session = await openSession();
		const list = new PeopleListState(session);
		list.clearFilters();
		const seen: string[] = [];
		const stop = $effect.root(() => {
			$effect(() => void seen.push(list.countText));
		});
		flushSync();
		contactsOf(session).add({ name: 'Dee' });
		flushSync();
		expect(seen).toEqual(['No one matches.', '1 person']);
		stop();
	});
});
