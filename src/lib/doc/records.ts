import * as Y from 'yjs';
import type {
	Action,
	Ask,
	Contact,
	Conversation,
	NetEvent,
	Slot,
	Target,
	Tie
} from '../model/records';
import {
	CONVERSATION_KINDS,
	ROLES,
	SENIORITIES,
	SLOT_KINDS,
	STAGES,
	TIERS
} from '../model/records';
import { isIsoDate } from '../model/dates';
import { OFFER_KINDS, type Offer } from '../model/value';
import { collectionMap, type CollectionName } from './schema';
import { applyTextChange } from './text';

/**
 * One field of a stored record: its default, and a check that a stored value is usable. A value
 * that fails the check (a newer client's shape, a bad import, a hostile peer) reads as the
 * default instead of reaching the UI with the wrong type; the stored value is left alone.
 */
interface FieldSpec<V> {
	default: () => V;
	valid: (value: unknown) => value is V;
	/** Stored as a Y.Text so concurrent edits merge by character. */
	text?: boolean;
}

type Specs<T> = { [K in Exclude<keyof T, 'id'>]: FieldSpec<T[K]> };

export interface RecordSpec<T extends { id: string }> {
	collection: CollectionName;
	fields: Specs<T>;
	/**
	 * Stored as one plain value instead of a Y.Map of fields. For log-like records (written
	 * once, rarely edited) this makes a large workbook several times cheaper to decode: one
	 * Yjs item per record instead of one per field. The price: two devices editing the same
	 * record while apart keep one version whole. No text fields.
	 */
	atomic?: boolean;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isNullableBool = (v: unknown): v is boolean | null => v === null || typeof v === 'boolean';
const isDateOrNull = (v: unknown): v is string | null => v === null || isIsoDate(v);
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const oneOf =
	<V>(values: readonly V[]) =>
	(v: unknown): v is V =>
		values.includes(v as V);
const intIn =
	(min: number, max: number) =>
	(v: unknown): v is number =>
		typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

const str = (text = false): FieldSpec<string> => ({ default: () => '', valid: isString, text });
const date = (): FieldSpec<string | null> => ({ default: () => null, valid: isDateOrNull });
const nullableBool = (): FieldSpec<boolean | null> => ({
	default: () => null,
	valid: isNullableBool
});
const strings = (): FieldSpec<string[]> => ({ default: () => [], valid: isStringArray });

export const contactSpec: RecordSpec<Contact> = {
	collection: 'contacts',
	fields: {
		name: str(),
		org: str(),
		title: str(),
		emails: strings(),
		phones: strings(),
		links: strings(),
		howWeMet: str(),
		introducedBy: {
			default: () => null,
			valid: (v): v is string | null => v === null || isString(v)
		},
		notes: str(true),
		tier: { default: () => 'wider', valid: oneOf(TIERS) },
		strength: { default: () => 3, valid: intIn(1, 5) },
		roles: {
			default: () => [],
			valid: (v): v is Contact['roles'] => Array.isArray(v) && v.every(oneOf(ROLES))
		},
		inside: nullableBool(),
		industry: str(),
		function: str(),
		seniority: {
			default: () => null,
			valid: (v): v is Contact['seniority'] => v === null || oneOf(SENIORITIES)(v)
		},
		similar: nullableBool(),
		stage: { default: () => 'contact', valid: oneOf(STAGES) },
		advocacy: str(),
		cadenceDays: {
			default: () => null,
			valid: (v): v is number | null => v === null || intIn(1, 3650)(v)
		},
		followUpOn: date(),
		helpsGoal: { default: () => false, valid: isBool },
		lastContactOn: date(),
		createdAt: { default: () => new Date(0).toISOString(), valid: isString }
	}
};

export const tieSpec: RecordSpec<Tie> = {
	collection: 'ties',
	atomic: true,
	fields: { a: str(), b: str() }
};

export const conversationSpec: RecordSpec<Conversation> = {
	collection: 'conversations',
	atomic: true,
	fields: {
		contactId: str(),
		on: { default: () => '1970-01-01', valid: isIsoDate },
		kind: { default: () => 'coffee', valid: oneOf(CONVERSATION_KINDS) },
		theirWork: str(),
		theirChallenges: str(),
		iOffered: str(),
		theyOffered: str(),
		offerDelivered: { default: () => false, valid: isBool },
		followUpOn: date()
	}
};

export const targetSpec: RecordSpec<Target> = {
	collection: 'targets',
	fields: {
		role: str(),
		org: str(),
		industry: str(),
		why: str(),
		how: str(),
		reachedContactId: {
			default: () => null,
			valid: (v): v is string | null => v === null || isString(v)
		}
	}
};

export const eventSpec: RecordSpec<NetEvent> = {
	collection: 'events',
	fields: {
		name: str(),
		kind: { default: () => 'event', valid: oneOf(['event', 'organisation'] as const) },
		nextOn: date(),
		timesAttended: { default: () => 0, valid: intIn(0, 10_000) },
		newPeople: nullableBool(),
		servesGoal: nullableBool(),
		verdict: {
			default: () => null,
			valid: (v): v is 'keep' | 'drop' | null => v === null || v === 'keep' || v === 'drop'
		}
	}
};

export const slotSpec: RecordSpec<Slot> = {
	collection: 'slots',
	fields: {
		weekday: { default: () => 2, valid: intIn(1, 7) },
		start: {
			default: () => '12:30',
			valid: (v): v is string => isString(v) && /^([01]\d|2[0-3]):[0-5]\d$/.test(v)
		},
		minutes: { default: () => 45, valid: intIn(5, 24 * 60) },
		kind: { default: () => 'coffee', valid: oneOf(SLOT_KINDS) }
	}
};

export const actionSpec: RecordSpec<Action> = {
	collection: 'actions',
	fields: {
		text: str(),
		horizon: { default: () => 30, valid: oneOf([30, 60, 90] as const) },
		due: date(),
		done: { default: () => false, valid: isBool }
	}
};

export const askSpec: RecordSpec<Ask> = {
	collection: 'asks',
	atomic: true,
	fields: {
		contactId: str(),
		what: str(),
		on: { default: () => '1970-01-01', valid: isIsoDate },
		outcome: { default: () => 'pending', valid: oneOf(['pending', 'yes', 'partly', 'no'] as const) }
	}
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return (
		typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype
	);
}

/** Whether a collection entry is a record at all (a Y.Map of fields, or one plain value). */
export function isStoredRecord(value: unknown): value is Y.Map<unknown> | Record<string, unknown> {
	return value instanceof Y.Map || isPlainObject(value);
}

/**
 * Reads one stored record, whichever way it is stored, as a plain object; unusable values read
 * as their defaults. Null when the entry is not a record at all.
 */
export function readStored<T extends { id: string }>(
	spec: RecordSpec<T>,
	id: string,
	stored: unknown
): T | null {
	let get: (key: string) => unknown;
	if (stored instanceof Y.Map) get = (key) => stored.get(key);
	else if (isPlainObject(stored)) get = (key) => stored[key];
	else return null;
	const out: Record<string, unknown> = { id };
	for (const [key, field] of Object.entries(spec.fields) as [string, FieldSpec<unknown>][]) {
		let value = get(key);
		if (value instanceof Y.Text) value = value.toString();
		out[key] = field.valid(value) ? value : field.default();
	}
	return out as T;
}

/** Reads one record stored as a Y.Map (see readStored for either kind). */
export function readRecord<T extends { id: string }>(
	spec: RecordSpec<T>,
	id: string,
	map: Y.Map<unknown>
): T {
	return readStored(spec, id, map)!;
}

/** All records of a collection, in id order (creation order, the same on every device). */
export function listRecords<T extends { id: string }>(doc: Y.Doc, spec: RecordSpec<T>): T[] {
	const out: T[] = [];
	collectionMap(doc, spec.collection).forEach((stored, id) => {
		const record = readStored(spec, id, stored);
		if (record) out.push(record);
	});
	return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function getRecord<T extends { id: string }>(
	doc: Y.Doc,
	spec: RecordSpec<T>,
	id: string
): T | null {
	return readStored(spec, id, collectionMap(doc, spec.collection).get(id));
}

/** Ids sort by creation time first (see newId), so a list keeps the order people added things. */
export function newId(now = Date.now()): string {
	const random = crypto.getRandomValues(new Uint32Array(2));
	return `${now.toString(36).padStart(9, '0')}-${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}

function checkField<T extends { id: string }>(spec: RecordSpec<T>, key: string, value: unknown) {
	const field = (spec.fields as Record<string, FieldSpec<unknown>>)[key];
	if (!field) throw new TypeError(`${spec.collection} has no field "${key}"`);
	if (!field.valid(value)) throw new TypeError(`${spec.collection}.${key}: invalid value`);
	return field;
}

/**
 * Adds a record (call inside a transaction). Unset fields take their defaults; in a Y.Map
 * record only fields that differ from their default are stored (fewer items to decode), while
 * text fields always get their Y.Text, so later edits from two devices merge.
 */
export function insertRecord<T extends { id: string }>(
	doc: Y.Doc,
	spec: RecordSpec<T>,
	values: Partial<T> & { id?: string }
): string {
	const id = values.id ?? newId();
	const plain: Record<string, unknown> = {};
	const map = spec.atomic ? null : new Y.Map<unknown>();
	for (const [key, field] of Object.entries(spec.fields) as [string, FieldSpec<unknown>][]) {
		const given = (values as Record<string, unknown>)[key];
		const value = given === undefined ? field.default() : given;
		checkField(spec, key, value);
		if (!map) plain[key] = value;
		else if (field.text) map.set(key, new Y.Text(value as string));
		else if (!sameValue(value, field.default())) map.set(key, value);
	}
	collectionMap(doc, spec.collection).set(id, map ?? plain);
	return id;
}

/** Changes some fields of a record (call inside a transaction). Text fields merge by character. */
export function updateRecord<T extends { id: string }>(
	doc: Y.Doc,
	spec: RecordSpec<T>,
	id: string,
	patch: Partial<Omit<T, 'id'>>
): void {
	const collection = collectionMap(doc, spec.collection);
	const stored = collection.get(id);
	if (!isStoredRecord(stored)) throw new RangeError(`No ${spec.collection} record ${id}`);
	if (!(stored instanceof Y.Map)) {
		const current = readStored(spec, id, stored)! as Record<string, unknown>;
		let changed = false;
		for (const [key, value] of Object.entries(patch)) {
			if (value === undefined) continue;
			checkField(spec, key, value);
			if (!sameValue(current[key], value)) {
				current[key] = value;
				changed = true;
			}
		}
		if (changed) {
			delete current.id;
			collection.set(id, current);
		}
		return;
	}
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		const field = checkField(spec, key, value);
		const current = stored.get(key);
		if (field.text && current instanceof Y.Text) applyTextChange(current, value as string);
		else if (field.text) stored.set(key, new Y.Text(value as string));
		else if (!sameValue(current === undefined ? field.default() : current, value))
			stored.set(key, value);
	}
}

export function deleteRecord<T extends { id: string }>(
	doc: Y.Doc,
	spec: RecordSpec<T>,
	id: string
): void {
	collectionMap(doc, spec.collection).delete(id);
}

/** The Y.Text behind a text field, for character-level binding; null if absent. */
export function recordText<T extends { id: string }>(
	doc: Y.Doc,
	spec: RecordSpec<T>,
	id: string,
	key: keyof T & string
): Y.Text | null {
	const stored = collectionMap(doc, spec.collection).get(id);
	const value = stored instanceof Y.Map ? stored.get(key) : null;
	return value instanceof Y.Text ? value : null;
}

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b))
		return a.length === b.length && a.every((x, i) => x === b[i]);
	return false;
}

export const offerSpec: RecordSpec<Offer> = {
	collection: 'offers',
	fields: {
		kind: { default: () => 'skill', valid: oneOf(OFFER_KINDS) },
		text: str()
	}
};
