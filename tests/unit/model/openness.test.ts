import { describe, expect, it } from 'vitest';
import {
	INBRED_THRESHOLD,
	blauDiversity,
	insideShare,
	opennessReport,
	selfIntroducedShare,
	similarShare,
	structuralHoles
} from '$lib/model/openness';
import type { Contact, Tie } from '$lib/model/records';
import { contact, contacts, tie } from './people-fixtures';

/** Burt's constraint the slow, literal way: a full (n+1)×(n+1) matrix with me as node n. */
function bruteForce(people: Contact[], ties: Tie[]): { constraint: number; effectiveSize: number } {
	const n = people.length;
	const index = new Map(people.map((c, i) => [c.id, i]));
	const z = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
	for (let j = 0; j < n; j++) z[n]![j] = z[j]![n] = 1;
	for (const t of ties) {
		const a = index.get(t.a);
		const b = index.get(t.b);
		if (a === undefined || b === undefined || a === b) continue;
		z[a]![b] = z[b]![a] = 1;
	}
	const p = z.map((row) => {
		const sum = row.reduce((s, v) => s + v, 0);
		return row.map((v) => (sum === 0 ? 0 : v / sum));
	});
	const i = n;
	let constraint = 0;
	for (let j = 0; j < n; j++) {
		let indirect = 0;
		for (let q = 0; q < n; q++) if (q !== j) indirect += p[i]![q]! * p[q]![j]!;
		constraint += (p[i]![j]! + indirect) ** 2;
	}
	let t = 0;
	for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) t += z[a]![b]!;
	return { constraint, effectiveSize: n - (2 * t) / n };
}

describe('inside and similar shares', () => {
	it('counts only contacts with an answer and says how many are unknown', () => {
		const people = [
			contact({ inside: true, similar: true }),
			contact({ inside: true, similar: false }),
			contact({ inside: false, similar: null }),
			contact({ inside: null, similar: null })
		];
		const inside = insideShare(people);
		expect(inside.share).toBeCloseTo(2 / 3, 10);
		expect(inside).toMatchObject({ count: 2, known: 3, unknown: 1, total: 4, reason: null });
		expect(inside.explanation).toContain('67%');
		expect(inside.explanation).toContain('1 not answered yet');

		const similar = similarShare(people);
		expect(similar.share).toBe(0.5);
		expect(similar).toMatchObject({ count: 1, known: 2, unknown: 2 });
	});

	it('gives null with a reason instead of dividing by zero', () => {
		const none = insideShare([]);
		expect(none.share).toBeNull();
		expect(none.reason).toMatch(/add a few contacts/i);

		const unanswered = similarShare([contact(), contact()]);
		expect(unanswered.share).toBeNull();
		expect(unanswered.unknown).toBe(2);
		expect(unanswered.reason).toMatch(/similar to you/);
	});
});

describe('Blau diversity', () => {
	it('computes 1 − Σp² over non-blank values, ignoring case and spacing', () => {
		// tech ×2, finance ×1, health ×1 of 4 counted: 1 − (1/4 + 1/16 + 1/16) = 0.625.
		const people = [
			contact({ industry: 'Tech' }),
			contact({ industry: '  tech ' }),
			contact({ industry: 'Finance' }),
			contact({ industry: 'Health' }),
			contact({ industry: '   ' })
		];
		const d = blauDiversity(people, 'industry');
		expect(d.index).toBeCloseTo(0.625, 12);
		expect(d.categories).toBe(3);
		expect(d.counted).toBe(4);
		expect(d.blank).toBe(1);
		expect(d.max).toBeCloseTo(2 / 3, 12);
		expect(d.largest).toEqual({ value: 'Tech', count: 2 });
		expect(d.explanation).toContain('1 left blank');
	});

	it('treats inner spacing and case as the same category', () => {
		const d = blauDiversity(
			[contact({ function: 'Product  Design' }), contact({ function: 'product design' })],
			'function'
		);
		expect(d.index).toBe(0);
		expect(d.categories).toBe(1);
	});

	it('is exactly 0 when everyone is alike and 1 − 1/k when evenly spread', () => {
		const alike = blauDiversity(contacts(5, 'a', { seniority: 'peer' }), 'seniority');
		expect(alike.index).toBe(0);
		expect(alike.explanation).toMatch(/share one value: peer/);

		const even = blauDiversity(
			[
				contact({ seniority: 'senior' }),
				contact({ seniority: 'peer' }),
				contact({ seniority: 'junior' }),
				contact({ seniority: null })
			],
			'seniority'
		);
		// Three equal thirds: 1 − 3·(1/3)² = 2/3, the most three categories can give.
		expect(even.index).toBeCloseTo(2 / 3, 12);
		expect(even.index).toBeCloseTo(even.max!, 12);
		expect(even.blank).toBe(1);
	});

	it('gives null with a reason when nothing is filled in', () => {
		expect(blauDiversity([], 'industry')).toMatchObject({ index: null, categories: 0 });
		const blank = blauDiversity([contact(), contact()], 'industry');
		expect(blank.index).toBeNull();
		expect(blank.reason).toMatch(/industry/);
	});
});

describe('self-introduced share of key contacts', () => {
	it('looks only at inner and key contacts with a known introducer', () => {
		const people = [
			contact({ tier: 'inner', introducedBy: 'self' }),
			contact({ tier: 'key', introducedBy: 'self' }),
			contact({ tier: 'key', introducedBy: 'self' }),
			contact({ tier: 'key', introducedBy: 'c-someone' }),
			contact({ tier: 'inner', introducedBy: null }),
			// Wider contacts do not count, however they were met.
			contact({ tier: 'wider', introducedBy: 'self' }),
			contact({ tier: 'wider', introducedBy: 'self' })
		];
		const m = selfIntroducedShare(people);
		expect(m.share).toBe(0.75);
		expect(m).toMatchObject({ selfIntroduced: 3, known: 4, unknown: 1, keyContacts: 5 });
		expect(m.inbred).toBe(true);
		expect(m.explanation).toMatch(/introduce you/);
	});

	it('flags inbred only strictly above the threshold', () => {
		expect(INBRED_THRESHOLD).toBe(0.65);
		// 13 of 20 = 0.65 exactly: not above.
		const atThreshold = [
			...contacts(13, 's', { tier: 'key', introducedBy: 'self' }),
			...contacts(7, 'o', { tier: 'key', introducedBy: 'x' })
		];
		expect(selfIntroducedShare(atThreshold)).toMatchObject({ share: 0.65, inbred: false });
		const above = [...atThreshold, contact({ tier: 'inner', introducedBy: 'self' })];
		expect(selfIntroducedShare(above).inbred).toBe(true);
	});

	it('gives null with a reason when nobody has an answer', () => {
		expect(selfIntroducedShare([]).reason).toMatch(/add a few contacts/i);
		const noKey = selfIntroducedShare([contact({ tier: 'wider' })]);
		expect(noKey).toMatchObject({ share: null, inbred: false });
		expect(noKey.reason).toMatch(/how you met people.*inner circle or key tier/);
		const noAnswer = selfIntroducedShare([contact({ tier: 'key' })]);
		expect(noAnswer.share).toBeNull();
		expect(noAnswer.reason).toMatch(/how you met your key contacts/);
	});

	it('counts everyone with an answer until a key contact has one, and says so', () => {
		const wider = [
			...contacts(3, 'me', { tier: 'wider', introducedBy: 'self' }),
			contact({ tier: 'wider', introducedBy: 'x' }),
			contact({ tier: 'wider' })
		];
		const all = selfIntroducedShare(wider);
		expect(all).toMatchObject({ scope: 'everyone', share: 0.75, known: 4, unknown: 1 });
		expect(all.inbred).toBe(true);
		expect(all.explanation).toMatch(
			/^You met 3 of 4 people on your own, 75% \(1 not answered yet\)/
		);
		expect(all.explanation).toMatch(/once your inner circle or key people have an answer/);
		// A key contact with no answer yet does not take the share away.
		expect(selfIntroducedShare([...wider, contact({ tier: 'key' })]).scope).toBe('everyone');
		// One key contact with an answer: the rule's own scope, key contacts only.
		const key = selfIntroducedShare([...wider, contact({ tier: 'inner', introducedBy: 'x' })]);
		expect(key).toMatchObject({ scope: 'key', share: 0, known: 1, inbred: false });
	});
});

describe("Burt's constraint and effective size", () => {
	it('has nothing to say about no contacts', () => {
		const s = structuralHoles([], []);
		expect(s).toMatchObject({ constraint: null, effectiveSize: null, efficiency: null });
		expect(s.reason).toMatch(/add a few contacts/i);
	});

	it('one contact: constraint 1, effective size 1', () => {
		// c = (p_ij)² = (1/1)² = 1; effective size 1 − 0 = 1.
		const s = structuralHoles([contact({ id: 'only' })], []);
		expect(s.constraint).toBe(1);
		expect(s.effectiveSize).toBe(1);
		expect(s.caveat).toBeNull();
	});

	it('3 contacts who do not know each other: C = 1/3, effective size 3, with a caveat', () => {
		// Each c_j = (1/3)², C = 3·(1/9) = 1/3; t = 0 so effective size = 3.
		const s = structuralHoles(contacts(3), []);
		expect(s.constraint).toBeCloseTo(1 / 3, 12);
		expect(s.effectiveSize).toBe(3);
		expect(s.efficiency).toBe(1);
		expect(s.caveat).toMatch(/assumes none of your contacts know each other/);
	});

	it('triangle: C = 3·(5/9)² ≈ 0.926, effective size 1', () => {
		// Each q has 3 ties (me + 2): p_iq = 1/3, p_qj = 1/3.
		// c_j = (1/3 + 2·(1/3·1/3))² = (5/9)²; C = 3·25/81 = 75/81; ES = 3 − 2·3/3 = 1.
		const s = structuralHoles(contacts(3, 't'), [
			tie('t0', 't1'),
			tie('t1', 't2'),
			tie('t0', 't2')
		]);
		expect(s.constraint).toBeCloseTo(75 / 81, 12);
		expect(s.effectiveSize).toBeCloseTo(1, 12);
		expect(s.ties).toBe(3);
		expect(s.caveat).toBeNull();
	});

	it('star: a hub tied to three others', () => {
		// n = 4, t = 3. deg(hub) = 3 + me = 4; deg(leaf) = 1 + me = 2.
		// c_hub  = (1/4 + 3·(1/4·1/2))² = (5/8)² = 25/64.
		// c_leaf = (1/4 + 1/4·1/4)² = (5/16)² = 25/256, three of them = 75/256.
		// C = 100/256 + 75/256 = 175/256 ≈ 0.6836; ES = 4 − 2·3/4 = 2.5.
		const people = [contact({ id: 'hub' }), ...contacts(3, 'leaf')];
		const s = structuralHoles(people, [
			tie('hub', 'leaf0'),
			tie('hub', 'leaf1'),
			tie('leaf2', 'hub')
		]);
		expect(s.constraint).toBeCloseTo(175 / 256, 12);
		expect(s.effectiveSize).toBe(2.5);
		// The hub boxes me in most: everyone else hears what it hears.
		expect(s.mostConstraining[0]).toEqual({ contactId: 'hub', contribution: 25 / 64 });
		expect(s.mostConstraining).toHaveLength(3);
	});

	it('two triangles joined by a bridge', () => {
		// a0 a1 a2 all tied, b0 b1 b2 all tied, bridge a0–b0. n = 6, t = 7.
		// deg(a0) = deg(b0) = 2 + 1 + me = 4; the other four have deg 2 + me = 3.
		// c_a0 = (1/6 · (1 + 1/3 + 1/3 + 1/4))² = (23/72)² = 529/5184.
		// c_a1 = (1/6 · (1 + 1/4 + 1/3))² = (19/72)² = 361/5184, same for a2, b1, b2.
		// C = 2·(529 + 2·361)/5184 = 2502/5184 ≈ 0.4826; ES = 6 − 14/6 = 11/3.
		const people = [...contacts(3, 'a'), ...contacts(3, 'b')];
		const ties = [
			tie('a0', 'a1'),
			tie('a1', 'a2'),
			tie('a0', 'a2'),
			tie('b0', 'b1'),
			tie('b1', 'b2'),
			tie('b0', 'b2'),
			tie('a0', 'b0')
		];
		const s = structuralHoles(people, ties);
		expect(s.constraint).toBeCloseTo(2502 / 5184, 12);
		expect(s.effectiveSize).toBeCloseTo(11 / 3, 12);
		expect(s.mostConstraining.map((m) => m.contactId)).toEqual(['a0', 'b0', 'a1']);
		expect(s.explanation).toMatch(/6 contacts count like 3.7 separate ones/);
	});

	it('ignores duplicate ties, self-ties and ties naming unknown contacts', () => {
		const ties = [
			tie('t0', 't1'),
			tie('t1', 't0', 'reverse-duplicate'),
			tie('t0', 't1', 'same-duplicate'),
			tie('t2', 't2'),
			tie('t0', 'gone'),
			tie('t1', 't2'),
			tie('t0', 't2')
		];
		const s = structuralHoles(contacts(3, 't'), ties);
		expect(s.ties).toBe(3);
		expect(s.ignoredTies).toBe(4);
		expect(s.constraint).toBeCloseTo(75 / 81, 12);
	});

	it('matches the literal matrix formula on an irregular network', () => {
		const people = contacts(40, 'n');
		const ties: Tie[] = [];
		// A deterministic scatter of ties: some clustered, some bridging, some repeated.
		for (let i = 0; i < 40; i++) {
			for (const step of [1, 3, 7]) {
				if ((i * step) % 5 !== 0) ties.push(tie(`n${i}`, `n${(i + step) % 40}`));
			}
		}
		const fast = structuralHoles(people, ties);
		const slow = bruteForce(people, ties);
		expect(fast.constraint).toBeCloseTo(slow.constraint, 12);
		expect(fast.effectiveSize).toBeCloseTo(slow.effectiveSize, 12);
		expect(fast.ties).toBeGreaterThan(40);
	});

	it('handles 5,000 contacts and 2,000 ties without building a matrix', () => {
		const people = contacts(5000, 'big');
		const ties = Array.from({ length: 2000 }, (_, i) => tie(`big${i}`, `big${(i * 7 + 1) % 5000}`));
		const s = structuralHoles(people, ties);
		expect(s.contacts).toBe(5000);
		expect(s.ties + s.ignoredTies).toBe(2000);
		expect(s.effectiveSize).toBeCloseTo(5000 - (2 * s.ties) / 5000, 9);
		// Sparse ties barely move the constraint above 1/n.
		expect(s.constraint!).toBeGreaterThan(1 / 5000);
		expect(s.constraint!).toBeLessThan(5 / 5000);
	});
});

describe('opennessReport', () => {
	it('bundles every measure over the same contacts', () => {
		const people = [
			contact({ id: 'x', inside: true, industry: 'Tech', tier: 'key', introducedBy: 'self' }),
			contact({ id: 'y', inside: false, industry: 'Law', tier: 'key', introducedBy: 'x' })
		];
		const report = opennessReport(people, [tie('x', 'y')]);
		expect(report.contacts).toBe(2);
		expect(report.inside.share).toBe(0.5);
		expect(report.similar.share).toBeNull();
		expect(report.diversity.industry.index).toBe(0.5);
		expect(report.diversity.function.index).toBeNull();
		expect(report.diversity.seniority.index).toBeNull();
		expect(report.selfIntroduced.share).toBe(0.5);
		// Two contacts who know each other: each c = (1/2 · (1 + 1/2))² = 9/16; ES = 2 − 1 = 1.
		expect(report.structure.constraint).toBeCloseTo(9 / 8, 12);
		expect(report.structure.effectiveSize).toBe(1);
	});

	it('never returns NaN or Infinity for an empty workbook', () => {
		const report = opennessReport([], []);
		const numbers = JSON.stringify(report);
		expect(numbers).not.toMatch(/NaN|Infinity/);
		expect(report.structure.constraint).toBeNull();
		expect(report.diversity.industry.index).toBeNull();
	});
});
