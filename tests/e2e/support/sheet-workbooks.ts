/**
 * Workbooks for the strategy-sheet tests, built with the app's own doc layer: a typical one (what
 * someone who has worked through the seven steps has) and a very full one (every list far past
 * the sheet's caps, every text at length). Dates are relative to `today`, so the sheet's "next"
 * and "overdue" read the same on any day.
 */
import * as Y from 'yjs';
import {
	actionSpec,
	contactSpec,
	eventSpec,
	insertRecord,
	metaMap,
	offerSpec,
	SCHEMA_VERSION,
	slotSpec,
	targetSpec,
	tieSpec,
	writeScalar,
	writeText
} from '../../../src/lib/doc/index';
import { OBSTACLES, statementKey } from '../../../src/lib/model/diagnosis';
import { GOAL_KEYS } from '../../../src/lib/model/goal';
import { ROLES, type Contact, type Role } from '../../../src/lib/model/records';
import { VALUE_KEYS } from '../../../src/lib/model/value';

export const TYPICAL = {
	goal: 'Lead the product team at a health-tech company within four years, shipping tools nurses love.',
	value:
		'I help hospital teams turn messy workflows into software nurses actually use, by running short discovery sprints on the ward. Cut charting time by 30% at St Anne’s.',
	milestone: 'Run a product discovery for a new clinical tool',
	champion: 'Priya Raman'
};

/** A calendar day `days` from today on this machine's clock (the browser shares it). */
export function dayFrom(days: number, today = new Date()): string {
	const d = new Date(today);
	d.setDate(d.getDate() + days);
	return d.toLocaleDateString('en-CA');
}

/** The sheet's own date format: "Tue 3 Mar 2026". */
export function sheetDay(iso: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T00:00:00Z`));
}

let counter = 0;
/** Ids that sort in the order records are written, as the app's own ids do. */
function nextId(kind: string): string {
	counter++;
	return `${(Date.UTC(2025, 0, 1) + counter).toString(36).padStart(9, '0')}-${kind}${counter}`;
}

function encode(doc: Y.Doc): Uint8Array {
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

function rate(doc: Y.Doc, scores: number[]) {
	OBSTACLES.forEach((o, i) => {
		for (let n = 1; n <= o.statementCount; n++)
			writeScalar(doc, statementKey(o.id, n), scores[i] ?? 3);
	});
}

type ContactSeed = Partial<Contact> & { name: string };

function addContacts(doc: Y.Doc, seeds: ContactSeed[]): string[] {
	const base = Date.UTC(2025, 0, 1);
	return seeds.map((seed, i) =>
		insertRecord(doc, contactSpec, {
			id: `${(base + i).toString(36).padStart(9, '0')}-c${i}`,
			createdAt: new Date(base + i * 60_000).toISOString(),
			...seed
		})
	);
}

/** What someone who has been through the seven steps typically has. */
export function typicalWorkbook(): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
		rate(doc, [2, 4, 3, 4, 5, 2]);
		writeText(doc, GOAL_KEYS.statement, TYPICAL.goal);
		writeScalar(doc, GOAL_KEYS.horizon, dayFrom(4 * 365));
		writeText(doc, GOAL_KEYS.milestone1, TYPICAL.milestone);
		writeScalar(doc, GOAL_KEYS.milestone1Due, dayFrom(200));
		writeText(doc, GOAL_KEYS.milestone2, 'Lead a cross-functional team of five');
		writeScalar(doc, GOAL_KEYS.milestone2Due, dayFrom(600));
		writeText(doc, GOAL_KEYS.milestone3, 'Head of Product at a health-tech scale-up');
		writeScalar(doc, GOAL_KEYS.milestone3Due, dayFrom(1300));
		writeText(doc, VALUE_KEYS.statement, TYPICAL.value);
		for (const [kind, text] of [
			['skill', 'Running a discovery sprint with clinical staff'],
			['introduction', 'Introductions to ward managers in three trusts'],
			['resource', 'My interview guide for nurses']
		] as const)
			insertRecord(doc, offerSpec, { id: nextId('o'), kind, text });

		const people: ContactSeed[] = [
			{
				name: TYPICAL.champion,
				org: 'Northwind Health',
				industry: 'Health tech',
				roles: ['advocates', 'mentors'],
				stage: 'champion',
				tier: 'inner',
				strength: 5,
				advocacy: 'Puts my name forward for product roles in her network',
				inside: false,
				similar: false,
				introducedBy: 'self'
			},
			{
				name: 'Tom Becker',
				org: 'St Anne’s Hospital',
				industry: 'Health care',
				roles: ['gets-job-done', 'informs'],
				stage: 'ally',
				tier: 'key',
				strength: 4,
				advocacy: 'Vouches for my ward work with the clinical board',
				inside: true,
				similar: true
			},
			{
				name: 'Efua Mensah',
				org: 'Globex',
				industry: 'Health tech',
				roles: ['connects'],
				stage: 'ally',
				tier: 'key',
				strength: 3,
				inside: false,
				similar: false
			},
			{
				name: 'Jonas Berg',
				org: 'St Anne’s Hospital',
				industry: 'Health care',
				roles: ['informs'],
				tier: 'key',
				strength: 4,
				inside: true,
				similar: true,
				lastContactOn: dayFrom(-40)
			},
			{
				name: 'Maya Singh',
				org: 'Initech',
				industry: 'Software',
				roles: ['guides'],
				tier: 'key',
				strength: 3,
				inside: false,
				similar: true,
				lastContactOn: dayFrom(-10)
			},
			{ name: 'Liam Walsh', org: 'St Anne’s Hospital', roles: ['gets-job-done'], strength: 3 },
			{ name: 'Noor Haddad', org: 'Northwind Health', roles: ['informs'], strength: 2 },
			{ name: 'Rosa Costa', org: 'Globex', roles: [], strength: 2 },
			{ name: 'Sami Okafor', org: 'Hooli', roles: ['connects'], strength: 2 },
			{ name: 'Grace Kim', org: 'St Anne’s Hospital', roles: ['informs'], strength: 1 },
			{ name: 'Hiro Nakamura', org: 'Initech', roles: [], strength: 1 },
			{ name: 'Ines Dubois', org: '', roles: ['mentors'], strength: 3 }
		].map((c) => ({ tier: 'wider', industry: '', ...c }) as ContactSeed);
		const ids = addContacts(doc, people);
		const pairs: [number, number][] = [
			[0, 2],
			[1, 3],
			[1, 5],
			[3, 5],
			[4, 10]
		];
		for (const [a, b] of pairs)
			insertRecord(doc, tieSpec, { id: nextId('t'), a: ids[a]!, b: ids[b]! });
		insertRecord(doc, targetSpec, {
			id: nextId('t'),
			role: 'VP Product',
			org: 'Globex',
			industry: 'Health tech',
			why: 'Builds the clinical tools I want to build',
			how: 'Ask Efua for an introduction over coffee'
		});
		insertRecord(doc, targetSpec, {
			id: nextId('t'),
			role: 'Chief Nursing Information Officer',
			org: '',
			industry: 'Health care',
			why: 'Knows what wards need next',
			how: 'Meet at the digital nursing summit'
		});
		insertRecord(doc, slotSpec, {
			id: nextId('s'),
			weekday: 2,
			start: '12:30',
			minutes: 60,
			kind: 'lunch'
		});
		insertRecord(doc, slotSpec, {
			id: nextId('s'),
			weekday: 4,
			start: '08:30',
			minutes: 30,
			kind: 'coffee'
		});
		insertRecord(doc, eventSpec, {
			id: nextId('e'),
			name: 'Digital Nursing Summit',
			nextOn: dayFrom(45)
		});
		insertRecord(doc, eventSpec, {
			id: nextId('e'),
			name: 'Health-tech product meetup',
			kind: 'organisation',
			nextOn: dayFrom(12)
		});
		const actions: [30 | 60 | 90, string, number][] = [
			[30, 'Coffee with Efua about the Globex product team', 14],
			[30, 'Write up the St Anne’s charting result as a one-page case', 25],
			[60, 'Ask Priya to introduce me to two product leaders', 50],
			[60, 'Go to the health-tech meetup twice', 60],
			[90, 'Offer a discovery workshop to Northwind', 85]
		];
		for (const [horizon, text, due] of actions)
			insertRecord(doc, actionSpec, {
				id: nextId('a'),
				horizon,
				text,
				due: dayFrom(due),
				done: false
			});
	});
	return encode(doc);
}

const LONG =
	'This is a deliberately long answer that keeps going well beyond what fits on a printed line, with clause after clause about plans, people, introductions, results and hopes, so the sheet has to clip it at a word boundary rather than let it push everything else onto another page of paper. ';

/** Every list far past the sheet's caps and every text at length. */
export function fullWorkbook(): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
		rate(doc, [5, 5, 4, 4, 5, 5]);
		writeText(doc, GOAL_KEYS.statement, TYPICAL.goal + ' ' + LONG.repeat(3));
		writeScalar(doc, GOAL_KEYS.horizon, dayFrom(5 * 365));
		for (const n of [1, 2, 3] as const) {
			writeText(doc, GOAL_KEYS[`milestone${n}`], `${TYPICAL.milestone} ${n}. ${LONG}`);
			writeScalar(doc, GOAL_KEYS[`milestone${n}Due`], dayFrom(200 * n));
		}
		writeText(doc, VALUE_KEYS.statement, TYPICAL.value + ' ' + LONG.repeat(2));
		for (let i = 0; i < 12; i++)
			insertRecord(doc, offerSpec, {
				id: nextId('o'),
				kind: 'skill',
				text: `Offer ${i + 1}: ${LONG}`
			});
		const seeds: ContactSeed[] = [];
		for (let i = 0; i < 240; i++) {
			const roles = ROLES.filter((_, r) => (i + r) % 4 === 0) as Role[];
			seeds.push({
				name:
					i === 0 ? TYPICAL.champion : `Person ${i} With A Rather Long Double-Barrelled Surname`,
				org: ['Northwind Health', 'Globex', 'Initech', 'Hooli', 'St Anne’s Hospital', ''][i % 6]!,
				industry: ['Health tech', 'Health care', 'Software'][i % 3]!,
				roles,
				stage: i < 30 ? 'champion' : i < 60 ? 'ally' : 'contact',
				tier: i < 20 ? 'inner' : i < 80 ? 'key' : 'wider',
				strength: i === 0 ? 5 : 1 + (i % 4),
				advocacy: `Advocates ${LONG}`,
				inside: i % 3 === 0,
				similar: i % 2 === 0,
				introducedBy: i % 2 === 0 ? 'self' : null,
				lastContactOn: dayFrom(-(i % 90))
			});
		}
		const ids = addContacts(doc, seeds);
		for (let i = 0; i < 200; i++)
			insertRecord(doc, tieSpec, {
				id: nextId('t'),
				a: ids[i]!,
				b: ids[(i * 7 + 3) % ids.length]!
			});
		for (let i = 0; i < 10; i++)
			insertRecord(doc, targetSpec, {
				id: nextId('t'),
				role: `Target role ${i} with a long title`,
				org: 'Globex',
				industry: 'Health tech',
				why: LONG,
				how: LONG
			});
		for (let i = 0; i < 12; i++)
			insertRecord(doc, slotSpec, {
				id: nextId('s'),
				weekday: 1 + (i % 7),
				start: `${String(8 + (i % 9)).padStart(2, '0')}:00`,
				minutes: 45,
				kind: 'coffee'
			});
		for (let i = 0; i < 10; i++)
			insertRecord(doc, eventSpec, {
				id: nextId('e'),
				name: `Event ${i} ${LONG}`,
				nextOn: dayFrom(10 + i)
			});
		for (let i = 0; i < 30; i++)
			insertRecord(doc, actionSpec, {
				id: nextId('a'),
				horizon: ([30, 60, 90] as const)[i % 3],
				text: `Action ${i} ${LONG}`,
				due: dayFrom(i * 3),
				done: i % 5 === 0
			});
	});
	return encode(doc);
}
