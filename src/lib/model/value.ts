/**
 * Step 3: the value proposition. Four short parts (who I help, the outcome, how, and a result
 * as evidence) compose into one statement the user can then edit freely; what I can offer
 * others is a list of records.
 */
import { answerText, isFilledText, type Answers } from './answers';
import type { Id } from './records';

/** The answer keys of the value step. */
export const VALUE_KEYS = {
	whoIHelp: 'value.whoIHelp',
	outcome: 'value.outcome',
	how: 'value.how',
	evidence: 'value.evidence',
	statement: 'value.statement'
} as const;

export interface ValueParts {
	whoIHelp?: string | null;
	outcome?: string | null;
	how?: string | null;
	evidence?: string | null;
}

/** Trims, folds runs of white space and drops trailing punctuation a sentence will supply. */
function fragment(value: string | null | undefined): string {
	return (value ?? '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[\s.,;:]+$/, '');
}

/** Drops a lead-in the template already says, so "by coaching" does not become "by by". */
function withoutLeadIn(text: string, leadIn: RegExp): string {
	return text.replace(leadIn, '').trim();
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * One or two natural sentences from the builder's parts:
 * "I help {who} {outcome} by {how}. {Evidence}."
 * Missing parts are left out (an outcome with nobody named helps "people"); the user's own
 * capitals are kept, since "NHS trusts" must not become "nHS trusts". Empty parts give ''.
 */
export function composeValueStatement(parts: ValueParts): string {
	const who = withoutLeadIn(fragment(parts.whoIHelp), /^i help\s+/i);
	const outcome = fragment(parts.outcome);
	const how = withoutLeadIn(fragment(parts.how), /^by\s+/i);
	const evidence = (parts.evidence ?? '').replace(/\s+/g, ' ').trim();

	const sentences: string[] = [];
	if (who || outcome || how) {
		const words = ['I help', who || 'people'];
		if (outcome) words.push(outcome);
		if (how) words.push(`by ${how}`);
		sentences.push(`${words.join(' ')}.`);
	}
	// Evidence with no letter or digit in it ("...", "-") says nothing: leave it out.
	if (/[\p{L}\p{N}]/u.test(evidence)) {
		// Keep a question or exclamation the user wrote; otherwise end on exactly one full stop.
		sentences.push(capitalise(/[!?]$/.test(evidence) ? evidence : `${fragment(evidence)}.`));
	}
	return sentences.join(' ');
}

/** The parts as stored in the answers, ready for `composeValueStatement`. */
export function valuePartsFrom(answers: Answers): Required<ValueParts> {
	return {
		whoIHelp: answerText(answers[VALUE_KEYS.whoIHelp]),
		outcome: answerText(answers[VALUE_KEYS.outcome]),
		how: answerText(answers[VALUE_KEYS.how]),
		evidence: answerText(answers[VALUE_KEYS.evidence])
	};
}

/** The value step is done with a statement, or with all four parts to compose one from. */
export function isValueComplete(answers: Answers): boolean {
	if (isFilledText(answers[VALUE_KEYS.statement])) return true;
	return (['whoIHelp', 'outcome', 'how', 'evidence'] as const).every((part) =>
		isFilledText(answers[VALUE_KEYS[part]])
	);
}

export const OFFER_KINDS = ['skill', 'resource', 'introduction'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

export const OFFER_KIND_LABELS: Record<OfferKind, string> = {
	skill: 'A skill',
	resource: 'A resource',
	introduction: 'An introduction'
};

/** Something I can offer others: what makes a first conversation a two-way one. */
export interface Offer {
	id: Id;
	kind: OfferKind;
	text: string;
}
