import { describe, it, expect } from 'vitest';
import { composeValueStatement, evidenceLacksNumber, tidyOffer } from '$lib/model/valueStatement';
import {
	OFFER_KINDS,
	OFFER_KIND_LABELS,
	VALUE_KEYS,
	isValueComplete,
	valuePartsFrom
} from '$lib/model/value';

const FULL = {
	whoIHelp: 'first-time managers in retail',
	outcome: 'build teams that stay',
	how: 'coaching them through their first ninety days',
	evidence: 'staff turnover in my stores fell by a third last year'
};

describe('composeValueStatement', () => {
	it('joins the four parts into two natural sentences', () => {
		expect(composeValueStatement(FULL)).toBe(
			'I help first-time managers in retail build teams that stay by coaching them through their first ninety days. Staff turnover in my stores fell by a third last year.'
		);
	});

	it('never doubles full stops the user typed', () => {
		const statement = composeValueStatement({
			whoIHelp: 'founders.',
			outcome: 'raise money.',
			how: 'sharpening their pitch...',
			evidence: 'Twelve raised a seed round.'
		});
		expect(statement).toBe(
			'I help founders raise money by sharpening their pitch. Twelve raised a seed round.'
		);
		expect(statement).not.toMatch(/\.\s*\./);
	});

	it('does not repeat a lead-in the template already says', () => {
		expect(
			composeValueStatement({
				whoIHelp: 'I help nurses',
				outcome: 'save time',
				how: 'by automating rotas'
			})
		).toBe('I help nurses save time by automating rotas.');
	});

	it('trims and folds white space', () => {
		expect(composeValueStatement({ whoIHelp: '  small   charities ', outcome: '\tgrow\n' })).toBe(
			'I help small charities grow.'
		);
	});

	it('helps "people" when nobody is named, and leaves out other missing parts', () => {
		expect(composeValueStatement({ outcome: 'ship faster', how: 'simplifying releases' })).toBe(
			'I help people ship faster by simplifying releases.'
		);
		expect(composeValueStatement({ whoIHelp: 'product teams', how: 'running discovery' })).toBe(
			'I help product teams by running discovery.'
		);
		expect(composeValueStatement({ whoIHelp: 'product teams' })).toBe('I help product teams.');
	});

	it('makes evidence alone its own capitalised sentence', () => {
		expect(composeValueStatement({ evidence: 'cut audit time by 40%' })).toBe(
			'Cut audit time by 40%.'
		);
	});

	it('keeps a question or exclamation mark at the end of the evidence', () => {
		expect(
			composeValueStatement({ whoIHelp: 'teams', evidence: 'Ten launches, zero outages!' })
		).toBe('I help teams. Ten launches, zero outages!');
	});

	it('gives an empty string for nothing, and never prints undefined or null', () => {
		expect(composeValueStatement({})).toBe('');
		expect(
			composeValueStatement({ whoIHelp: null, outcome: undefined, how: '   ', evidence: '...' })
		).toBe('');
		const partial = composeValueStatement({ whoIHelp: undefined, outcome: 'grow', evidence: null });
		expect(partial).toBe('I help people grow.');
		expect(partial).not.toMatch(/undefined|null/);
	});

	it('keeps the capitals the user chose', () => {
		expect(composeValueStatement({ whoIHelp: 'NHS trusts', outcome: 'cut waiting lists' })).toBe(
			'I help NHS trusts cut waiting lists.'
		);
	});
});

describe('value answers', () => {
	it('reads the parts from stored answers, trimming and ignoring non-text', () => {
		expect(
			valuePartsFrom({ [VALUE_KEYS.whoIHelp]: ' founders ', [VALUE_KEYS.outcome]: 3 })
		).toEqual({ whoIHelp: 'founders', outcome: '', how: '', evidence: '' });
	});

	it('is complete with a statement, or with all four parts', () => {
		expect(isValueComplete({ [VALUE_KEYS.statement]: 'I help founders raise money.' })).toBe(true);
		expect(isValueComplete({ [VALUE_KEYS.statement]: '   ' })).toBe(false);
		const parts = {
			[VALUE_KEYS.whoIHelp]: FULL.whoIHelp,
			[VALUE_KEYS.outcome]: FULL.outcome,
			[VALUE_KEYS.how]: FULL.how,
			[VALUE_KEYS.evidence]: FULL.evidence
		};
		expect(isValueComplete(parts)).toBe(true);
		expect(isValueComplete({ ...parts, [VALUE_KEYS.evidence]: '' })).toBe(false);
	});
});

describe('offers', () => {
	it('come as skills, resources and introductions, each labelled', () => {
		expect(OFFER_KINDS).toEqual(['skill', 'resource', 'introduction']);
		for (const kind of OFFER_KINDS) expect(OFFER_KIND_LABELS[kind]).toMatch(/\w/);
	});
});

describe('the Value step’s small rules', () => {
	it('nudges for a number only when a result is written without one', () => {
		expect(evidenceLacksNumber('')).toBe(false);
		expect(evidenceLacksNumber('  ')).toBe(false);
		expect(evidenceLacksNumber('Turnover fell a lot')).toBe(true);
		expect(evidenceLacksNumber('Turnover fell by a third in 2025')).toBe(false);
	});

	it('tidies an offer to one line with single spaces', () => {
		expect(tidyOffer('  The head of data\n at \t Acme ')).toBe('The head of data at Acme');
		expect(tidyOffer(' \n ')).toBe('');
	});
});
