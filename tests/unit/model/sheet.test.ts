import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { statementKey, OBSTACLES } from '$lib/model/diagnosis';
import { GOAL_KEYS } from '$lib/model/goal';
import type { Action, NetEvent, Slot, Target } from '$lib/model/records';
import {
	buildSheet,
	clip,
	defaultPaperFor,
	opennessLines,
	SHEET_LIMITS,
	SHEET_SECTIONS,
	SHEET_TEXT_LIMITS,
	type SheetInput
} from '$lib/model/sheet';
import { opennessReport } from '$lib/model/openness';
import type { Offer } from '$lib/model/value';
import { contact } from './people-fixtures';

const TODAY = '2026-03-10';
const CADENCE = { inner: 14, key: 30, wider: 90 };

function input(fields: Partial<SheetInput> = {}): SheetInput {
	return {
		today: TODAY,
		answers: {},
		contacts: [],
		ties: [],
		targets: [],
		offers: [],
		events: [],
		slots: [],
		actions: [],
		cadence: CADENCE,
		timeZone: 'UTC',
		...fields
	};
}

let n = 0;
const id = (p: string) => `${p}${String(++n).padStart(4, '0')}`;
const offer = (text: string): Offer => ({ id: id('o'), kind: 'skill', text });
const target = (f: Partial<Target> = {}): Target => ({
	id: id('t'),
	role: 'VP Product',
	org: 'Globex',
	industry: '',
	why: '',
	how: '',
	reachedContactId: null,
	...f
});
const slot = (f: Partial<Slot> = {}): Slot => ({
	id: id('s'),
	weekday: 2,
	start: '12:30',
	minutes: 60,
	kind: 'lunch',
	...f
});
const event = (f: Partial<NetEvent> = {}): NetEvent => ({
	id: id('e'),
	name: 'Meetup',
	kind: 'event',
	nextOn: null,
	timesAttended: 0,
	newPeople: null,
	servesGoal: null,
	verdict: null,
	...f
});
const action = (f: Partial<Action> = {}): Action => ({
	id: id('a'),
	text: 'Do a thing',
	horizon: 30,
	due: null,
	done: false,
	...f
});

function ratings(scores: number[]): Record<string, number> {
	const out: Record<string, number> = {};
	OBSTACLES.forEach((o, i) => {
		for (let k = 1; k <= o.statementCount; k++) out[statementKey(o.id, k)] = scores[i]!;
	});
	return out;
}

describe('clip', () => {
	it('keeps short text, folding white space', () => {
		expect(clip('  a  short\n answer ', 40)).toBe('a short answer');
	});
	it('cuts long text at a word boundary with an ellipsis, never over the limit', () => {
		const out = clip('one two three four five six seven', 20);
		expect(out).toBe('one two three four…');
		expect(out.length).toBeLessThanOrEqual(20);
	});
	it('cuts one endless word mid-word rather than dropping it', () => {
		expect(clip('x'.repeat(50), 10)).toBe('x'.repeat(9) + '…');
	});
	it('never exceeds the limit, for any text', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 200 }), (s, max) => {
				expect(clip(s, max).length).toBeLessThanOrEqual(max);
			})
		);
	});
});

describe('buildSheet on an empty workbook', () => {
	const sheet = buildSheet(input());
	it('lists every section in print order, each marked empty with the step that fills it', () => {
		expect(sheet.sections.map((s) => s.id)).toEqual([...SHEET_SECTIONS]);
		expect(sheet.sections.every((s) => s.empty)).toBe(true);
		expect(Object.fromEntries(sheet.sections.map((s) => [s.id, s.step]))).toMatchObject({
			goal: 'goal',
			value: 'value',
			obstacles: 'diagnose',
			village: 'map',
			champions: 'champions',
			actions: 'plan'
		});
	});
	it('is dated today, with no openness lines to show', () => {
		expect(sheet.madeOn).toBe(TODAY);
		expect(sheet.openness).toEqual([]);
	});
});

describe('buildSheet: goal, value and obstacles', () => {
	it('shows the goal, its horizon in years and the milestones with their dates', () => {
		const sheet = buildSheet(
			input({
				answers: {
					[GOAL_KEYS.statement]: 'Lead a product team',
					[GOAL_KEYS.horizon]: '2029-03-10',
					[GOAL_KEYS.milestone1]: 'Run a discovery',
					[GOAL_KEYS.milestone1Due]: '2026-09-01',
					[GOAL_KEYS.milestone2]: 'Lead a team',
					[GOAL_KEYS.milestone2Due]: 'not a date'
				}
			})
		);
		expect(sheet.goal).toEqual({
			statement: 'Lead a product team',
			horizon: '2029-03-10',
			years: 3,
			milestones: [
				{ n: 1, text: 'Run a discovery', due: '2026-09-01' },
				{ n: 2, text: 'Lead a team', due: null }
			]
		});
		expect(sheet.sections.find((s) => s.id === 'goal')!.empty).toBe(false);
	});

	it('clips a very long goal so it cannot push the rest of the sheet off the page', () => {
		const sheet = buildSheet(input({ answers: { [GOAL_KEYS.statement]: 'word '.repeat(200) } }));
		expect(sheet.goal.statement.length).toBeLessThanOrEqual(SHEET_TEXT_LIMITS.goal);
		expect(sheet.goal.statement.endsWith('…')).toBe(true);
	});

	it('prefers the written value statement, else composes one from the builder', () => {
		const written = buildSheet(
			input({ answers: { 'value.statement': 'I help X.', 'value.whoIHelp': 'nurses' } })
		);
		expect(written.value.statement).toBe('I help X.');
		const composed = buildSheet(
			input({ answers: { 'value.whoIHelp': 'nurses', 'value.outcome': 'lead wards' } })
		);
		expect(composed.value.statement).toBe('I help nurses lead wards.');
	});

	it('keeps the first three offers written and counts the rest', () => {
		const offers = ['A', 'B', ' ', 'C', 'D', 'E'].map(offer);
		const sheet = buildSheet(input({ offers }));
		expect(sheet.value.offers.map((o) => o.text)).toEqual(['A', 'B', 'C']);
		expect(sheet.value.more).toBe(2);
	});

	it('names the two biggest obstacles with the step that answers each', () => {
		const sheet = buildSheet(input({ answers: ratings([2, 4, 3, 4, 5, 1]) }));
		expect(sheet.obstacles.map((o) => [o.id, o.fixedBy])).toEqual([
			['time', 'plan'],
			['closed', 'map']
		]);
	});
});

describe('buildSheet: the village', () => {
	const people = [
		contact({ id: 'p1', name: 'Priya', stage: 'champion', strength: 5, roles: ['advocates'] }),
		contact({ id: 'p2', name: 'Tom', stage: 'ally', strength: 5, advocacy: 'My ward work' }),
		contact({ id: 'p3', name: 'Ann', stage: 'ally', strength: 2 }),
		contact({ id: 'p4', name: 'Bob', roles: ['connects'], org: 'Globex', strength: 4 }),
		contact({ id: 'p5', name: 'Cy', roles: ['sponsors'], stage: 'ally', seniority: 'senior' })
	];

	it('counts roles, names the missing ones', () => {
		const sheet = buildSheet(input({ contacts: people }));
		expect(sheet.village.contacts).toBe(5);
		expect(sheet.village.covered).toBe(3);
		expect(sheet.village.missing).toEqual(['informs', 'gets-job-done', 'mentors', 'guides']);
		expect(sheet.village.noRole).toBe(2);
	});

	it('lists champions before allies, strongest first, with what they advocate for', () => {
		const sheet = buildSheet(input({ contacts: people }));
		expect(sheet.champions.people.map((c) => c.name)).toEqual(['Priya', 'Tom', 'Cy', 'Ann']);
		expect(sheet.champions.people[1]!.advocacy).toBe('My ward work');
	});

	it('flags the sponsor gap and names the first candidate', () => {
		const sheet = buildSheet(input({ contacts: people }));
		expect(sheet.champions.sponsorGap).toBe(true);
		expect(sheet.champions.candidate).toBe('Cy');
		const sponsored = buildSheet(
			input({ contacts: [contact({ stage: 'champion', roles: ['sponsors'] })] })
		);
		expect(sponsored.champions.sponsorGap).toBe(false);
	});

	it('caps champions and counts the rest', () => {
		const many = Array.from({ length: 9 }, (_, i) =>
			contact({ id: `k${i}`, name: `K${i}`, stage: 'champion' })
		);
		const sheet = buildSheet(input({ contacts: many }));
		expect(sheet.champions.people).toHaveLength(SHEET_LIMITS.champions);
		expect(sheet.champions.more).toBe(9 - SHEET_LIMITS.champions);
	});

	it('shows open targets with their best warm paths and how I plan to reach them', () => {
		const targets = [
			target({ role: 'VP Product', org: 'Globex', how: 'Ask Bob' }),
			target({ reachedContactId: 'p1' }),
			target({ role: 'CNIO', org: '', industry: 'Health care' }),
			target(),
			target(),
			target({ role: '', org: '' })
		];
		const sheet = buildSheet(input({ contacts: people, targets }));
		expect(sheet.targets.items).toHaveLength(SHEET_LIMITS.targets);
		expect(sheet.targets.more).toBe(1);
		expect(sheet.targets.reached).toBe(1);
		const [first, second] = sheet.targets.items;
		expect(first!.who).toBe('VP Product, at Globex');
		expect(first!.how).toBe('Ask Bob');
		expect(first!.paths[0]).toMatchObject({ name: 'Bob', reason: 'Works at Globex' });
		expect(second!.who).toBe('CNIO, in Health care');
		expect(first!.paths.length).toBeLessThanOrEqual(SHEET_LIMITS.warmPaths);
	});

	it('gives openness one plain line per measure that has a value', () => {
		const mixed = [
			contact({
				inside: true,
				similar: true,
				industry: 'Health',
				tier: 'key',
				introducedBy: 'self'
			}),
			contact({
				inside: false,
				similar: false,
				industry: 'Retail',
				tier: 'key',
				introducedBy: 'self'
			})
		];
		const lines = opennessLines(opennessReport(mixed, []));
		expect(lines).toEqual([
			'50% work inside your own organisation.',
			'50% are much like you.',
			'They span 2 industries.',
			'100% of key people met on your own: ask for introductions.',
			'2 people, like 2 separate doors.'
		]);
		expect(opennessLines(opennessReport([contact()], []))).toEqual([]);
	});
});

describe('buildSheet: nurture next', () => {
	it('picks five, closest relationships first, then earliest follow-up, overdue flagged', () => {
		const people = [
			contact({ id: 'w1', name: 'Wide early', followUpOn: '2026-03-01' }),
			contact({ id: 'i1', name: 'Inner late', tier: 'inner', followUpOn: '2026-05-01' }),
			contact({ id: 'i2', name: 'Inner overdue', tier: 'inner', followUpOn: '2026-03-05' }),
			contact({ id: 'k1', name: 'Key', tier: 'key', followUpOn: '2026-03-20' }),
			contact({ id: 'a1', name: 'Ally', stage: 'ally', followUpOn: '2026-04-01' }),
			contact({ id: 'h1', name: 'Helps', helpsGoal: true, followUpOn: '2026-03-12' }),
			contact({ id: 'w2', name: 'Wide later', followUpOn: '2026-03-02' })
		];
		const sheet = buildSheet(input({ contacts: people }));
		expect(sheet.nurture.map((f) => f.name)).toEqual([
			'Inner overdue',
			'Helps',
			'Key',
			'Ally',
			'Inner late'
		]);
		expect(sheet.nurture[0]).toMatchObject({ due: '2026-03-05', overdue: true });
		expect(sheet.nurture[1]!.overdue).toBe(false);
	});

	it('fills up with the wider network when the closest are fewer than five', () => {
		const people = [
			contact({ name: 'Inner', tier: 'inner', followUpOn: '2026-04-01' }),
			contact({ name: 'Wide', followUpOn: '2026-03-11' })
		];
		expect(buildSheet(input({ contacts: people })).nurture.map((f) => f.name)).toEqual([
			'Inner',
			'Wide'
		]);
	});
});

describe('buildSheet: rhythm and actions', () => {
	it('orders slots Monday first, counts all hours, and caps the list', () => {
		const slots = [
			slot({ weekday: 4, start: '08:30', minutes: 30 }),
			slot({ weekday: 2, start: '12:30', minutes: 60 }),
			slot({ weekday: 2, start: '09:00', minutes: 30 }),
			slot({ weekday: 9, start: '09:00', minutes: 600 }),
			...Array.from({ length: 4 }, () => slot({ weekday: 5, start: '16:00', minutes: 30 }))
		];
		const sheet = buildSheet(input({ slots }));
		expect(sheet.rhythm.slots.slice(0, 3).map((s) => [s.weekday, s.start])).toEqual([
			[2, '09:00'],
			[2, '12:30'],
			[4, '08:30']
		]);
		expect(sheet.rhythm.slots).toHaveLength(SHEET_LIMITS.slots);
		expect(sheet.rhythm.more).toBe(2);
		expect(sheet.rhythm.hoursPerWeek).toBe(4);
	});

	it('keeps upcoming events not dropped, soonest first, undated last', () => {
		const events = [
			event({ name: 'Undated' }),
			event({ name: 'Later', nextOn: '2026-05-01' }),
			event({ name: 'Past', nextOn: '2026-01-01' }),
			event({ name: 'Dropped', nextOn: '2026-03-20', verdict: 'drop' }),
			event({ name: 'Soon', nextOn: '2026-03-15' }),
			event({ name: 'Today', nextOn: TODAY })
		];
		const sheet = buildSheet(input({ events }));
		expect(sheet.rhythm.events.map((e) => e.name)).toEqual(['Today', 'Soon', 'Later']);
		expect(sheet.rhythm.moreEvents).toBe(1);
	});

	it('groups open actions by 30/60/90 days, soonest first, counting done and extra ones', () => {
		const actions = [
			action({ text: 'Undated' }),
			action({ text: 'Late', due: '2026-03-01' }),
			action({ text: 'Next', due: '2026-03-20' }),
			action({ text: 'Done', done: true }),
			action({ text: 'Extra', due: '2026-04-01' }),
			action({ text: 'Sixty', horizon: 60 })
		];
		const sheet = buildSheet(input({ actions }));
		const [thirty, sixty, ninety] = sheet.actions;
		expect(thirty!.open.map((a) => a.text)).toEqual(['Late', 'Next', 'Extra']);
		expect(thirty!.open[0]!.overdue).toBe(true);
		expect(thirty!.more).toBe(1);
		expect(thirty!.done).toBe(1);
		expect(sixty!.open.map((a) => a.text)).toEqual(['Sixty']);
		expect(ninety!.open).toEqual([]);
		expect(sheet.sections.find((s) => s.id === 'actions')!.empty).toBe(false);
	});
});

describe('buildSheet: the caps hold however full the workbook is', () => {
	it('never shows more than the stated limits', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 30 }), (people, k) => {
				const sheet = buildSheet(
					input({
						contacts: Array.from({ length: people }, (_, i) =>
							contact({
								id: `x${i}`,
								stage: i % 3 === 0 ? 'champion' : 'ally',
								tier: 'inner',
								followUpOn: '2026-03-11',
								advocacy: 'y'.repeat(300)
							})
						),
						offers: Array.from({ length: k }, () => offer('z'.repeat(500))),
						targets: Array.from({ length: k }, () => target({ why: 'w '.repeat(200) })),
						slots: Array.from({ length: k }, () => slot()),
						events: Array.from({ length: k }, () => event({ nextOn: '2026-04-01' })),
						actions: Array.from({ length: k }, (_, i) =>
							action({ horizon: [30, 60, 90][i % 3] as 30 })
						)
					})
				);
				expect(sheet.champions.people.length).toBeLessThanOrEqual(SHEET_LIMITS.champions);
				expect(sheet.nurture.length).toBeLessThanOrEqual(SHEET_LIMITS.nurture);
				expect(sheet.value.offers.length).toBeLessThanOrEqual(SHEET_LIMITS.offers);
				expect(sheet.targets.items.length).toBeLessThanOrEqual(SHEET_LIMITS.targets);
				expect(sheet.rhythm.slots.length).toBeLessThanOrEqual(SHEET_LIMITS.slots);
				expect(sheet.rhythm.events.length).toBeLessThanOrEqual(SHEET_LIMITS.events);
				for (const h of sheet.actions)
					expect(h.open.length).toBeLessThanOrEqual(SHEET_LIMITS.actions);
				for (const c of sheet.champions.people)
					expect(c.advocacy.length).toBeLessThanOrEqual(SHEET_TEXT_LIMITS.advocacy);
				for (const o of sheet.value.offers)
					expect(o.text.length).toBeLessThanOrEqual(SHEET_TEXT_LIMITS.offer);
			}),
			{ numRuns: 40 }
		);
	});
});

describe('defaultPaperFor', () => {
	it.each([
		[['en-US'], 'letter'],
		[['en-CA'], 'letter'],
		[['fr-CA'], 'letter'],
		[['es-MX'], 'letter'],
		[['en_US'], 'letter'],
		[['en-GB'], 'a4'],
		[['de-DE'], 'a4'],
		[['en-AU'], 'a4'],
		[['en', 'en-US'], 'letter'],
		[['fr', 'de'], 'a4'],
		[[], 'a4'],
		[['not a locale', 'es-MX'], 'letter']
	] as const)('%j → %s', (locales, paper) => {
		expect(defaultPaperFor(locales)).toBe(paper);
	});
});
