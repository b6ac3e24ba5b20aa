/**
 * The plain shapes of everything a workbook stores. `doc/` maps them to and from Yjs; every
 * other layer sees only these. Dates the user thinks of as calendar days are `IsoDate`
 * (`YYYY-MM-DD`, no time zone); moments are `IsoDateTime` (UTC, `toISOString()`).
 */

export type Id = string;
/** A calendar day, `YYYY-MM-DD`, read in the user's own time zone. */
export type IsoDate = string;
/** A moment, `new Date().toISOString()`. */
export type IsoDateTime = string;

/** The roles people play in a career "village", in the article's order. */
export const ROLES = [
	'informs',
	'connects',
	'gets-job-done',
	'advocates',
	'mentors',
	'guides',
	'sponsors'
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
	informs: 'Provides information',
	connects: 'Connects me to others',
	'gets-job-done': 'Helps me get the job done',
	advocates: 'Advocates for me',
	mentors: 'Mentors me',
	guides: 'Guides me',
	sponsors: 'Sponsors me'
};

/** How close a relationship is; sets the default keep-in-touch cadence. */
export const TIERS = ['inner', 'key', 'wider'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
	inner: 'Inner circle',
	key: 'Key',
	wider: 'Wider network'
};

export const SENIORITIES = ['senior', 'peer', 'junior'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** Where a contact stands on the way to championing me. */
export const STAGES = ['contact', 'ally', 'champion'] as const;
export type Stage = (typeof STAGES)[number];

export const CONVERSATION_KINDS = [
	'coffee',
	'lunch',
	'call',
	'event',
	'message',
	'introduction'
] as const;
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

export const SLOT_KINDS = ['coffee', 'lunch', 'call', 'event'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

/** How an ask turned out, in the order the person page offers them. */
export const ASK_OUTCOMES = ['pending', 'yes', 'partly', 'no'] as const;
export type AskOutcome = (typeof ASK_OUTCOMES)[number];

export interface Contact {
	id: Id;
	name: string;
	org: string;
	title: string;
	emails: string[];
	phones: string[];
	links: string[];
	howWeMet: string;
	/** Who introduced us: a contact id, 'self' when I met them on my own, null when unknown. */
	introducedBy: Id | 'self' | null;
	notes: string;
	tier: Tier;
	/** 1 (faint) to 5 (strong). */
	strength: number;
	roles: Role[];
	/** Inside my organisation? null when not said. */
	inside: boolean | null;
	industry: string;
	function: string;
	seniority: Seniority | null;
	similar: boolean | null;
	stage: Stage;
	/** For allies and champions: what they advocate for me, and where. */
	advocacy: string;
	/** Days between touches; null means the tier's default from the plan step. */
	cadenceDays: number | null;
	/** An explicit next follow-up, which wins over the cadence. */
	followUpOn: IsoDate | null;
	/** Named on the goal step as someone who can help me reach my goal. */
	helpsGoal: boolean;
	/** The last day we were in touch (set when a conversation is logged). */
	lastContactOn: IsoDate | null;
	createdAt: IsoDateTime;
}

/** "Who knows whom": an undirected tie between two contacts. */
export interface Tie {
	id: Id;
	a: Id;
	b: Id;
}

export interface Conversation {
	id: Id;
	contactId: Id;
	on: IsoDate;
	kind: ConversationKind;
	theirWork: string;
	theirChallenges: string;
	iOffered: string;
	theyOffered: string;
	/** Whether what I offered has been delivered; an undelivered offer is an open promise. */
	offerDelivered: boolean;
	followUpOn: IsoDate | null;
}

/** Someone I need to know for my goal (a profile, not yet a person). */
export interface Target {
	id: Id;
	role: string;
	org: string;
	industry: string;
	why: string;
	how: string;
	/** The contact this target became, once reached. */
	reachedContactId: Id | null;
}

/** An event or organisation to try once or twice and then judge. */
export interface NetEvent {
	id: Id;
	name: string;
	kind: 'event' | 'organisation';
	nextOn: IsoDate | null;
	timesAttended: number;
	/** Did it expose me to new people? */
	newPeople: boolean | null;
	/** Does it serve the goal? */
	servesGoal: boolean | null;
	verdict: 'keep' | 'drop' | null;
}

/** A weekly networking slot. `weekday` is ISO: 1 = Monday … 7 = Sunday. */
export interface Slot {
	id: Id;
	weekday: number;
	/** Local time, `HH:MM`. */
	start: string;
	minutes: number;
	kind: SlotKind;
}

export interface Action {
	id: Id;
	text: string;
	/** 30, 60 or 90: which horizon of the plan it belongs to. */
	horizon: 30 | 60 | 90;
	due: IsoDate | null;
	done: boolean;
}

/** Something I asked of someone, and what came of it. */
export interface Ask {
	id: Id;
	contactId: Id;
	what: string;
	on: IsoDate;
	outcome: AskOutcome;
	/** They said yes (or partly) and then did it. */
	followedThrough: boolean;
}
