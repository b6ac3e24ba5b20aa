/**
 * A workbook of any size, built with the app's own doc layer, for benchmarks and screenshots.
 * Deterministic: the same counts and seed give the same people, ties and conversations.
 *
 * In Node (Playwright specs import it directly; plain-JS bench cases load it through Vite):
 *
 *   const update = buildWorkbookUpdate({ contacts: 5000, ties: 2000 });
 *   await seedWorkbook(page, update); // page is on the app's origin; reloads it
 *
 * Imports are relative (no `$lib`), so Vite can load this file with `configFile: false`.
 */
import * as Y from 'yjs';
import {
	askSpec,
	collectionMap,
	contactSpec,
	conversationSpec,
	insertRecord,
	metaMap,
	offerSpec,
	SCHEMA_VERSION,
	targetSpec,
	tieSpec,
	updateRecord,
	writeScalar,
	writeText
} from '../../../src/lib/doc/index';
import { STEPS } from '../../../src/lib/content/steps';
import { addDays } from '../../../src/lib/model/dates';
import {
	CONVERSATION_KINDS,
	ROLES,
	SENIORITIES,
	TIERS,
	type Contact,
	type Role
} from '../../../src/lib/model/records';

export interface WorkbookCounts {
	contacts?: number;
	ties?: number;
	conversations?: number;
	asks?: number;
	targets?: number;
	offers?: number;
	/** Fill every workbook answer (diagnose ratings, goal, value, plan cadence…). */
	answers?: boolean;
	/** The day "today" is for the generated dates (default: the real today, UTC). */
	today?: string;
	seed?: number;
}

const FIRST = [
	'Ann',
	'Bob',
	'Chloé',
	'Dev',
	'Efua',
	'Farid',
	'Grace',
	'Hiro',
	'Ines',
	'Jonas',
	'Kemi',
	'Liam',
	'Maya',
	'Noor',
	'Olek',
	'Priya',
	'Quinn',
	'Rosa',
	'Sami',
	'Tomás',
	'Uma',
	'Viktor',
	'Wen',
	'Yara',
	'Zoë'
];
const LAST = [
	'Lee',
	'Stone',
	'Martin',
	'Okafor',
	'Patel',
	'Haddad',
	'Kim',
	'Costa',
	'Novak',
	'Berg',
	'Adeyemi',
	'Walsh',
	'Singh',
	'Müller',
	'Rossi',
	'Nakamura',
	'Dubois',
	'Ahmed',
	'Fischer',
	'Reid'
];
const ORGS = [
	'Acme Health',
	'Northwind',
	'Globex',
	'Initech',
	'Umbrella Labs',
	'Stark Analytics',
	'Wayne Retail',
	'Hooli',
	'Vandelay',
	'Soylent',
	'Tyrell',
	'Cyberdyne',
	'Aperture',
	''
];
const INDUSTRIES = ['Health tech', 'Retail', 'Finance', 'Public sector', 'Media', 'Energy'];
const FUNCTIONS = ['Product', 'Engineering', 'Finance', 'Design', 'Sales', 'People', 'Data'];
const TITLES = ['Head of Product', 'CFO', 'Engineering Manager', 'Designer', 'Director', 'Analyst'];
const WORK = [
	'Launching a patient app in Lisbon',
	'Rebuilding the data platform',
	'Hiring a team of six',
	'A merger of two stores teams',
	'The 2027 budget round'
];
const CHALLENGES = [
	'Hiring engineers fast enough',
	'Getting buy-in from finance',
	'Too many priorities at once',
	'A new boss with a new strategy',
	''
];

/** A small, fast, seeded PRNG (mulberry32): deterministic workbooks without a dependency. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Builds the workbook document (schema up to date) with the asked-for counts. */
export function buildWorkbookDoc(counts: WorkbookCounts = {}): Y.Doc {
	const {
		contacts = 0,
		ties = 0,
		conversations = 0,
		asks = 0,
		targets = 0,
		offers = 0,
		answers = false,
		today = new Date().toISOString().slice(0, 10),
		seed = 1
	} = counts;
	const rnd = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
	const doc = new Y.Doc();
	const ids: string[] = [];
	// Ids sort in creation order like real ones: a fixed base time plus the index.
	const base = Date.UTC(2025, 0, 1);
	const idFor = (kind: string, i: number) =>
		`${(base + i).toString(36).padStart(9, '0')}-${kind}${i.toString(36)}`;

	doc.transact(() => {
		metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
		for (let i = 0; i < contacts; i++) {
			const id = idFor('c', i);
			ids.push(id);
			const roles = ROLES.filter(() => rnd() < 0.18) as Role[];
			const last = rnd() < 0.8 ? addDays(today, -Math.floor(rnd() * 200)) : null;
			const contact: Partial<Contact> & { id: string } = {
				id,
				name: `${pick(FIRST)} ${pick(LAST)}${contacts > FIRST.length * LAST.length ? ` ${i}` : ''}`,
				org: pick(ORGS),
				title: pick(TITLES),
				emails: [`person${i}@example.org`],
				notes:
					rnd() < 0.5 ? `Met at ${pick(ORGS) || 'a conference'}; likes ${pick(INDUSTRIES)}` : '',
				tier: pick(TIERS),
				strength: 1 + Math.floor(rnd() * 5),
				roles,
				inside: rnd() < 0.8 ? rnd() < 0.4 : null,
				industry: pick(INDUSTRIES),
				function: pick(FUNCTIONS),
				seniority: rnd() < 0.8 ? pick(SENIORITIES) : null,
				similar: rnd() < 0.7 ? rnd() < 0.5 : null,
				introducedBy:
					rnd() < 0.5 ? 'self' : i > 0 && rnd() < 0.6 ? ids[Math.floor(rnd() * i)]! : null,
				stage: rnd() < 0.8 ? 'contact' : rnd() < 0.7 ? 'ally' : 'champion',
				lastContactOn: last,
				createdAt: new Date(base + i * 60_000).toISOString()
			};
			insertRecord(doc, contactSpec, contact);
		}
		const seen = new Set<string>();
		for (let i = 0; i < ties && ids.length > 1; i++) {
			let a = pick(ids);
			let b = pick(ids);
			let guard = 0;
			while ((a === b || seen.has(a < b ? a + b : b + a)) && guard++ < 50) {
				a = pick(ids);
				b = pick(ids);
			}
			if (a === b) continue;
			const [x, y] = a < b ? [a, b] : [b, a];
			seen.add(x + y);
			insertRecord(doc, tieSpec, { id: `${x}~${y}`, a: x, b: y });
		}
		// A contact's last contact is its latest conversation, as logging one would have set it.
		const latest = new Map<string, string>();
		for (let i = 0; i < conversations && ids.length > 0; i++) {
			const contactId = pick(ids);
			const on = addDays(today, -Math.floor(rnd() * 400));
			if ((latest.get(contactId) ?? '') < on) latest.set(contactId, on);
			insertRecord(doc, conversationSpec, {
				id: idFor('v', i),
				contactId,
				on,
				kind: pick(CONVERSATION_KINDS),
				theirWork: pick(WORK),
				theirChallenges: pick(CHALLENGES),
				iOffered: rnd() < 0.5 ? 'An intro to a hiring manager' : '',
				theyOffered: rnd() < 0.5 ? 'Feedback on my proposal' : '',
				offerDelivered: rnd() < 0.5
			});
		}
		for (const [id, on] of latest) {
			const stored = collectionMap(doc, 'contacts').get(id);
			const current = stored instanceof Y.Map ? stored.get('lastContactOn') : undefined;
			if (typeof current !== 'string' || current < on)
				updateRecord(doc, contactSpec, id, { lastContactOn: on });
		}
		for (let i = 0; i < asks && ids.length > 0; i++) {
			insertRecord(doc, askSpec, {
				id: idFor('a', i),
				contactId: pick(ids),
				what: 'Put me forward for the Lisbon project',
				on: addDays(today, -Math.floor(rnd() * 100)),
				outcome: pick(['pending', 'yes', 'partly', 'no'] as const)
			});
		}
		for (let i = 0; i < targets; i++) {
			insertRecord(doc, targetSpec, {
				id: idFor('t', i),
				role: pick(['Chief Product Officer', 'Head of Data', 'A VC partner']),
				org: pick(ORGS),
				industry: pick(INDUSTRIES),
				why: 'Could open the door to my next role'
			});
		}
		const OFFERS = [
			['skill', 'Reviewing pitch decks'],
			['introduction', 'An intro to hiring managers in health tech'],
			['resource', 'My template for budget proposals'],
			['skill', 'Coaching first-time managers']
		] as const;
		for (let i = 0; i < offers; i++) {
			const [kind, text] = OFFERS[i % OFFERS.length]!;
			insertRecord(doc, offerSpec, { id: idFor('o', i), kind, text });
		}
		if (answers) {
			for (const step of STEPS) {
				for (const field of step.fields) {
					if (field.kind === 'text' || field.kind === 'longtext')
						writeText(doc, field.key, `An answer to “${field.label}”`);
					else if (field.kind === 'date') writeScalar(doc, field.key, addDays(today, 400));
					else if (field.kind === 'rating') writeScalar(doc, field.key, 1 + Math.floor(rnd() * 5));
					else if (field.kind === 'number') writeScalar(doc, field.key, field.min);
				}
			}
		}
	});
	return doc;
}

/** The workbook as one Yjs update, ready to store. */
export function buildWorkbookUpdate(counts: WorkbookCounts = {}): Uint8Array {
	const doc = buildWorkbookDoc(counts);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

/** The IndexedDB database the app keeps its workbook in (see src/lib/state/open.ts). */
export const WORKBOOK_DB = 'village-workbook';

/**
 * Runs in the page: stores one update in the workbook's IndexedDB, laid out as y-indexeddb
 * keeps it (store 'updates', auto-increment keys, Uint8Array values; plus store 'custom').
 * Creates the database when the app has not yet. Pass it to `page.evaluate`.
 */
export async function storeUpdateInPage([name, base64]: [string, string]): Promise<number> {
	const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
	const db = await new Promise<IDBDatabase>((resolve, reject) => {
		const req = indexedDB.open(name);
		req.onupgradeneeded = () => {
			req.result.createObjectStore('updates', { autoIncrement: true });
			req.result.createObjectStore('custom');
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
	try {
		return await new Promise<number>((resolve, reject) => {
			const tx = db.transaction('updates', 'readwrite');
			tx.objectStore('updates').add(bytes);
			tx.oncomplete = () => resolve(bytes.byteLength);
			tx.onerror = () => reject(tx.error);
		});
	} finally {
		db.close();
	}
}

interface PageLike {
	goto(url: string): Promise<unknown>;
	evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * Puts `update` into the app's workbook storage before the app reads it: opens a blank page on
 * the app's origin (a missing file, so the app does not start), stores the update, and leaves the
 * page there; navigate to the screen you want next.
 */
export async function seedWorkbook(page: PageLike, baseUrl: string, update: Uint8Array) {
	await page.goto(`${baseUrl.replace(/\/$/, '')}/robots-seed.txt`);
	const base64 = Buffer.from(update).toString('base64');
	return page.evaluate(storeUpdateInPage, [WORKBOOK_DB, base64] as [string, string]);
}
