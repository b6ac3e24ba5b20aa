/** Small builders for the People-rules tests: a full record from the few fields a test cares about. */
import type { Contact, Conversation, Tie } from '$lib/model/records';

let counter = 0;

export function contact(fields: Partial<Contact> = {}): Contact {
	counter++;
	const id = fields.id ?? `c${counter}`;
	return {
		id,
		name: `Person ${id}`,
		org: '',
		title: '',
		emails: [],
		phones: [],
		links: [],
		howWeMet: '',
		introducedBy: null,
		notes: '',
		tier: 'wider',
		strength: 3,
		roles: [],
		inside: null,
		industry: '',
		function: '',
		seniority: null,
		similar: null,
		stage: 'contact',
		advocacy: '',
		cadenceDays: null,
		followUpOn: null,
		helpsGoal: false,
		lastContactOn: null,
		createdAt: '2026-01-01T09:00:00.000Z',
		...fields
	};
}

/** Contacts with ids `prefix0 … prefix{n-1}`. */
export function contacts(n: number, prefix = 'c', fields: Partial<Contact> = {}): Contact[] {
	return Array.from({ length: n }, (_, i) => contact({ ...fields, id: `${prefix}${i}` }));
}

export function tie(a: string, b: string, id = `${a}-${b}`): Tie {
	return { id, a, b };
}

export function conversation(fields: Partial<Conversation> = {}): Conversation {
	counter++;
	return {
		id: `v${counter}`,
		contactId: 'c1',
		on: '2026-03-01',
		kind: 'coffee',
		theirWork: '',
		theirChallenges: '',
		iOffered: '',
		theyOffered: '',
		offerDelivered: false,
		followUpOn: null,
		...fields
	};
}
