import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrate, MIGRATIONS, type Migration } from '../../../src/lib/doc/migrations';
import { ORIGIN } from '../../../src/lib/doc/origins';
import { metaMap, SCHEMA_VERSION, storedSchemaVersion } from '../../../src/lib/doc/schema';

describe('migration 1: stamp the start date', () => {
	const m1 = MIGRATIONS.find((m) => m.version === 1)!;

	it('sets createdAt on a new document', () => {
		const doc = new Y.Doc();
		m1.up(doc);
		expect(typeof metaMap(doc).get('createdAt')).toBe('string');
	});

	it('is idempotent: a second run changes nothing', () => {
		const doc = new Y.Doc();
		m1.up(doc);
		const before = Y.encodeStateAsUpdate(doc);
		let updates = 0;
		doc.on('update', () => updates++);
		m1.up(doc);
		expect(updates).toBe(0);
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});
});

describe('migrate', () => {
	it('brings a new document to the current version in one migration transaction', () => {
		const doc = new Y.Doc();
		const origins: unknown[] = [];
		doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin));
		const result = migrate(doc);
		expect(result).toEqual({
			status: 'current',
			version: SCHEMA_VERSION,
			applied: MIGRATIONS.map((m) => m.version)
		});
		expect(storedSchemaVersion(doc)).toBe(SCHEMA_VERSION);
		expect(origins).toEqual([ORIGIN.migration]);
	});

	it('runs only the pending migrations, in order', () => {
		const ran: number[] = [];
		const list: Migration[] = [3, 1, 2].map((version) => ({
			version,
			name: `m${version}`,
			up: () => void ran.push(version)
		}));
		const doc = new Y.Doc();
		metaMap(doc).set('schemaVersion', 1);
		expect(migrate(doc, list, 3)).toEqual({ status: 'current', version: 3, applied: [2, 3] });
		expect(ran).toEqual([2, 3]);
		expect(migrate(doc, list, 3)).toEqual({ status: 'current', version: 3, applied: [] });
		expect(ran).toEqual([2, 3]);
	});

	it('leaves a document from a newer schema untouched and says so', () => {
		const doc = new Y.Doc();
		metaMap(doc).set('schemaVersion', SCHEMA_VERSION + 1);
		const before = Y.encodeStateAsUpdate(doc);
		expect(migrate(doc)).toEqual({
			status: 'newer',
			version: SCHEMA_VERSION + 1,
			supported: SCHEMA_VERSION
		});
		expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
	});

	it('treats a nonsense schemaVersion as a new document', () => {
		const doc = new Y.Doc();
		metaMap(doc).set('schemaVersion', 'banana');
		expect(storedSchemaVersion(doc)).toBe(0);
		expect(migrate(doc).status).toBe('current');
		expect(storedSchemaVersion(doc)).toBe(SCHEMA_VERSION);
	});
});
