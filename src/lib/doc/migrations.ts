import * as Y from 'yjs';
import { ORIGIN } from './origins';
import { metaMap, SCHEMA_VERSION, storedSchemaVersion } from './schema';

/**
 * A numbered step from one schema version to the next. `up` must be idempotent: running it on
 * a document that already has its change (say, a second device migrated the same document and
 * the two merged) must change nothing.
 */
export interface Migration {
	version: number;
	name: string;
	up(doc: Y.Doc): void;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		name: 'Stamp the document with when it was started',
		up(doc) {
			const meta = metaMap(doc);
			if (typeof meta.get('createdAt') !== 'string')
				meta.set('createdAt', new Date().toISOString());
		}
	}
];

export type MigrationResult =
	| { status: 'current'; version: number; applied: number[] }
	| { status: 'newer'; version: number; supported: number };

/**
 * Brings a loaded document up to `target`. A document from a newer schema is left untouched
 * and reported, so the caller can open it read-only. Runs in one transaction with the migration
 * origin, so undo never reverts a migration.
 */
export function migrate(
	doc: Y.Doc,
	migrations: readonly Migration[] = MIGRATIONS,
	target: number = SCHEMA_VERSION
): MigrationResult {
	const from = storedSchemaVersion(doc);
	if (from > target) return { status: 'newer', version: from, supported: target };
	const pending = migrations
		.filter((m) => m.version > from && m.version <= target)
		.sort((a, b) => a.version - b.version);
	if (pending.length === 0) return { status: 'current', version: from, applied: [] };
	doc.transact(() => {
		for (const m of pending) m.up(doc);
		metaMap(doc).set('schemaVersion', target);
	}, ORIGIN.migration);
	return { status: 'current', version: target, applied: pending.map((m) => m.version) };
}
