/** Contacts out as vCard 4.0 (RFC 6350): one file for all or some contacts. */
import { ROLE_LABELS, type Contact } from '../model/records';
import { contentLines, escapeText } from './lines';

/** The parts of a contact a vCard carries. */
export type VCardContact = Pick<
	Contact,
	'id' | 'name' | 'org' | 'title' | 'emails' | 'phones' | 'links' | 'notes' | 'roles'
>;

function splitName(name: string): { family: string; given: string } {
	const parts = name.trim().split(/\s+/);
	if (parts.length < 2) return { family: '', given: parts[0] ?? '' };
	return { family: parts[parts.length - 1]!, given: parts.slice(0, -1).join(' ') };
}

/** One VCARD block. Roles go in CATEGORIES, in words ("Mentors me"). */
export function contactToVCard(contact: VCardContact): string[] {
	const { family, given } = splitName(contact.name);
	const lines = [
		'BEGIN:VCARD',
		'VERSION:4.0',
		`UID:urn:village:contact:${escapeText(contact.id)}`,
		`FN:${escapeText(contact.name)}`,
		`N:${escapeText(family)};${escapeText(given)};;;`
	];
	if (contact.org.trim()) lines.push(`ORG:${escapeText(contact.org)}`);
	if (contact.title.trim()) lines.push(`TITLE:${escapeText(contact.title)}`);
	for (const email of contact.emails) lines.push(`EMAIL:${escapeText(email)}`);
	for (const phone of contact.phones) lines.push(`TEL;VALUE=text:${escapeText(phone)}`);
	for (const link of contact.links) lines.push(`URL:${escapeText(link)}`);
	if (contact.roles.length)
		lines.push(`CATEGORIES:${contact.roles.map((r) => escapeText(ROLE_LABELS[r])).join(',')}`);
	if (contact.notes.trim()) lines.push(`NOTE:${escapeText(contact.notes)}`);
	lines.push('END:VCARD');
	return lines;
}

/** A whole .vcf file: CRLF line ends, lines folded at 75 octets. */
export function exportVCard(contacts: readonly VCardContact[]): string {
	if (contacts.length === 0) return '';
	return contentLines(contacts.flatMap(contactToVCard));
}
