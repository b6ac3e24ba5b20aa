/**
 * Champions from evidence. People who are helped tend to respond in kind, and allies who speak
 * up for you become champions: the workbook already records the signs (help given and received
 * in conversations, introductions, asks and their outcomes, how often you talk, advocacy). This
 * module reads them and suggests moving someone one step along the pipeline, with the reason in
 * plain words. It only suggests: the user accepts or dismisses, and a dismissed suggestion is
 * never made again. A dismissal is the user's answer to the suggestion's question, so it is kept
 * as a scalar answer (`dismissalKey`): one key per person and stage, merging cleanly between
 * devices, restored with every other answer, and costing the contact record (which Home loads)
 * nothing.
 */
import { daysBetween } from './dates';
import { compareNames } from './names';
import type { Ask, Contact, Conversation, Id, IsoDate, Stage } from './records';

/** The kinds of evidence, in the order a reason names them. */
export const EVIDENCE_KINDS = [
	'gave',
	'got',
	'introduced',
	'asked',
	'recent',
	'advocates'
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Conversations this recent count as "you talk often". */
export const RECENT_DAYS = 90;
/** Two conversations in that time is a relationship being kept up, not a one-off. */
export const RECENT_MIN_CONVERSATIONS = 2;
/**
 * Signs needed to suggest an ally: e.g. you helped them twice and they introduced you to someone,
 * or they said yes to an ask and did it. At least one sign must come from them.
 */
export const ALLY_MIN_SIGNS = 3;
/** What one ask said yes to (or partly) weighs: they backed you when asked, an ally's mark. */
export const ASK_YES_SIGNS = 2;
/** …and one more when they followed through. */
export const FOLLOWED_THROUGH_SIGNS = 1;
/** Speaking up for you (advocacy written down, or tagged as advocate or sponsor). */
export const ADVOCACY_SIGNS = 2;

/** The completion rule of `progress.ts` (`CHAMPIONS_MIN`), in the step's own words. */
export const CHAMPIONS_DONE_WHEN =
	'This step is done when two people are on your side: allies or champions.';

/** What an ask counts as: said yes covers "partly", since they agreed to something. */
export interface AskCounts {
	asked: number;
	saidYes: number;
	followedThrough: number;
	/** Still waiting for an answer. */
	waiting: number;
	saidNo: number;
}

export function saidYes(ask: Pick<Ask, 'outcome'>): boolean {
	return ask.outcome === 'yes' || ask.outcome === 'partly';
}

/** Asks counted: asked, said yes (or partly), and of those, followed through. */
export function askCounts(asks: readonly Ask[]): AskCounts {
	const counts: AskCounts = { asked: 0, saidYes: 0, followedThrough: 0, waiting: 0, saidNo: 0 };
	for (const a of asks) {
		counts.asked++;
		if (saidYes(a)) {
			counts.saidYes++;
			if (a.followedThrough) counts.followedThrough++;
		} else if (a.outcome === 'no') counts.saidNo++;
		else counts.waiting++;
	}
	return counts;
}

export interface Evidence {
	kind: EvidenceKind;
	/** How many times (conversations, introductions, asks); 1 for advocacy. */
	count: number;
	/** Signs this evidence adds up to. */
	signs: number;
	/** True when it is something they did for you. */
	fromThem: boolean;
}

export interface ContactEvidence {
	contactId: Id;
	evidence: Evidence[];
	signs: number;
	fromThem: boolean;
	/** Names of the people they introduced you to, in name order. */
	introduced: string[];
	/** What the asks they said yes to were, newest first. */
	yesTo: string[];
	followedThrough: number;
	advocacy: string;
}

export interface StageSuggestion {
	contactId: Id;
	name: string;
	from: Stage;
	to: Stage;
	/** "You helped Ana twice and they introduced you to Cerys: make Ana an ally?" */
	reason: string;
	signs: number;
	evidence: Evidence[];
}

export interface EvidenceInput {
	contacts: readonly Contact[];
	conversations: readonly Conversation[];
	asks: readonly Ask[];
	today: IsoDate;
	/** The workbook's scalar answers, where dismissals are kept (see `dismissalKey`). */
	answers?: Readonly<Record<string, unknown>>;
}

const DISMISSED = 'champions.dismissed.';

/** The answer key saying "no" to moving this person to this stage: `champions.dismissed.<id>.<stage>`. */
export function dismissalKey(contactId: Id, stage: Stage): string {
	return `${DISMISSED}${contactId}.${stage}`;
}

export function isDismissed(
	answers: Readonly<Record<string, unknown>> | undefined,
	contactId: Id,
	stage: Stage
): boolean {
	return answers?.[dismissalKey(contactId, stage)] === true;
}

const filled = (text: string | null | undefined) => typeof text === 'string' && text.trim() !== '';

function advocates(c: Contact): boolean {
	return filled(c.advocacy) || c.roles.includes('advocates') || c.roles.includes('sponsors');
}

interface Tally {
	gave: number;
	got: number;
	recent: number;
	introduced: string[];
	yes: Ask[];
	followed: number;
}

/** What the workbook shows about each contact, for every contact with any evidence at all. */
export function evidenceByContact(input: EvidenceInput): Map<Id, ContactEvidence> {
	const byId = new Map(input.contacts.map((c) => [c.id, c]));
	const tallies = new Map<Id, Tally>();
	const tally = (id: Id) => {
		let t = tallies.get(id);
		if (!t)
			tallies.set(id, (t = { gave: 0, got: 0, recent: 0, introduced: [], yes: [], followed: 0 }));
		return t;
	};
	for (const v of input.conversations) {
		if (!byId.has(v.contactId)) continue;
		const t = tally(v.contactId);
		if (filled(v.iOffered)) t.gave++;
		if (filled(v.theyOffered)) t.got++;
		const age = daysBetween(v.on, input.today);
		if (age >= 0 && age <= RECENT_DAYS) t.recent++;
	}
	for (const c of input.contacts) {
		const by = c.introducedBy;
		if (by && by !== 'self' && by !== c.id && byId.has(by)) tally(by).introduced.push(c.name);
	}
	for (const a of input.asks) {
		if (!byId.has(a.contactId) || !saidYes(a)) continue;
		const t = tally(a.contactId);
		t.yes.push(a);
		if (a.followedThrough) t.followed++;
	}
	for (const c of input.contacts) if (advocates(c)) tally(c.id);

	const out = new Map<Id, ContactEvidence>();
	for (const [id, t] of tallies) {
		const contact = byId.get(id)!;
		const evidence: Evidence[] = [];
		const add = (kind: EvidenceKind, count: number, signs: number, fromThem: boolean) => {
			if (count > 0) evidence.push({ kind, count, signs, fromThem });
		};
		add('gave', t.gave, t.gave, false);
		add('got', t.got, t.got, true);
		add('introduced', t.introduced.length, t.introduced.length, true);
		add(
			'asked',
			t.yes.length,
			t.yes.length * ASK_YES_SIGNS + t.followed * FOLLOWED_THROUGH_SIGNS,
			true
		);
		add('recent', t.recent >= RECENT_MIN_CONVERSATIONS ? t.recent : 0, 1, false);
		add('advocates', advocates(contact) ? 1 : 0, ADVOCACY_SIGNS, true);
		if (evidence.length === 0) continue;
		out.set(id, {
			contactId: id,
			evidence,
			signs: evidence.reduce((n, e) => n + e.signs, 0),
			fromThem: evidence.some((e) => e.fromThem),
			introduced: t.introduced.sort(compareNames),
			yesTo: t.yes
				.sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))
				.map((a) => a.what.trim()),
			followedThrough: t.followed,
			advocacy: contact.advocacy.trim()
		});
	}
	return out;
}

/**
 * The rule. One step at a time:
 * - contact → ally: at least `ALLY_MIN_SIGNS` signs, at least one of them something they did
 *   for you (helped, introduced, said yes, speaks up for you). Give-and-take, not one-way help.
 * - ally → champion: they speak up for you (advocacy written down, or tagged as advocate or
 *   sponsor) and have acted on it: introduced you to someone, or followed through on an ask.
 * Nobody is suggested for a stage they are at or past, or for a stage the user dismissed.
 */
export function nextStageFromEvidence(contact: Contact, e: ContactEvidence): Stage | null {
	if (contact.stage === 'contact') {
		return e.fromThem && e.signs >= ALLY_MIN_SIGNS ? 'ally' : null;
	}
	if (contact.stage === 'ally') {
		const speaksUp = e.evidence.some((x) => x.kind === 'advocates');
		const acted = e.introduced.length > 0 || e.followedThrough > 0;
		return speaksUp && acted ? 'champion' : null;
	}
	return null;
}

const TIMES = ['', 'once', 'twice'];
const times = (n: number) => TIMES[n] ?? `${n} times`;

function names(list: readonly string[]): string {
	const shown = list.map((n) => n.trim() || 'someone');
	if (shown.length === 1) return shown[0]!;
	if (shown.length === 2) return `${shown[0]} and ${shown[1]}`;
	return `${shown[0]}, ${shown[1]} and ${shown.length - 2} more`;
}

function quote(text: string, max = 60): string {
	const one = text.replace(/\s+/g, ' ').trim();
	return `“${one.length > max ? `${one.slice(0, max - 1).trimEnd()}…` : one}”`;
}

/** The most telling evidence, up to three kinds: the heaviest first, ties in kind order. */
export function tellingEvidence(evidence: readonly Evidence[], limit = 3): Evidence[] {
	const rank = (k: EvidenceKind) => EVIDENCE_KINDS.indexOf(k);
	const chosen = [...evidence]
		.sort((a, b) => b.signs - a.signs || rank(a.kind) - rank(b.kind))
		.slice(0, limit);
	return chosen.sort((a, b) => rank(a.kind) - rank(b.kind));
}

/** The reason, in plain words, naming the person once and then "they". */
export function reasonFor(name: string, to: Stage, e: ContactEvidence): string {
	const who = name.trim() || 'This person';
	let named = false;
	// Each clause is about them ("they…") or about you ("you…"); the first mention is the name.
	const them = (single: string, plural = single) => {
		if (named) return `they ${plural}`;
		named = true;
		return `${who} ${single}`;
	};
	const whom = () => {
		if (named) return 'them';
		named = true;
		return who;
	};
	const clauses = tellingEvidence(e.evidence).map((x) => {
		switch (x.kind) {
			case 'gave':
				return `you helped ${whom()} ${times(x.count)}`;
			case 'got':
				return `${them('helped')} you ${times(x.count)}`;
			case 'introduced':
				return `${them('introduced')} you to ${names(e.introduced)}`;
			case 'asked': {
				const what =
					x.count === 1 ? `when you asked ${quote(e.yesTo[0] ?? '')}` : `to ${x.count} asks`;
				const did =
					e.followedThrough === 0
						? ''
						: e.followedThrough === x.count
							? ' and followed through'
							: `, and followed through on ${e.followedThrough}`;
				return `${them('said')} yes ${what}${did}`;
			}
			case 'recent':
				return `you have talked with ${whom()} ${times(x.count)} in the last three months`;
			case 'advocates':
				return e.advocacy
					? `${them('speaks up', 'speak up')} for you (${quote(e.advocacy, 40)})`
					: `${them('speaks up', 'speak up')} for you`;
		}
	});
	const joined =
		clauses.length <= 1
			? (clauses[0] ?? '')
			: `${clauses.slice(0, -1).join(', ')} and ${clauses[clauses.length - 1]}`;
	const sentence = joined.charAt(0).toUpperCase() + joined.slice(1);
	return `${sentence}: make ${who} ${to === 'ally' ? 'an ally' : 'a champion'}?`;
}

const STAGE_ORDER: Record<Stage, number> = { contact: 0, ally: 1, champion: 2 };

/**
 * Every suggestion the evidence supports, the strongest first (most signs; champions before
 * allies on a tie; then by name). Nothing moves: the user accepts or dismisses each.
 */
export function stageSuggestions(input: EvidenceInput): StageSuggestion[] {
	const evidence = evidenceByContact(input);
	const out: StageSuggestion[] = [];
	for (const contact of input.contacts) {
		const e = evidence.get(contact.id);
		if (!e) continue;
		const to = nextStageFromEvidence(contact, e);
		if (!to || isDismissed(input.answers, contact.id, to)) continue;
		out.push({
			contactId: contact.id,
			name: contact.name,
			from: contact.stage,
			to,
			reason: reasonFor(contact.name, to, e),
			signs: e.signs,
			evidence: e.evidence
		});
	}
	return out.sort(
		(a, b) =>
			b.signs - a.signs ||
			STAGE_ORDER[b.to] - STAGE_ORDER[a.to] ||
			compareNames(a.name, b.name) ||
			(a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)
	);
}

export interface ChampionsSummary {
	allies: number;
	champions: number;
	/** Allies and champions: people on your side. */
	onSide: number;
	/** How many more are needed for the step to be done (0 when done). */
	toGo: number;
	asks: AskCounts;
	/** Allies who have been asked for nothing yet: an ally is someone you can ask. */
	alliesNeverAsked: number;
}

/** The figures the step's "What this tells you" reads from. */
export function championsSummary(
	contacts: readonly Contact[],
	asks: readonly Ask[],
	needed: number
): ChampionsSummary {
	let allies = 0;
	let champions = 0;
	const asked = new Set(asks.map((a) => a.contactId));
	let alliesNeverAsked = 0;
	for (const c of contacts) {
		if (c.stage === 'ally') {
			allies++;
			if (!asked.has(c.id)) alliesNeverAsked++;
		} else if (c.stage === 'champion') champions++;
	}
	const onSide = allies + champions;
	return {
		allies,
		champions,
		onSide,
		toGo: Math.max(0, needed - onSide),
		asks: askCounts(asks),
		alliesNeverAsked
	};
}
