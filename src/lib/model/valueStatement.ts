/**
 * Composing the value statement from the builder's four parts, and the Value step's other
 * small rules. Its own module because only the Value step uses them; progress and Home need
 * just the keys and the completion rule (value.ts).
 */
import type { ValueParts } from './value';

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

/** A result that is written but carries no number: worth a nudge, numbers are what stick. */
export function evidenceLacksNumber(evidence: string): boolean {
	return evidence.trim() !== '' && !/\d/.test(evidence);
}

/** An offer as typed, tidied: one line, single spaces ('' when there is nothing). */
export function tidyOffer(text: string): string {
	return text.trim().replace(/\s+/g, ' ');
}
