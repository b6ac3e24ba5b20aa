import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
	collectionMap,
	insertRecord,
	listRecords,
	readReviewDay,
	reviewSpec,
	settingsMap,
	writeReviewDay
} from '../../../src/lib/doc';
import { replaceWorkbook, workbookSnapshot } from '../../../src/lib/doc/snapshot';

describe('reviews in the document', () => {
	it('are stored whole and read back', () => {
		const doc = new Y.Doc();
		doc.transact(() =>
			insertRecord(doc, reviewSpec, {
				id: 'r1',
				week: '2026-11-30',
				doneOn: '2026-12-04',
				conversations: 2,
				reach: ['c1'],
				reachNames: ['Ana'],
				wentWell: 'Good'
			})
		);
		expect(collectionMap(doc, 'reviews').get('r1')).not.toBeInstanceOf(Y.Map);
		expect(listRecords(doc, reviewSpec)[0]).toMatchObject({
			week: '2026-11-30',
			conversations: 2,
			reachNames: ['Ana'],
			wentWell: 'Good',
			inTheWay: '',
			actionsDone: []
		});
	});

	it('read a hostile or broken entry as defaults, field by field', () => {
		const doc = new Y.Doc();
		collectionMap(doc, 'reviews').set('r1', {
			week: 'last week',
			doneOn: '2026-12-04',
			conversations: -3,
			actionsDone: [1, 2],
			slots: 'Tue',
			wentWell: 'x'.repeat(10_000),
			inTheWay: '<script>alert(1)</script>'
		});
		collectionMap(doc, 'reviews').set('r2', 'not a record');
		const [r] = listRecords(doc, reviewSpec);
		expect(listRecords(doc, reviewSpec)).toHaveLength(1);
		expect(r).toMatchObject({
			week: '1970-01-05',
			doneOn: '2026-12-04',
			conversations: 0,
			actionsDone: [],
			slots: [],
			wentWell: '',
			inTheWay: '<script>alert(1)</script>'
		});
	});

	it('refuse to write a bad value', () => {
		const doc = new Y.Doc();
		expect(() => insertRecord(doc, reviewSpec, { week: 'soon' })).toThrow(/reviews\.week/);
	});

	it('travel in a backup snapshot and back', () => {
		const doc = new Y.Doc();
		doc.transact(() => insertRecord(doc, reviewSpec, { id: 'r1', doneOn: '2026-12-04' }));
		const copy = new Y.Doc();
		copy.transact(() => replaceWorkbook(copy, workbookSnapshot(doc)));
		expect(listRecords(copy, reviewSpec).map((r) => r.id)).toEqual(['r1']);
		// A snapshot from before reviews existed restores with none.
		const old = workbookSnapshot(new Y.Doc()) as { collections: Record<string, unknown> };
		delete old.collections.reviews;
		copy.transact(() => replaceWorkbook(copy, old as ReturnType<typeof workbookSnapshot>));
		expect(listRecords(copy, reviewSpec)).toEqual([]);
	});
});

describe('review day setting', () => {
	it('is Friday until set, and refuses what is not a weekday', () => {
		const doc = new Y.Doc();
		expect(readReviewDay(doc)).toBe(5);
		settingsMap(doc).set('reviewDay', 'Monday');
		expect(readReviewDay(doc)).toBe(5);
		writeReviewDay(doc, 1);
		expect(readReviewDay(doc)).toBe(1);
		expect(() => writeReviewDay(doc, 0)).toThrow();
	});
});
