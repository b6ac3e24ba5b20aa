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

/** The four parts of the statement builder, in the order they are asked. */
export const VALUE_PARTS = ['whoIHelp', 'outcome', 'how', 'evidence'] as const;
export type ValuePart = (typeof VALUE_PARTS)[number];

export interface ValueParts {
	whoIHelp?: string | null;
	outcome?: string | null;
	how?: string | null;
	evidence?: string | null;
}

/** The parts as stored in the answers, ready for `composeValueStatement` (valueStatement.ts). */
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
	return VALUE_PARTS.every((part) => isFilledText(answers[VALUE_KEYS[part]]));
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
