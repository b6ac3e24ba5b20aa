import { describe, expect, it } from 'vitest';
import { MapState } from '../../../src/lib/state/map.svelte';
import { peopleOf } from '../../../src/lib/state/people.svelte';
import { targetsOf } from '../../../src/lib/state/collections';
import { openSession } from '../support/session';

describe('MapState', () => {
	it('orders each tagger by what is missing, then name, and keeps the order while tagging', async () => {
		const session = await openSession();
		const people = peopleOf(session);
		const zoe = people.addContact('Zoe', { roles: ['informs'], inside: true, similar: false })!;
		const amy = people.addContact('amy')!;
		const bo = people.addContact('Bo', { inside: true, similar: true, introducedBy: 'self' })!;
		const map = new MapState(session);
		expect(map.roleRows.map((c) => c.id)).toEqual([amy, bo, zoe]);
		expect(map.opennessRows.map((c) => c.id)).toEqual([amy, zoe, bo]);
		expect(map.opennessToTag).toBe(2);
		map.setOpenness(amy, { inside: true, similar: true, introducedBy: 'self' });
		expect(map.opennessRows.map((c) => c.id)).toEqual([amy, zoe, bo]);
		expect(map.opennessToTag).toBe(1);
		// Someone added here goes on top of both.
		const new1 = map.addContact('  Cy  ')!;
		expect(map.contact(new1)!.name).toBe('Cy');
		expect(map.roleRows[0]!.id).toBe(new1);
		expect(map.opennessRows[0]!.id).toBe(new1);
	});

	it('feeds the openness measures from the tagger, one undoable write per answer', async () => {
		const session = await openSession();
		const people = peopleOf(session);
		const ids = ['Ann', 'Ben', 'Cat'].map((n) => people.addContact(n)!);
		const map = new MapState(session);
		expect(map.openness.inside.share).toBeNull();
		map.setOpenness(ids[0]!, { inside: true });
		map.setOpenness(ids[1]!, { inside: false });
		map.setOpenness(ids[2]!, { inside: false });
		expect(map.openness.inside).toMatchObject({ share: 1 / 3, known: 3 });
		// How we met counts before anyone is in a key tier.
		map.setOpenness(ids[0]!, { introducedBy: 'self' });
		session.stopCapturing();
		map.setOpenness(ids[1]!, { introducedBy: ids[0]! });
		expect(map.openness.selfIntroduced).toMatchObject({ scope: 'everyone', share: 0.5 });
		// Nobody introduced themselves.
		map.setOpenness(ids[2]!, { introducedBy: ids[2]! });
		expect(map.contact(ids[2]!)!.introducedBy).toBeNull();
		session.undo();
		expect(map.contact(ids[1]!)!.introducedBy).toBeNull();
		expect(map.contact(ids[0]!)!.introducedBy).toBe('self');
	});

	it('toggles roles and marks a target reached by someone new in one write', async () => {
		const session = await openSession();
		const ann = peopleOf(session).addContact('Ann')!;
		const map = new MapState(session);
		map.setRole(ann, 'sponsors', true);
		map.setRole(ann, 'informs', true);
		expect(map.contact(ann)!.roles).toEqual(['informs', 'sponsors']);
		map.setRole(ann, 'informs', false);
		expect(map.coverage.covered).toBe(1);
		const targets = targetsOf(session);
		const t = targets.add({ role: 'Head of product', org: 'Acme' })!;
		session.stopCapturing();
		const id = map.reachAsNew(targets.get(t)!, ' Dee ')!;
		expect(map.contact(id)).toMatchObject({ name: 'Dee', org: 'Acme', helpsGoal: true });
		expect(targets.get(t)!.reachedContactId).toBe(id);
		session.undo();
		expect(map.contact(id)).toBeNull();
		expect(targets.get(t)!.reachedContactId).toBeNull();
	});
});
