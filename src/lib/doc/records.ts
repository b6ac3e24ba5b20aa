import * as Y from 'yjs';
import { collectionMap, type CollectionName } from './schema';
import { type FieldSpec, type RecordSpec } from './fields';
import { applyTextChange } from './text';

export type { RecordSpec } from './fields';

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

/** How many entries of a collection are records at all (what listRecords would return). */
export function countRecords(doc: Y.Doc, collection: CollectionName): number {
	let n = 0;
	collectionMap(doc, collection).forEach((stored) => {
		if (isStoredRecord(stored)) n++;
	});
	return n;
}

export function getRecord<T extends { id: string }>(
	doc: Y.Doc,
	spec: RecordSpec<T>,
	id: string
): T | null {
	return readStored(spec, id, collectionMap(doc, spec.collection).get(id));
}

/** The last millisecond an id was made for, so two ids made in one millisecond still sort. */
let lastMs = 0;

/**
 * Ids sort by creation time first, so a list keeps the order people added things. Without a
 * given time, each id takes a later millisecond than the one before (two adds within the same
 * millisecond would otherwise sort at random).
 */
export function newId(now?: number): string {
	if (now === undefined) now = lastMs = Math.max(Date.now(), lastMs + 1);
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
