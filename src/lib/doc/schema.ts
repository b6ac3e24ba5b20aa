import * as Y from 'yjs';

/**
 * The version of the workbook's shape that this build writes. A document whose meta says a
 * higher number was written by a newer Village: it opens read-only and is never overwritten.
 */
export const SCHEMA_VERSION = 1;

/**
 * Top-level record collections: each a Y.Map of id → one record, stored as a Y.Map of fields
 * or, for log-like records (see RecordSpec.atomic), as one plain value.
 */
export const COLLECTIONS = [
	'contacts',
	'ties',
	'conversations',
	'targets',
	'events',
	'slots',
	'actions',
	'asks',
	'offers',
	'reviews'
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * Long free-text answers live in root-level Y.Texts named `text:<answer key>`. A root type is
 * identified by its name, so two tabs or devices that start typing into the same empty answer
 * at once merge into one text; a Y.Text created lazily inside a map would race, and one side's
 * characters would be lost.
 */
export const TEXT_PREFIX = 'text:';

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('meta');
}

/** Scalar answers (dates, ratings, numbers), keyed `<step>.<field>`. */
export function answersMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('answers');
}

export function settingsMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap('settings');
}

export function collectionMap(doc: Y.Doc, name: CollectionName): Y.Map<unknown> {
	return doc.getMap(name);
}

export function answerText(doc: Y.Doc, key: string): Y.Text {
	return doc.getText(TEXT_PREFIX + key);
}

/** The schema version a document says it was written with (0 for a brand-new document). */
export function storedSchemaVersion(doc: Y.Doc): number {
	const v = metaMap(doc).get('schemaVersion');
	return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
}
