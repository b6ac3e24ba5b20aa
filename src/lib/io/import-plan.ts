/**
 * The import preview's rules: which drafts are new and which duplicate a contact already in the
 * workbook (same email, or same name and organisation), and what a merge changes.
 */
import type { Contact, Id } from '../model/records';
import type { ContactDraft } from './types';

export type DraftStatus = { kind: 'new' } | { kind: 'duplicate'; of: Id; why: 'email' | 'name' };

/** What telling duplicates apart needs of a contact already in the workbook. */
export type KnownContact = Pick<Contact, 'id' | 'name' | 'org' | 'emails'>;

export type ExistingContact = Pick<
	Contact,
	'id' | 'name' | 'org' | 'emails' | 'phones' | 'links' | 'title' | 'notes'
>;

const key = (s: string) =>
	s
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();

/**
 * Status of each draft against the existing contacts and the drafts before it in the same file
 * (a file that lists a person twice brings them in once).
 */
export function classifyDrafts(
	drafts: readonly ContactDraft[],
	existing: readonly KnownContact[]
): DraftStatus[] {
	const byEmail = new Map<string, Id>();
	const byName = new Map<string, Id>();
	const remember = (id: Id, name: string, org: string, emails: readonly string[]) => {
		for (const e of emails) if (!byEmail.has(key(e))) byEmail.set(key(e), id);
		const n = `${key(name)}\u0000${key(org)}`;
		if (!byName.has(n)) byName.set(n, id);
	};
	for (const c of existing) remember(c.id, c.name, c.org, c.emails);
	return drafts.map((d, i) => {
		for (const e of d.emails) {
			const id = byEmail.get(key(e));
			if (id) return { kind: 'duplicate', of: id, why: 'email' } as const;
		}
		const id = byName.get(`${key(d.name)}\u0000${key(d.organization ?? '')}`);
		if (id) return { kind: 'duplicate', of: id, why: 'name' } as const;
		remember(`draft:${i}`, d.name, d.organization ?? '', d.emails);
		return { kind: 'new' } as const;
	});
}

/** A draft as the fields of a new contact. */
export function draftToContact(d: ContactDraft): Partial<Contact> & { name: string } {
	const notes = [d.note ?? '', d.connectedOn ? `Connected on LinkedIn on ${d.connectedOn}.` : '']
		.filter(Boolean)
		.join('\n\n');
	return {
		name: d.name,
		org: d.organization ?? '',
		title: d.title ?? '',
		emails: [...d.emails],
		phones: [...d.phones],
		links: [...d.urls],
		notes,
		howWeMet: d.source === 'linkedin' ? 'LinkedIn' : ''
	};
}

const union = (a: readonly string[], b: readonly string[]) => {
	const seen = new Set(a.map(key));
	return [...a, ...b.filter((x) => !seen.has(key(x)) && seen.add(key(x)))];
};

/**
 * What merging a draft into an existing contact changes: new emails, phones and links are
 * added, empty fields filled; nothing already there is overwritten. Empty when nothing is new.
 */
export function mergePatch(existing: ExistingContact, d: ContactDraft): Partial<Contact> {
	const patch: Partial<Contact> = {};
	const fresh = draftToContact(d);
	const emails = union(existing.emails, fresh.emails ?? []);
	if (emails.length !== existing.emails.length) patch.emails = emails;
	const phones = union(existing.phones, fresh.phones ?? []);
	if (phones.length !== existing.phones.length) patch.phones = phones;
	const links = union(existing.links, fresh.links ?? []);
	if (links.length !== existing.links.length) patch.links = links;
	if (!existing.org.trim() && fresh.org) patch.org = fresh.org;
	if (!existing.title.trim() && fresh.title) patch.title = fresh.title;
	if (fresh.notes && !existing.notes.includes(fresh.notes))
		patch.notes = existing.notes.trim()
			? `${existing.notes.trimEnd()}\n\n${fresh.notes}`
			: fresh.notes;
	return patch;
}
