import { describe, expect, it } from 'vitest';
import { warmPaths, warmPathsByTarget } from '$lib/model/coverage';
import {
	conversationsByContact,
	neighboursOf,
	nextFollowUpsById,
	overdueIds
} from '$lib/model/people';
import type { Target } from '$lib/model/records';
import { contact, conversation, tie } from './people-fixtures';

const DEFAULTS = { inner: 30, key: 60, wider: 120 };

describe('people indexes', () => {
	it('finds next follow-ups and who is overdue', () => {
		const next = nextFollowUpsById(
			[
				contact({ id: 'a', tier: 'inner', lastContactOn: '2026-10-01' }),
				contact({ id: 'b', tier: 'wider', lastContactOn: '2026-11-01' }),
				contact({ id: 'c', followUpOn: '2026-11-30' })
			],
			DEFAULTS
		);
		expect(Object.fromEntries(next)).toEqual({
			a: '2026-10-31',
			b: '2027-03-01',
			c: '2026-11-30'
		});
		expect([...overdueIds(next, '2026-11-25')]).toEqual(['a']);
		expect([...overdueIds(next, '2026-10-31')]).toEqual([]);
	});

	it('links who knows whom both ways and ignores self-ties', () => {
		const n = neighboursOf([tie('a', 'b'), tie('b', 'c'), tie('c', 'c')]);
		expect([...n.get('b')!].sort()).toEqual(['a', 'c']);
		expect([...n.get('a')!]).toEqual(['b']);
		expect([...n.get('c')!]).toEqual(['b']);
	});

	it('groups conversations per contact, newest first', () => {
		const by = conversationsByContact([
			conversation({ id: '1', contactId: 'a', on: '2026-01-02' }),
			conversation({ id: '2', contactId: 'a', on: '2026-03-01' }),
			conversation({ id: '3', contactId: 'b', on: '2026-02-01' }),
			conversation({ id: '4', contactId: 'a', on: '2026-03-01' })
		]);
		expect(by.get('a')!.map((c) => c.id)).toEqual(['4', '2', '1']);
		expect(by.get('b')!.map((c) => c.id)).toEqual(['3']);
	});
});

describe('warm paths for many targets', () => {
	const people = [
		contact({ id: 'w1', name: 'Weak at Acme', org: 'Acme', strength: 1 }),
		contact({ id: 's1', name: 'Strong at Acme', org: ' acme ', strength: 5 }),
		contact({ id: 'h1', name: 'Health person', industry: 'Health', strength: 4 }),
		contact({ id: 'c1', name: 'Connector', roles: ['connects'], strength: 3 })
	];
	const target = (id: string, org: string, industry: string): Target => ({
		id,
		role: 'Head of product',
		org,
		industry,
		why: '',
		how: '',
		reachedContactId: null
	});

	it('gives each target the same answer as warmPaths, limited', () => {
		const targets = [target('t1', 'ACME', 'Health'), target('t2', '', 'health')];
		const all = warmPathsByTarget(targets, people, 3);
		for (const t of targets) {
			expect(all.get(t.id)).toEqual(warmPaths(t, people).slice(0, 3));
		}
		expect(all.get('t1')!.map((p) => p.contact.id)).toEqual(['s1', 'w1', 'h1']);
		expect(all.get('t2')!.map((p) => p.contact.id)).toEqual(['h1', 'c1']);
	});
});
