/**
 * The village, role by role: who plays each part, which parts nobody plays yet, the pipeline
 * from contact to champion, and warm paths towards the people I still need to know.
 */
import { categoryKey } from './openness';
import { ROLES, ROLE_LABELS, STAGES } from './records';
import type { Contact, Id, Role, Stage, Target } from './records';
import { compareNames } from './names';

export interface RoleCount {
	role: Role;
	label: string;
	count: number;
	contactIds: Id[];
}

export interface RoleGap {
	role: Role;
	label: string;
	/** What to do about it, in one warm, concrete line. */
	advice: string;
}

export interface RoleCoverage {
	/** Every role, in the article's order (`ROLES`). */
	counts: RoleCount[];
	/** Roles nobody plays yet, in the same order. */
	gaps: RoleGap[];
	/** How many of the seven roles somebody plays. */
	covered: number;
}

/** What to do when nobody plays a role yet. */
export const ROLE_GAP_ADVICE: Record<Role, string> = {
	informs:
		'No one keeps you informed yet. Ask a colleague in another team what they are hearing, and offer what you know in return.',
	connects:
		'No connector yet. Think of the person who always says "you should meet…" and have coffee with them this month.',
	'gets-job-done':
		'No one marked as helping you get the job done. Who unblocks your work? Thank them, and ask how you can help them back.',
	advocates:
		'No advocate yet. Share a recent result with someone who has seen your work, so they can speak up for you when you are not in the room.',
	mentors:
		'No mentor yet. Pick someone a few steps ahead of you and ask one specific question over coffee; mentoring grows from there.',
	guides:
		'No guide yet. Find someone who knows the terrain you are heading into (a new field, a new role) and ask how they would approach it.',
	sponsors:
		'No sponsor yet. Mentors advise; sponsors spend their own capital on you. Find a senior person who has seen your work and tell them what you are aiming for.'
};

export const STAGE_LABELS: Record<Stage, string> = {
	contact: 'Contact',
	ally: 'Ally',
	champion: 'Champion'
};

/** Count of contacts per role, in `ROLES` order, with the gaps and what to do about them. */
export function roleCoverage(contacts: readonly Contact[]): RoleCoverage {
	const ids = new Map<Role, Id[]>(ROLES.map((role) => [role, []]));
	for (const contact of contacts) {
		// A contact tagged twice with one role still counts once for it.
		for (const role of new Set(contact.roles)) ids.get(role)?.push(contact.id);
	}
	const counts = ROLES.map((role) => {
		const contactIds = ids.get(role)!;
		return { role, label: ROLE_LABELS[role], count: contactIds.length, contactIds };
	});
	const gaps = counts
		.filter((c) => c.count === 0)
		.map(({ role, label }) => ({ role, label, advice: ROLE_GAP_ADVICE[role] }));
	return { counts, gaps, covered: ROLES.length - gaps.length };
}

export interface PipelineStage {
	stage: Stage;
	label: string;
	/** Strongest first, then by name. */
	contacts: Contact[];
}

function byStrengthThenName(a: Contact, b: Contact): number {
	return (
		(b.strength || 0) - (a.strength || 0) ||
		compareNames(a.name, b.name) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

/** Contacts grouped by stage, in `STAGES` order (contact → ally → champion). */
export function pipeline(contacts: readonly Contact[]): PipelineStage[] {
	const byStage = new Map<Stage, Contact[]>(STAGES.map((stage) => [stage, []]));
	for (const contact of contacts) {
		// An unknown stage (from a newer version, say) shows as the first stage, not nowhere.
		(byStage.get(contact.stage) ?? byStage.get(STAGES[0])!).push(contact);
	}
	return STAGES.map((stage) => ({
		stage,
		label: STAGE_LABELS[stage],
		contacts: byStage.get(stage)!.sort(byStrengthThenName)
	}));
}

/** One step along the pipeline (1) or back (−1); stays put at either end. */
export function moveStage(stage: Stage, direction: -1 | 1): Stage {
	const at = STAGES.indexOf(stage);
	const from = at < 0 ? 0 : at;
	const to = Math.min(STAGES.length - 1, Math.max(0, from + direction));
	return STAGES[to]!;
}

/**
 * A sponsor is someone who puts their own standing on the line for me: that is a champion's act.
 * So I "have a sponsor" only when a contact is tagged with the role `sponsors` **and** has
 * reached the stage `champion`. Someone tagged as a sponsor while still a contact or ally is a
 * sponsor in the making (see `sponsorCandidates`), not yet one.
 */
export function missingSponsor(contacts: readonly Contact[]): boolean {
	return !contacts.some((c) => c.stage === 'champion' && c.roles.includes('sponsors'));
}

export interface SponsorCandidate {
	contact: Contact;
	reason: string;
}

/**
 * Who could become a sponsor, strongest first: people already tagged as sponsors but not yet
 * champions, then senior allies and champions who do not sponsor me yet.
 */
export function sponsorCandidates(contacts: readonly Contact[]): SponsorCandidate[] {
	const tagged: Contact[] = [];
	const senior: Contact[] = [];
	for (const c of contacts) {
		const sponsors = c.roles.includes('sponsors');
		if (sponsors && c.stage !== 'champion') tagged.push(c);
		else if (!sponsors && c.seniority === 'senior' && c.stage !== 'contact') senior.push(c);
	}
	return [
		...tagged.sort(byStrengthThenName).map((contact) => ({
			contact,
			reason: `Marked as a sponsor but still ${contact.stage === 'ally' ? 'an ally' : 'a contact'}: if they already speak up for you, move them to champion.`
		})),
		...senior.sort(byStrengthThenName).map((contact) => ({
			contact,
			reason: `A senior ${contact.stage === 'champion' ? 'champion' : 'ally'}: tell them what you are aiming for and ask if they would put your name forward.`
		}))
	];
}

export type WarmPathKind = 'same-org' | 'same-industry' | 'connector';

export interface WarmPath {
	contact: Contact;
	kind: WarmPathKind;
	reason: string;
}

const STAGE_RANK: Record<Stage, number> = { contact: 0, ally: 1, champion: 2 };

/** Strongest first: tie strength, then how far along they are, then name. */
function strongestFirst(a: Contact, b: Contact): number {
	return (
		(b.strength || 0) - (a.strength || 0) ||
		(STAGE_RANK[b.stage] ?? 0) - (STAGE_RANK[a.stage] ?? 0) ||
		compareNames(a.name, b.name) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

interface KeyedContact {
	contact: Contact;
	org: string;
	industry: string;
}

/** Normalise each contact's organisation and industry once, however many targets follow. */
function keyContacts(contacts: readonly Contact[]): KeyedContact[] {
	const seen = new Set<Id>();
	const keys = new Map<string, string>();
	const key = (text: string) => {
		let k = keys.get(text);
		if (k === undefined) keys.set(text, (k = categoryKey(text)));
		return k;
	};
	const out: KeyedContact[] = [];
	for (const contact of contacts) {
		if (seen.has(contact.id)) continue;
		seen.add(contact.id);
		out.push({ contact, org: key(contact.org), industry: key(contact.industry) });
	}
	return out;
}

function pathsFor(
	target: Pick<Target, 'org' | 'industry'> & Partial<Pick<Target, 'reachedContactId'>>,
	contacts: readonly KeyedContact[],
	limit: number
): WarmPath[] {
	const org = categoryKey(target.org);
	const industry = categoryKey(target.industry);
	const orgName = target.org.trim().replace(/\s+/g, ' ');
	const industryName = target.industry.trim().replace(/\s+/g, ' ');
	const sameOrg: Contact[] = [];
	const sameIndustry: Contact[] = [];
	const connectors: Contact[] = [];
	for (const c of contacts) {
		if (c.contact.id === target.reachedContactId) continue;
		if (org !== '' && c.org === org) sameOrg.push(c.contact);
		else if (industry !== '' && c.industry === industry) sameIndustry.push(c.contact);
		else if (c.contact.roles.includes('connects')) connectors.push(c.contact);
	}
	// Only the first `limit` of each group can make the first `limit` overall.
	const best = (group: Contact[]) => group.sort(strongestFirst).slice(0, limit);
	const where = orgName ? ` at ${orgName}` : industryName ? ` in ${industryName}` : '';
	return [
		...best(sameOrg).map((contact) => ({
			contact,
			kind: 'same-org' as const,
			reason: `Works at ${orgName}`
		})),
		...best(sameIndustry).map((contact) => ({
			contact,
			kind: 'same-industry' as const,
			reason: `Works in ${industryName} too`
		})),
		...best(connectors).map((contact) => ({
			contact,
			kind: 'connector' as const,
			reason: `Likes connecting people: ask who they know${where}`
		}))
	].slice(0, limit);
}

/**
 * Who could introduce me to a target: contacts at the same organisation first, then in the same
 * industry, then connectors. Each contact appears once, in the first group it qualifies for,
 * strongest first within a group. Blank organisation or industry never matches blank. The
 * contact a target already became is left out. `limit` keeps only the first few.
 */
export function warmPaths(
	target: Pick<Target, 'org' | 'industry'> & Partial<Pick<Target, 'reachedContactId'>>,
	contacts: readonly Contact[],
	limit = Infinity
): WarmPath[] {
	return pathsFor(target, keyContacts(contacts), limit);
}

/** warmPaths for many targets at once, normalising the contacts only once. */
export function warmPathsByTarget(
	targets: readonly Target[],
	contacts: readonly Contact[],
	limit = Infinity
): Map<Id, WarmPath[]> {
	const keyed = keyContacts(contacts);
	return new Map(targets.map((t) => [t.id, pathsFor(t, keyed, limit)]));
}
