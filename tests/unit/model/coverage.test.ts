import { describe, expect, it } from 'vitest';
import {
	ROLE_GAP_ADVICE,
	missingSponsor,
	moveStage,
	pipeline,
	roleCoverage,
	sponsorCandidates,
	warmPaths
} from '$lib/model/coverage';
import { ROLES } from '$lib/model/records';
import type { Target } from '$lib/model/records';
import { contact } from './people-fixtures';

function target(fields: Partial<Target>): Target {
	return {
		id: 't1',
		role: 'Head of Data',
		org: '',
		industry: '',
		why: '',
		how: '',
		reachedContactId: null,
		...fields
	};
}

describe('role coverage', () => {
	it('counts contacts per role in the article order and lists the gaps', () => {
		const cov = roleCoverage([
			contact({ id: 'a', roles: ['mentors', 'informs'] }),
			contact({ id: 'b', roles: ['informs', 'informs'] }),
			contact({ id: 'c', roles: ['connects'] }),
			contact({ id: 'd', roles: [] })
		]);
		expect(cov.counts.map((c) => c.role)).toEqual([...ROLES]);
		expect(cov.counts.map((c) => c.count)).toEqual([2, 1, 0, 0, 1, 0, 0]);
		expect(cov.counts[0]).toMatchObject({ label: 'Provides information', contactIds: ['a', 'b'] });
		expect(cov.gaps.map((g) => g.role)).toEqual([
			'gets-job-done',
			'advocates',
			'guides',
			'sponsors'
		]);
		expect(cov.covered).toBe(3);
	});

	it('says what to do about each gap', () => {
		const cov = roleCoverage([]);
		expect(cov.gaps).toHaveLength(7);
		expect(cov.covered).toBe(0);
		const sponsor = cov.gaps.find((g) => g.role === 'sponsors')!;
		expect(sponsor.advice).toMatch(/Mentors advise; sponsors spend their own capital on you/);
		expect(sponsor.advice).toMatch(/senior person who has seen your work/);
		for (const role of ROLES) expect(ROLE_GAP_ADVICE[role].length).toBeGreaterThan(40);
	});

	it('has no gaps when every role is played', () => {
		const cov = roleCoverage([contact({ roles: [...ROLES] })]);
		expect(cov.gaps).toEqual([]);
		expect(cov.covered).toBe(7);
	});
});

describe('champion pipeline', () => {
	it('groups contacts by stage in order, strongest first', () => {
		const stages = pipeline([
			contact({ id: 'weak-ally', name: 'Ann', stage: 'ally', strength: 2 }),
			contact({ id: 'strong-ally', name: 'Zoe', stage: 'ally', strength: 5 }),
			contact({ id: 'champ', stage: 'champion' }),
			contact({ id: 'plain', stage: 'contact' })
		]);
		expect(stages.map((s) => [s.stage, s.label])).toEqual([
			['contact', 'Contact'],
			['ally', 'Ally'],
			['champion', 'Champion']
		]);
		expect(stages[1]!.contacts.map((c) => c.id)).toEqual(['strong-ally', 'weak-ally']);
		expect(stages[2]!.contacts.map((c) => c.id)).toEqual(['champ']);
		expect(stages[0]!.contacts.map((c) => c.id)).toEqual(['plain']);
	});

	it('moves one step at a time and stops at either end', () => {
		expect(moveStage('contact', 1)).toBe('ally');
		expect(moveStage('ally', 1)).toBe('champion');
		expect(moveStage('champion', 1)).toBe('champion');
		expect(moveStage('champion', -1)).toBe('ally');
		expect(moveStage('contact', -1)).toBe('contact');
	});
});

describe('missing sponsor', () => {
	it('warns until a sponsor has become a champion', () => {
		expect(missingSponsor([])).toBe(true);
		expect(missingSponsor([contact({ roles: ['sponsors'], stage: 'ally' })])).toBe(true);
		expect(missingSponsor([contact({ roles: ['advocates'], stage: 'champion' })])).toBe(true);
		expect(missingSponsor([contact({ roles: ['sponsors'], stage: 'champion' })])).toBe(false);
	});

	it('suggests who could become one: tagged sponsors first, then senior allies', () => {
		const candidates = sponsorCandidates([
			contact({ id: 'senior-ally', seniority: 'senior', stage: 'ally', strength: 5 }),
			contact({ id: 'tagged', roles: ['sponsors'], stage: 'contact', strength: 1 }),
			contact({ id: 'senior-stranger', seniority: 'senior', stage: 'contact' }),
			contact({ id: 'done', roles: ['sponsors'], stage: 'champion' }),
			contact({ id: 'peer-ally', seniority: 'peer', stage: 'ally' })
		]);
		expect(candidates.map((c) => c.contact.id)).toEqual(['tagged', 'senior-ally']);
		expect(candidates[0]!.reason).toMatch(/still a contact.*move them to champion/);
		expect(candidates[1]!.reason).toMatch(/senior ally/);
	});
});

describe('warm paths', () => {
	const people = [
		contact({ id: 'acme-weak', name: 'Ada', org: ' ACME  Ltd', strength: 2 }),
		contact({ id: 'acme-strong', name: 'Bo', org: 'Acme Ltd', strength: 4, roles: ['connects'] }),
		contact({ id: 'health', name: 'Cy', org: 'Other', industry: 'Healthcare', strength: 5 }),
		contact({ id: 'health-2', name: 'Di', industry: ' healthcare', strength: 5, stage: 'ally' }),
		contact({ id: 'connector', name: 'Ed', roles: ['connects'], strength: 3 }),
		contact({ id: 'unrelated', name: 'Flo', org: 'Globex', industry: 'Retail', strength: 5 })
	];

	it('same organisation first, then same industry, then connectors, strongest first', () => {
		const paths = warmPaths(target({ org: 'acme ltd', industry: 'Healthcare' }), people);
		expect(paths.map((p) => [p.contact.id, p.kind])).toEqual([
			['acme-strong', 'same-org'],
			['acme-weak', 'same-org'],
			// Same strength: the ally (further along) comes before the plain contact.
			['health-2', 'same-industry'],
			['health', 'same-industry'],
			['connector', 'connector']
		]);
		expect(paths[0]!.reason).toBe('Works at acme ltd');
		expect(paths[2]!.reason).toBe('Works in Healthcare too');
		expect(paths[4]!.reason).toBe('Likes connecting people: ask who they know at acme ltd');
	});

	it('lists each contact once, in its strongest group', () => {
		const paths = warmPaths(target({ org: 'Acme Ltd' }), [...people, people[1]!]);
		const ids = paths.map((p) => p.contact.id);
		expect(new Set(ids).size).toBe(ids.length);
		// Bo connects people too, but appears once, as someone at Acme.
		expect(paths.filter((p) => p.contact.id === 'acme-strong').map((p) => p.kind)).toEqual([
			'same-org'
		]);
	});

	it('never matches a blank organisation or industry to a blank one', () => {
		const paths = warmPaths(target({ org: '  ', industry: '' }), [
			contact({ id: 'blank', org: '', industry: '' }),
			contact({ id: 'connector', roles: ['connects'] })
		]);
		expect(paths.map((p) => [p.contact.id, p.kind])).toEqual([['connector', 'connector']]);
		expect(paths[0]!.reason).toBe('Likes connecting people: ask who they know');
	});

	it('points connectors at the industry when no organisation is named', () => {
		const paths = warmPaths(target({ industry: 'Retail' }), people);
		expect(paths[0]).toMatchObject({ kind: 'same-industry' });
		expect(paths.at(-1)!.reason).toBe('Likes connecting people: ask who they know in Retail');
	});

	it('leaves out the contact the target has already become', () => {
		const paths = warmPaths(target({ org: 'Acme Ltd', reachedContactId: 'acme-strong' }), people);
		expect(paths.map((p) => p.contact.id)).not.toContain('acme-strong');
	});
});
