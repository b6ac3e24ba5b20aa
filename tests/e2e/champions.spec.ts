/**
 * Champions from evidence and quick openness tagging, as a person uses them: a workbook whose
 * conversations, introductions and asks show give-and-take suggests who to move along; one
 * suggestion is accepted and one dismissed by keyboard, and after a reload the ally stays an ally
 * and the dismissed suggestion stays away. On the map step, a measure card with no data opens a
 * tagger, three people are tagged by keyboard, and the measures update.
 */
import { expect, test, type Page } from '@playwright/test';
import * as Y from 'yjs';
import { seedWorkbook } from '../bench/lib/big-workbook';
import {
	askSpec,
	contactSpec,
	conversationSpec,
	insertRecord,
	metaMap,
	SCHEMA_VERSION
} from '../../src/lib/doc/index';
import type { Contact } from '../../src/lib/model/records';
import { BASE_URL, checkA11y, shoot, waitForSaved } from './support';
import { dayFrom } from './support/sheet-workbooks';

let n = 0;
const id = (kind: string) =>
	`${(Date.UTC(2025, 0, 1) + ++n).toString(36).padStart(9, '0')}-${kind}${n}`;

/** Ana: helped twice, introduced Cerys. Ben: helped me three times. Dev: said yes and did it. */
function evidenceWorkbook(): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
		const add = (name: string, fields: Partial<Contact> = {}) =>
			insertRecord(doc, contactSpec, {
				id: id('c'),
				name,
				createdAt: new Date().toISOString(),
				...fields
			});
		const ana = add('Ana Silva', { org: 'Northwind' });
		add('Cerys Jones', { introducedBy: ana });
		const ben = add('Ben Carter');
		const dev = add('Dev Patel', { seniority: 'senior' });
		add('Eve Stone');
		const talk = (contactId: string, days: number, fields: Record<string, string>) =>
			insertRecord(doc, conversationSpec, {
				id: id('v'),
				contactId,
				on: dayFrom(-days),
				kind: 'coffee',
				...fields
			});
		talk(ana, 200, { iOffered: 'Feedback on her pitch deck' });
		talk(ana, 150, { iOffered: 'An intro to our data team' });
		for (const days of [300, 250, 200])
			talk(ben, days, { theyOffered: 'Advice on the promotion case' });
		insertRecord(doc, askSpec, {
			id: id('a'),
			contactId: dev,
			what: 'Review my promotion case',
			on: dayFrom(-30),
			outcome: 'yes',
			followedThrough: true
		});
		insertRecord(doc, askSpec, {
			id: id('a'),
			contactId: ben,
			what: 'Put me forward for the Lisbon project',
			on: dayFrom(-10),
			outcome: 'pending'
		});
	});
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

const suggestions = (page: Page) => page.locator('[data-suggestion]');

test('champion suggestions from evidence: accept one, dismiss one, and both stand after a reload', async ({
	page
}) => {
	test.setTimeout(60_000);
	await seedWorkbook(page, BASE_URL, evidenceWorkbook());
	await page.goto('/workbook/champions');

	// Three people look ready, each with its reason; equal weight, so in name order.
	await expect(suggestions(page)).toHaveCount(3);
	await expect(suggestions(page).nth(1)).toContainText(
		'Ben Carter helped you 3 times: make Ben Carter an ally?'
	);
	await expect(
		page.getByText(
			'You helped Ana Silva twice and they introduced you to Cerys Jones: make Ana Silva an ally?'
		)
	).toBeVisible();
	await expect(
		page.getByText(
			/Dev Patel said yes when you asked “Review my promotion case” and followed through/
		)
	).toBeVisible();
	// Nothing has moved by itself.
	await expect(page.locator('[data-stage="ally"] [data-card]')).toHaveCount(0);
	// Ask outcomes, counted.
	await expect(page.getByTestId('ask-counts')).toHaveText(
		/Asked 2 · said yes 1 · followed through 1/
	);
	await expect(page.getByTestId('champions-tells')).toContainText(
		'3 people look ready to move along'
	);
	await checkA11y(page);
	await shoot(page, 'champions-suggestions');

	// Accept Ana by keyboard: she moves, and the keyboard lands on the next suggestion.
	const makeAna = page.getByRole('button', { name: 'Make Ana Silva an ally' });
	await makeAna.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-stage="ally"] [data-card]')).toContainText('Ana Silva');
	await expect(suggestions(page)).toHaveCount(2);
	await expect(page.getByRole('button', { name: 'Make Ben Carter an ally' })).toBeFocused();

	// Dismiss Ben, by keyboard too: he stays a contact, and the keyboard moves on to Dev.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Dismiss: Ben Carter as an ally' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Make Dev Patel an ally' })).toBeFocused();
	await expect(suggestions(page)).toHaveCount(1);
	await expect(page.getByText(/make Ben Carter an ally/)).toHaveCount(0);
	await expect(page.locator('[data-stage="contact"] [data-card]')).toContainText(['Ben Carter']);
	await waitForSaved(page);

	await page.reload();
	await expect(page.locator('[data-stage="ally"] [data-card]')).toHaveText([/Ana Silva/]);
	await expect(suggestions(page)).toHaveCount(1);
	await expect(suggestions(page).first()).toContainText('Dev Patel');
	await expect(page.getByText(/make Ben Carter an ally/)).toHaveCount(0);
	await expect(page.getByTestId('champions-tells')).toContainText('1 ally and 0 champions');

	// Dev's follow-through is on the ask, ticked; un-ticking it is counted at once.
	await page.getByLabel('Followed through on “Review my promotion case”').uncheck();
	await expect(page.getByTestId('ask-counts')).toHaveText(/followed through 0/);
	await checkA11y(page);
});

test('openness tagging from a measure card: three people tagged by keyboard, the measures update', async ({
	page
}) => {
	test.setTimeout(60_000);
	await seedWorkbook(page, BASE_URL, evidenceWorkbook());
	await page.goto('/workbook/map');
	const inside = page.getByTestId('measure-inside');
	await expect(inside).toContainText('Mark whether each contact is inside your organisation');

	await inside.getByRole('button', { name: 'Mark them now' }).click();
	// The tagger opens with the keyboard on the first unanswered "inside" cell.
	const first = page.getByLabel('Ana Silva: inside or outside your organisation');
	await expect(first).toBeFocused();
	await page.keyboard.press('ArrowDown'); // Inside
	await expect(inside).toContainText('100%');
	await page.getByLabel('Ben Carter: inside or outside your organisation').selectOption('Outside');
	await page.getByLabel('Cerys Jones: inside or outside your organisation').selectOption('Outside');
	// Ana inside, Ben and Cerys outside: 1 of 3.
	await expect(inside).toContainText('33%');
	await expect(inside).toContainText('(2 not answered yet)');

	// How we met counts before anyone is in a key tier: Cerys came through Ana, so 0% so far.
	const self = page.getByTestId('measure-self');
	await expect(self).toContainText('0%');
	await page.getByLabel('Ben Carter: how you met').selectOption('On my own');
	await page.getByLabel('Eve Stone: how you met').selectOption('On my own');
	// Two of three met on my own: above the 65% line.
	await expect(self).toContainText('67%');
	await expect(self).toContainText('You met 2 of 3 people on your own');
	// Through someone: a picker in the row names who.
	await page.getByLabel('Dev Patel: how you met').selectOption('Through someone…');
	const who = page.getByRole('combobox', { name: 'Who introduced you to Dev Patel?' });
	await who.fill('Ana');
	await expect(page.getByRole('option', { name: /^Ana Silva/ })).toBeVisible();
	await who.press('Enter');
	await expect(page.getByLabel('Dev Patel: how you met')).toHaveValue('by');
	await expect(self).toContainText('50%');
	await checkA11y(page);
	await shoot(page, 'map-openness-tagger');
	await waitForSaved(page);
	await page.reload();
	await expect(page.getByTestId('measure-inside')).toContainText('33%');
});
