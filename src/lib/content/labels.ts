/**
 * What each enum value is called on screen. Every table is a `Record<Enum, string>`, so a new
 * value fails type-checking until it has its words here, and two screens can no longer drift.
 */
import type { AskOutcome, ConversationKind, Seniority, Stage } from '../model/records';
import type { Theme } from '../model/settings';
import type { OfferKind } from '../model/value';
import type { Introduced } from '../model/people';

export { ROLE_LABELS, TIER_LABELS } from '../model/records';
export { OFFER_KIND_LABELS } from '../model/value';

export const THEME_LABELS: Record<Theme, string> = {
	system: 'Same as this device',
	light: 'Light',
	dark: 'Dark'
};

// Home shows slot kinds, so their words sit in a module of their own: Home's first load then
// carries those four words, not every table here.
export { SLOT_KIND_LABELS } from './slots';

/** Answers to "what kind of conversation was it?" when logging one. */
export const CONVERSATION_KIND_LABELS: Record<ConversationKind, string> = {
	coffee: 'Coffee',
	lunch: 'Lunch',
	call: 'Call',
	event: 'At an event',
	message: 'Messages',
	introduction: 'An introduction'
};

/** A logged conversation's kind, as a short heading in someone's history. */
export const CONVERSATION_KIND_NOUNS: Record<ConversationKind, string> = {
	coffee: 'Coffee',
	lunch: 'Lunch',
	call: 'Call',
	event: 'Event',
	message: 'Message',
	introduction: 'Introduction'
};

export const ASK_OUTCOME_LABELS: Record<AskOutcome, string> = {
	pending: 'Waiting',
	yes: 'Yes',
	partly: 'Partly',
	no: 'No'
};

export const SENIORITY_LABELS: Record<Seniority, string> = {
	senior: 'More senior',
	peer: 'A peer',
	junior: 'More junior'
};

/** The champions board's columns. */
export const STAGE_TITLES: Record<Stage, string> = {
	contact: 'Contacts',
	ally: 'Allies',
	champion: 'Champions'
};

export const STAGE_HINTS: Record<Stage, string> = {
	contact: 'People you know. Help first; some will become allies.',
	ally: 'On your side: they back your ideas when asked.',
	champion: 'They speak up for you unasked, and put your name forward.'
};

/** Yes / no / not sure, for questions stored as true, false or null. */
export type Tri = 'yes' | 'no' | 'unsure';
export const TRI_LABELS: Record<Tri, string> = { yes: 'Yes', no: 'No', unsure: 'Not sure' };
export const toTri = (v: boolean | null): Tri =>
	v === true ? 'yes' : v === false ? 'no' : 'unsure';
export const fromTri = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

/** Inside my organisation or outside it, as asked on a person's page. */
export const INSIDE_LABELS: Record<Tri, string> = {
	yes: 'Inside',
	no: 'Outside',
	unsure: 'Not said'
};

/** Similar to me in background or not, as asked on a person's page. */
export const SIMILAR_LABELS: Record<Tri, string> = {
	yes: 'Similar',
	no: 'Different',
	unsure: 'Not said'
};

/** A relationship's strength, 1 (we have met) to 5 (I could call them tonight), as choices. */
export const STRENGTH_OPTIONS = [1, 2, 3, 4, 5].map((value) => ({ value, label: String(value) }));

/** How someone came into my network (see model/people howIntroduced). */
export const INTRODUCED_LABELS: Record<Introduced, string> = {
	unknown: 'Not said',
	self: 'On my own',
	someone: 'Someone introduced us'
};

/** An event's verdict; `open` is "not judged yet" (stored as null). */
export type Verdict = 'keep' | 'drop' | 'open';
export const VERDICT_LABELS: Record<Verdict, string> = {
	keep: 'Keep',
	drop: 'Drop',
	open: 'Not yet'
};

export const WEEKDAY_NAMES = [
	'Monday',
	'Tuesday',
	'Wednesday',
	'Thursday',
	'Friday',
	'Saturday',
	'Sunday'
] as const;

/** A label table as the options of a ChoiceGroup or select, in the table's order. */
export function optionsOf<K extends string>(
	labels: Record<K, string>
): { value: K; label: string }[] {
	return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** Offer kinds as the headings of the Value step's list. */
export const OFFER_KIND_PLURALS: Record<OfferKind, string> = {
	skill: 'Skills',
	resource: 'Resources',
	introduction: 'Introductions'
};

/** An example of each offer kind, shown in the empty field. */
export const OFFER_KIND_EXAMPLES: Record<OfferKind, string> = {
	skill: 'Reviewing a CV or a pitch deck',
	resource: 'My notes from a leadership course',
	introduction: 'The head of data at my old company'
};
