import { describe, expect, it } from 'vitest';
import {
	ALLY_MIN_SIGNS,
	askCounts,
	CHAMPIONS_DONE_WHEN,
	championsSummary,
	dismissalKey,
	evidenceByContact,
	RECENT_DAYS,
	stageSuggestions,
	tellingEvidence,
	type EvidenceInput
} from '$lib/model/champions';
import { CHAMPIONS_MIN } from '$lib/model/progress';
import type { Ask } from '$lib/model/records';
import { contact, conversation } from './people-fixtures';

const TODAY = '2026-06-01';

let askN = 0;
function ask(fields: Partial<Ask> = {}): Ask {
	askN++;
	return {
		id: `a${askN}`,
		contactId: 'ana',
		what: 'Put me forward for the Lisbon project',
		on: '2026-05-01',
		outcome: 'pending',
		followedThrough: false,
		...fields
	};
}

const helped = (contactId: string, on = '2026-01-10') =>
	conversation({ contactId, on, iOffered: 'An intro to a recruiter' });
const theyHelped = (contactId: string, on = '2026-01-10') =>
	conversation({ contactId, on, theyOffered: 'Feedback on my deck' });

function input(fields: Partial<EvidenceInput>): EvidenceInput {
	return { contacts: [], conversations: [], asks: [], today: TODAY, ...fields };
}

describe('champion suggestions, kind by kind', () => {
	it('help you gave alone suggests nothing: give-and-take needs something back', () => {
		const ana = contact({ id: 'ana', name: 'Ana' });
		const out = stageSuggestions(
			input({ contacts: [ana], conversations: [helped('ana'), helped('ana'), helped('ana')] })
		);
		expect(out).toEqual([]);
	});

	it('help given and an introduction received: the article example', () => {
		const ana = contact({ id: 'ana', name: 'Ana' });
		const cerys = contact({ id: 'cerys', name: 'Cerys', introducedBy: 'ana' });
		const [s, ...rest] = stageSuggestions(
			input({ contacts: [ana, cerys], conversations: [helped('ana'), helped('ana')] })
		);
		expect(rest).toEqual([]);
		expect(s).toMatchObject({ contactId: 'ana', from: 'contact', to: 'ally', signs: 3 });
		expect(s!.reason).toBe(
			'You helped Ana twice and they introduced you to Cerys: make Ana an ally?'
		);
	});

	it('help received is enough when there is enough of it', () => {
		const ben = contact({ id: 'ben', name: 'Ben' });
		const two = input({ contacts: [ben], conversations: [theyHelped('ben'), theyHelped('ben')] });
		expect(stageSuggestions(two)).toEqual([]);
		const three = input({
			contacts: [ben],
			conversations: [theyHelped('ben'), theyHelped('ben'), theyHelped('ben')]
		});
		expect(stageSuggestions(three)[0]!.reason).toBe('Ben helped you 3 times: make Ben an ally?');
	});

	it('an ask said yes to and followed through is an ally by itself', () => {
		const ana = contact({ id: 'ana', name: 'Ana' });
		const yes = ask({ outcome: 'yes' });
		expect(stageSuggestions(input({ contacts: [ana], asks: [yes] }))).toEqual([]);
		const done = { ...yes, followedThrough: true };
		const [s] = stageSuggestions(input({ contacts: [ana], asks: [done] }));
		expect(s!.reason).toBe(
			'Ana said yes when you asked “Put me forward for the Lisbon project” and followed through: make Ana an ally?'
		);
		// "Partly" counts as a yes; "no" and "waiting" count for nothing.
		const partly = { ...done, outcome: 'partly' as const };
		expect(stageSuggestions(input({ contacts: [ana], asks: [partly] }))).toHaveLength(1);
		const no = { ...done, outcome: 'no' as const };
		expect(stageSuggestions(input({ contacts: [ana], asks: [no] }))).toEqual([]);
	});

	it('talking often tips someone who has helped over the line, but only recent talks count', () => {
		const cy = contact({ id: 'cy', name: 'Cy' });
		const old = input({
			contacts: [cy],
			conversations: [theyHelped('cy', '2025-01-01'), theyHelped('cy', '2025-02-01')]
		});
		expect(stageSuggestions(old)).toEqual([]);
		const recent = input({
			contacts: [cy],
			conversations: [theyHelped('cy', '2026-05-01'), theyHelped('cy', '2026-05-20')]
		});
		const [s] = stageSuggestions(recent);
		expect(s!.signs).toBe(ALLY_MIN_SIGNS);
		expect(s!.reason).toBe(
			'Cy helped you twice and you have talked with them twice in the last three months: make Cy an ally?'
		);
		// Exactly RECENT_DAYS ago still counts; a day more does not.
		const edge = new Date(Date.UTC(2026, 5, 1 - RECENT_DAYS)).toISOString().slice(0, 10);
		const atEdge = input({
			contacts: [cy],
			conversations: [theyHelped('cy', edge), theyHelped('cy', '2026-05-20')]
		});
		expect(stageSuggestions(atEdge)).toHaveLength(1);
	});

	it('advocacy counts, written down or tagged as a role', () => {
		const di = contact({ id: 'di', name: 'Di', advocacy: 'Backs my proposal at the board' });
		const [s] = stageSuggestions(input({ contacts: [di], conversations: [theyHelped('di')] }));
		expect(s!.reason).toBe(
			'Di helped you once and they speak up for you (“Backs my proposal at the board”): make Di an ally?'
		);
		const eli = contact({ id: 'eli', name: 'Eli', roles: ['advocates'] });
		const [t] = stageSuggestions(input({ contacts: [eli], conversations: [helped('eli')] }));
		expect(t!.reason).toBe('You helped Eli once and they speak up for you: make Eli an ally?');
	});

	it('suggests a champion when an ally speaks up for you and has acted on it', () => {
		const ana = contact({ id: 'ana', name: 'Ana', stage: 'ally', advocacy: 'My promotion case' });
		const alone = input({ contacts: [ana] });
		expect(stageSuggestions(alone)).toEqual([]);
		const cerys = contact({ id: 'cerys', name: 'Cerys', introducedBy: 'ana' });
		const [s] = stageSuggestions(input({ contacts: [ana, cerys] }));
		expect(s).toMatchObject({ from: 'ally', to: 'champion' });
		expect(s!.reason).toBe(
			'Ana introduced you to Cerys and they speak up for you (“My promotion case”): make Ana a champion?'
		);
		const followed = ask({ outcome: 'yes', followedThrough: true });
		expect(stageSuggestions(input({ contacts: [ana], asks: [followed] }))[0]!.to).toBe('champion');
		// Acting without speaking up is not yet a champion.
		const quiet = { ...ana, advocacy: '' };
		expect(stageSuggestions(input({ contacts: [quiet, cerys] }))).toEqual([]);
	});
});

describe('ties and order', () => {
	it('names the heaviest evidence, ties broken in a fixed kind order, written in that order', () => {
		const e = evidenceByContact(
			input({
				contacts: [
					contact({ id: 'ana', name: 'Ana', advocacy: 'x' }),
					contact({ id: 'b', name: 'Bo', introducedBy: 'ana' })
				],
				conversations: [helped('ana'), theyHelped('ana')],
				asks: [ask({ outcome: 'yes' })]
			})
		).get('ana')!;
		// gave 1, got 1, introduced 1, asked 2, advocates 2: the two 2s, then the first 1 (gave).
		expect(tellingEvidence(e.evidence).map((x) => x.kind)).toEqual(['gave', 'asked', 'advocates']);
	});

	it('orders suggestions by weight, champions before allies on a tie, then by name', () => {
		const people = [
			contact({ id: 'zed', name: 'Zed' }),
			contact({ id: 'amy', name: 'Amy' }),
			contact({ id: 'max', name: 'Max', stage: 'ally', advocacy: 'Speaks up' }),
			contact({ id: 'i1', name: 'Intro one', introducedBy: 'max' }),
			contact({ id: 'big', name: 'Big' })
		];
		const conversations = [
			...[1, 2, 3].map(() => theyHelped('zed')),
			...[1, 2, 3].map(() => theyHelped('amy')),
			...[1, 2, 3, 4].map(() => theyHelped('big'))
		];
		const out = stageSuggestions(input({ contacts: people, conversations }));
		// Big 4 signs; Max 3 (advocacy 2 + introduction 1) as champion; Amy and Zed 3 as allies.
		expect(out.map((s) => s.name)).toEqual(['Big', 'Max', 'Amy', 'Zed']);
	});
});

describe('what the user decided stands', () => {
	it('never suggests a dismissed stage again, whatever new evidence comes', () => {
		const ana = contact({ id: 'ana', name: 'Ana' });
		const answers = { [dismissalKey('ana', 'ally')]: true };
		expect(dismissalKey('ana', 'ally')).toBe('champions.dismissed.ana.ally');
		const lots = [1, 2, 3, 4, 5].map(() => theyHelped('ana'));
		expect(stageSuggestions(input({ contacts: [ana], conversations: lots }))).toHaveLength(1);
		expect(stageSuggestions(input({ contacts: [ana], conversations: lots, answers }))).toEqual([]);
		// Only a true "no" counts: a cleared or odd value is no dismissal.
		for (const value of [false, null, 'yes', 1])
			expect(
				stageSuggestions(
					input({
						contacts: [ana],
						conversations: lots,
						answers: { [dismissalKey('ana', 'ally')]: value }
					})
				)
			).toHaveLength(1);
		// Dismissing "ally" does not silence a later "champion" once they are an ally.
		const ally = { ...ana, stage: 'ally' as const, advocacy: 'Names me for projects' };
		const cerys = contact({ id: 'cerys', name: 'Cerys', introducedBy: 'ana' });
		expect(stageSuggestions(input({ contacts: [ally, cerys], answers }))[0]!.to).toBe('champion');
		// Another person's dismissal is theirs alone.
		const ben = contact({ id: 'ben', name: 'Ben' });
		const bens = [1, 2, 3].map(() => theyHelped('ben'));
		expect(
			stageSuggestions(
				input({ contacts: [ana, ben], conversations: [...lots, ...bens], answers })
			).map((x) => x.name)
		).toEqual(['Ben']);
	});

	it('suggests nothing for someone already at that stage or past it', () => {
		const conversations = [1, 2, 3].map(() => theyHelped('ana'));
		const asAlly = contact({ id: 'ana', name: 'Ana', stage: 'ally' });
		expect(stageSuggestions(input({ contacts: [asAlly], conversations }))).toEqual([]);
		const champion = contact({ id: 'ana', name: 'Ana', stage: 'champion', advocacy: 'All' });
		const cerys = contact({ id: 'cerys', name: 'Cerys', introducedBy: 'ana' });
		expect(stageSuggestions(input({ contacts: [champion, cerys], conversations }))).toEqual([]);
	});

	it('ignores evidence about people who are gone', () => {
		const ana = contact({ id: 'ana', name: 'Ana' });
		const out = stageSuggestions(
			input({
				contacts: [ana, contact({ id: 'x', introducedBy: 'gone' })],
				conversations: [theyHelped('gone'), theyHelped('gone'), theyHelped('gone')],
				asks: [ask({ contactId: 'gone', outcome: 'yes', followedThrough: true })]
			})
		);
		expect(out).toEqual([]);
	});
});

describe('ask outcomes and the summary', () => {
	it('counts asked, said yes (partly included), followed through, waiting and no', () => {
		const asks = [
			ask({ outcome: 'yes', followedThrough: true }),
			ask({ outcome: 'partly' }),
			ask({ outcome: 'no', followedThrough: true }),
			ask({ outcome: 'pending' })
		];
		expect(askCounts(asks)).toEqual({
			asked: 4,
			saidYes: 2,
			followedThrough: 1,
			waiting: 1,
			saidNo: 1
		});
		expect(askCounts([])).toEqual({
			asked: 0,
			saidYes: 0,
			followedThrough: 0,
			waiting: 0,
			saidNo: 0
		});
	});

	it('counts who is on your side, how many more the step needs, and allies never asked', () => {
		const people = [
			contact({ id: 'a', stage: 'ally' }),
			contact({ id: 'b', stage: 'ally' }),
			contact({ id: 'c', stage: 'champion' }),
			contact({ id: 'd' })
		];
		const s = championsSummary(people, [ask({ contactId: 'a' })], 5);
		expect(s).toMatchObject({ allies: 2, champions: 1, onSide: 3, toGo: 2, alliesNeverAsked: 1 });
		expect(championsSummary(people, [], 2).toGo).toBe(0);
	});

	it('says the completion rule in the words of the number it checks', () => {
		const words = ['', 'one', 'two', 'three', 'four'];
		expect(CHAMPIONS_DONE_WHEN).toContain(`${words[CHAMPIONS_MIN]} people`);
	});
});
