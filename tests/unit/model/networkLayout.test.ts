import { describe, expect, it } from 'vitest';
import {
	MAX_SECTORS,
	MIN_NODE_RADIUS,
	NO_ORGANISATION,
	OTHER_ORGANISATIONS,
	layoutNetwork,
	primaryRole
} from '$lib/model/networkLayout';
import type { LayoutNode, NetworkLayout } from '$lib/model/networkLayout';
import type { Contact } from '$lib/model/records';
import { contact, tie } from './people-fixtures';

const SIZE = { width: 800, height: 600 };

/** A varied network: several organisations, every strength, some blank organisations. */
function sampleNetwork(n: number): Contact[] {
	const orgs = ['Acme', 'Globex', 'Initech', 'Umbrella', ''];
	return Array.from({ length: n }, (_, i) =>
		contact({
			id: `p${i}`,
			name: `Person ${i}`,
			org: orgs[i % orgs.length]!,
			strength: 1 + (i % 5),
			lastContactOn: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
			roles: i % 3 === 0 ? ['mentors'] : []
		})
	);
}

function distance(a: { x: number; y: number }, b: { x: number; y: number }): number {
	return Math.hypot(a.x - b.x, a.y - b.y);
}

/** Pairs of nodes in the same ring and sector whose circles overlap. */
function overlapsWithinCells(layout: NetworkLayout): [LayoutNode, LayoutNode][] {
	const cells = new Map<string, LayoutNode[]>();
	for (const node of layout.nodes) {
		const key = `${node.group}:${node.strength}`;
		const list = cells.get(key) ?? [];
		list.push(node);
		cells.set(key, list);
	}
	const bad: [LayoutNode, LayoutNode][] = [];
	for (const list of cells.values()) {
		for (let i = 0; i < list.length; i++) {
			for (let j = i + 1; j < list.length; j++) {
				if (distance(list[i]!, list[j]!) < list[i]!.r + list[j]!.r) bad.push([list[i]!, list[j]!]);
			}
		}
	}
	return bad;
}

/** Angle of a node around me, shifted into [start, start + 2π). */
function angleFrom(layout: NetworkLayout, node: LayoutNode, start: number): number {
	let a = Math.atan2(node.y - layout.me.y, node.x - layout.me.x);
	while (a < start) a += 2 * Math.PI;
	while (a >= start + 2 * Math.PI) a -= 2 * Math.PI;
	return a;
}

describe('layoutNetwork', () => {
	it('puts me at the centre and nothing else when there are no contacts', () => {
		const layout = layoutNetwork([], [], SIZE);
		expect(layout.me).toMatchObject({ x: 400, y: 300 });
		expect(layout.nodes).toEqual([]);
		expect(layout.edges).toEqual([]);
		expect(layout.groups).toEqual([]);
		expect(layout.hidden).toBe(0);
	});

	it('is deterministic, whatever order the contacts come in', () => {
		const people = sampleNetwork(120);
		const ties = [tie('p0', 'p1'), tie('p2', 'p7'), tie('p10', 'p55')];
		const first = layoutNetwork(people, ties, SIZE);
		expect(layoutNetwork(people, ties, SIZE)).toEqual(first);
		// Reverse and interleave: same picture.
		const shuffled = [...people]
			.reverse()
			.sort((a, b) => (Number(a.id.slice(1)) % 7) - (Number(b.id.slice(1)) % 7));
		expect(layoutNetwork(shuffled, ties, SIZE)).toEqual(first);
	});

	it('puts stronger contacts on nearer rings', () => {
		const layout = layoutNetwork(sampleNetwork(60), [], SIZE);
		const meanRadius = (s: number) => {
			const ring = layout.nodes.filter((n) => n.strength === s);
			return ring.reduce((sum, n) => sum + distance(n, layout.me), 0) / ring.length;
		};
		const radii = [5, 4, 3, 2, 1].map(meanRadius);
		for (let i = 1; i < radii.length; i++) expect(radii[i]!).toBeGreaterThan(radii[i - 1]!);
		// Every node stays clear of me.
		for (const node of layout.nodes) {
			expect(distance(node, layout.me)).toBeGreaterThan(layout.me.r + node.r);
		}
		expect(layout.rings.map((r) => r.strength)).toEqual([5, 4, 3, 2, 1]);
	});

	it('clamps odd strengths to the nearest ring', () => {
		const layout = layoutNetwork(
			[contact({ id: 'big', strength: 9 }), contact({ id: 'nan', strength: Number.NaN })],
			[],
			SIZE
		);
		expect(layout.nodes.find((n) => n.id === 'big')!.strength).toBe(5);
		expect(layout.nodes.find((n) => n.id === 'nan')!.strength).toBe(1);
	});

	it('groups by organisation into sectors, blank organisations together', () => {
		const people = [
			contact({ id: 'a1', org: 'Acme' }),
			contact({ id: 'a2', org: ' acme ' }),
			contact({ id: 'a3', org: 'ACME' }),
			contact({ id: 'g1', org: 'Globex' }),
			contact({ id: 'n1', org: '' }),
			contact({ id: 'n2', org: '   ' })
		];
		const layout = layoutNetwork(people, [], SIZE);
		expect(layout.groups.map((g) => [g.org, g.count])).toEqual([
			['Acme', 3],
			['Globex', 1],
			[NO_ORGANISATION, 2]
		]);
		// Sectors run clockwise from the top without overlapping.
		const [acme, globex, none] = layout.groups;
		expect(acme!.angleStart).toBeGreaterThanOrEqual(-Math.PI / 2);
		expect(globex!.angleStart).toBeGreaterThan(acme!.angleEnd);
		expect(none!.angleStart).toBeGreaterThan(globex!.angleEnd);
		expect(none!.angleEnd).toBeLessThanOrEqual(-Math.PI / 2 + 2 * Math.PI);
		// Each node sits inside its own sector.
		for (const node of layout.nodes) {
			const group = layout.groups[node.group]!;
			const a = angleFrom(layout, node, -Math.PI / 2);
			expect(a).toBeGreaterThanOrEqual(group.angleStart);
			expect(a).toBeLessThanOrEqual(group.angleEnd);
		}
		expect(
			layout.nodes
				.filter((n) => n.group === 2)
				.map((n) => n.id)
				.sort()
		).toEqual(['n1', 'n2']);
	});

	it('merges small organisations into "Other organisations" when there are many', () => {
		const people: Contact[] = [];
		for (let o = 0; o < 30; o++) {
			// Organisations 0–7 have 3 people; the other 22 have one each.
			const size = o < 8 ? 3 : 1;
			for (let k = 0; k < size; k++) people.push(contact({ id: `o${o}-${k}`, org: `Org ${o}` }));
		}
		people.push(contact({ id: 'free', org: '' }));
		const layout = layoutNetwork(people, [], SIZE);
		expect(layout.groups.length).toBeLessThanOrEqual(MAX_SECTORS);
		const labels = layout.groups.map((g) => g.org);
		expect(labels.slice(0, 8).sort()).toEqual(
			[0, 1, 2, 3, 4, 5, 6, 7].map((o) => `Org ${o}`).sort()
		);
		expect(labels.slice(-2)).toEqual([OTHER_ORGANISATIONS, NO_ORGANISATION]);
		expect(layout.groups.find((g) => g.org === OTHER_ORGANISATIONS)!.count).toBe(22);
		expect(layout.nodes).toHaveLength(people.length);
	});

	it('draws ties between shown contacts only, once each, never to me', () => {
		const people = sampleNetwork(10);
		const ties = [
			tie('p0', 'p1'),
			tie('p1', 'p0', 'again'),
			tie('p2', 'p2'),
			tie('p3', 'missing'),
			tie('p4', 'p5')
		];
		const layout = layoutNetwork(people, ties, SIZE);
		expect(layout.edges.map((e) => [e.a, e.b])).toEqual([
			['p0', 'p1'],
			['p4', 'p5']
		]);
		const p0 = layout.nodes.find((n) => n.id === 'p0')!;
		const p1 = layout.nodes.find((n) => n.id === 'p1')!;
		expect(layout.edges[0]).toMatchObject({ x1: p0.x, y1: p0.y, x2: p1.x, y2: p1.y });
	});

	it('caps the nodes drawn, keeping the strongest and most recently contacted', () => {
		const people = [
			...Array.from({ length: 8 }, (_, i) => contact({ id: `faint${i}`, strength: 1 })),
			contact({ id: 'strong', strength: 5 }),
			contact({ id: 'recent', strength: 2, lastContactOn: '2026-03-01' }),
			contact({ id: 'older', strength: 2, lastContactOn: '2025-01-01' }),
			contact({ id: 'never', strength: 2, lastContactOn: null })
		];
		const layout = layoutNetwork(people, [tie('strong', 'faint0'), tie('strong', 'recent')], {
			...SIZE,
			maxNodes: 3
		});
		expect(layout.nodes.map((n) => n.id).sort()).toEqual(['older', 'recent', 'strong']);
		expect(layout.hidden).toBe(9);
		// The tie to a hidden contact is not drawn.
		expect(layout.edges.map((e) => [e.a, e.b])).toEqual([['strong', 'recent']]);
	});

	it('draws at most 500 by default and counts the rest as hidden', () => {
		const layout = layoutNetwork(sampleNetwork(650), [], SIZE);
		expect(layout.nodes).toHaveLength(500);
		expect(layout.hidden).toBe(150);
		expect(new Set(layout.nodes.map((n) => n.id)).size).toBe(500);
	});

	it('counts a duplicated contact once', () => {
		const one = contact({ id: 'dup' });
		const layout = layoutNetwork([one, { ...one }], [], SIZE);
		expect(layout.nodes).toHaveLength(1);
		expect(layout.hidden).toBe(0);
	});

	it('never overlaps nodes in the same ring and sector, and keeps them on the canvas', () => {
		const layout = layoutNetwork(sampleNetwork(500), [], SIZE);
		expect(overlapsWithinCells(layout)).toEqual([]);
		for (const node of layout.nodes) {
			expect(node.x - node.r).toBeGreaterThanOrEqual(0);
			expect(node.x + node.r).toBeLessThanOrEqual(SIZE.width);
			expect(node.y - node.r).toBeGreaterThanOrEqual(0);
			expect(node.y + node.r).toBeLessThanOrEqual(SIZE.height);
		}
	});

	it('spills a crowded ring onto sub-rings instead of overlapping', () => {
		// 300 people, all strength 5, all at one organisation: far more than one arc can hold.
		const people = Array.from({ length: 300 }, (_, i) =>
			contact({ id: `s${i}`, org: 'Acme', strength: 5 })
		);
		const layout = layoutNetwork(people, [], { width: 400, height: 400 });
		expect(overlapsWithinCells(layout)).toEqual([]);
		const radii = new Set(layout.nodes.map((n) => Math.round(distance(n, layout.me))));
		expect(radii.size).toBeGreaterThan(1);
		expect(layout.nodes[0]!.r).toBeGreaterThanOrEqual(MIN_NODE_RADIUS);
	});

	it('keeps even a single-person sector clear of its neighbours on the same ring', () => {
		const people = [
			...Array.from({ length: 200 }, (_, i) => contact({ id: `big${i}`, org: 'Big', strength: 3 })),
			contact({ id: 'solo', org: 'Solo', strength: 3 })
		];
		const layout = layoutNetwork(people, [], SIZE);
		const solo = layout.nodes.find((n) => n.id === 'solo')!;
		const nearest = Math.min(
			...layout.nodes.filter((n) => n.id !== 'solo').map((n) => distance(n, solo))
		);
		expect(nearest).toBeGreaterThanOrEqual(2 * solo.r);
	});

	it('colours a node by its deepest role', () => {
		expect(primaryRole(['informs', 'sponsors', 'mentors'])).toBe('sponsors');
		expect(primaryRole(['connects'])).toBe('connects');
		expect(primaryRole([])).toBeNull();
		const layout = layoutNetwork(
			[contact({ id: 'x', roles: ['mentors', 'informs'], org: ' Acme ' })],
			[],
			SIZE
		);
		expect(layout.nodes[0]).toMatchObject({ role: 'mentors', org: 'Acme' });
	});

	it('lays out 5,000 contacts and 2,000 ties with the default cap', () => {
		const people = sampleNetwork(5000);
		const ties = Array.from({ length: 2000 }, (_, i) => tie(`p${i}`, `p${(i * 13 + 5) % 5000}`));
		const layout = layoutNetwork(people, ties, { width: 1000, height: 1000 });
		expect(layout.nodes).toHaveLength(500);
		expect(layout.hidden).toBe(4500);
		const shown = new Set(layout.nodes.map((n) => n.id));
		for (const e of layout.edges) expect(shown.has(e.a) && shown.has(e.b)).toBe(true);
		expect(overlapsWithinCells(layout)).toEqual([]);
	});
});
