import { describe, expect, it } from 'vitest';
import { ContactPage } from '../../../src/lib/state/contact.svelte';
import { peopleOf } from '../../../src/lib/state/people.svelte';
import { openSession } from '../support/session';

async function setUp() {
	const people = peopleOf(await openSession());
	const ann = people.addContact('Ann')!;
	const bob = people.addContact('Bob')!;
	let id = $state(ann);
	const page = new ContactPage(people, () => id);
	return { people, page, ann, bob, show: (next: string) => (id = next) };
}

describe('ContactPage', () => {
	it('follows the id it is given', async () => {
		const { page, bob, show } = await setUp();
		expect(page.contact?.name).toBe('Ann');
		show(bob);
		expect(page.contact?.name).toBe('Bob');
		show('nobody');
		expect(page.contact).toBeNull();
	});

	it('answers who introduced them: on my own or not said at once, someone through the picker', async () => {
		const { page, bob } = await setUp();
		expect(page.introducedChoice).toBe('unknown');
		page.chooseIntroduced('self');
		expect(page.contact?.introducedBy).toBe('self');
		page.chooseIntroduced('someone');
		// Nothing is stored until someone is picked; the choice shows while the picker is open.
		expect([page.pickingIntroducer, page.introducedChoice]).toEqual([true, 'someone']);
		expect(page.contact?.introducedBy).toBe('self');
		page.setIntroducer(bob);
		expect([page.pickingIntroducer, page.contact?.introducedBy]).toEqual([false, bob]);
		expect(page.introducer?.name).toBe('Bob');
		page.chooseIntroduced('unknown');
		expect(page.contact?.introducedBy).toBeNull();
		page.chooseIntroduced('someone');
		page.setIntroducer(null);
		expect([page.pickingIntroducer, page.introducedChoice]).toEqual([false, 'unknown']);
	});

	it('switches roles in the article order', async () => {
		const { page } = await setUp();
		page.toggleRole('sponsors', true);
		page.toggleRole('informs', true);
		expect(page.contact?.roles).toEqual(['informs', 'sponsors']);
		page.toggleRole('informs', false);
		expect(page.contact?.roles).toEqual(['sponsors']);
	});

	it('keeps a cadence from 1 to 3650 days, clears a blank one and ignores the rest', async () => {
		const { page } = await setUp();
		page.setCadence('14');
		expect(page.contact?.cadenceDays).toBe(14);
		page.setCadence('0');
		page.setCadence('3651');
		page.setCadence('1.5');
		expect(page.contact?.cadenceDays).toBe(14);
		page.setCadence(' ');
		expect(page.contact?.cadenceDays).toBeNull();
	});

	it('lists their asks newest first, and only theirs', async () => {
		const { people, page, bob } = await setUp();
		expect(page.addAsk('  ', '2026-01-01')).toBe(false);
		page.addAsk('An intro to Cat', '2026-01-05');
		page.addAsk('Feedback on a talk', '2026-02-01');
		people.addAsk(bob, 'Not Ann’s', '2026-03-01');
		expect(page.asks.map((a) => a.what)).toEqual(['Feedback on a talk', 'An intro to Cat']);
	});

	it('adds the ask being written, dated today unless changed, and empties the field', async () => {
		const { page } = await setUp();
		expect(page.askOn).toBe(page.today);
		page.askWhat = '   ';
		page.submitAsk();
		expect(page.asks).toEqual([]);
		page.askWhat = ' A reference ';
		page.submitAsk();
		expect(page.askWhat).toBe('');
		expect(page.asks.map((a) => [a.what, a.on])).toEqual([['A reference', page.today]]);
	});

	it('offers their addresses and links as safe links only', async () => {
		const { page } = await setUp();
		page.update({
			emails: ['ann@example.org'],
			links: ['javascript:alert(1)', 'https://example.org']
		});
		expect(page.links.map((l) => l.href)).toEqual([
			'mailto:ann@example.org',
			'https://example.org/'
		]);
	});

	it('knows who introduced them, and who can still be tied to them', async () => {
		const { people, page, ann, bob } = await setUp();
		expect(page.howIntroduced).toBe('unknown');
		page.update({ introducedBy: bob });
		expect([page.howIntroduced, page.introducer?.name]).toEqual(['someone', 'Bob']);
		page.update({ introducedBy: 'self' });
		expect([page.howIntroduced, page.introducer]).toEqual(['self', null]);
		people.addTie(ann, bob);
		expect(page.ties.map((c) => c.name)).toEqual(['Bob']);
		expect([...page.tieExclude].sort()).toEqual([ann, bob].sort());
	});

	it('removes them', async () => {
		const { people, page, ann } = await setUp();
		page.remove();
		expect(people.contacts.get(ann)).toBeNull();
	});
});
