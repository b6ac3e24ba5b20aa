/**
 * The weekly review as a person walks it (log a conversation, tick an action, choose a slot and
 * someone to reach, write the two lines, finish), then what it changed, seen after a restart:
 * Home says the week is reviewed and counts the streak, the person's page says when you were
 * last in touch. Also every answer put to use: the next milestone's countdown and this week's
 * events on Home, the value statement in Relate, the reflections on Diagnose's summary, and
 * goal helpers as contacts. axe and screenshots on each screen touched, all by keyboard.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, shoot, waitForSaved } from './support';
import { addPerson, pick } from './support/people';

/** Today and a day some days on, on the browser's own calendar. */
async function days(page: Page, ...offsets: number[]): Promise<string[]> {
	return page.evaluate(
		(list) =>
			list.map((n) => {
				const d = new Date();
				d.setDate(d.getDate() + n);
				return d.toLocaleDateString('en-CA');
			}),
		offsets
	);
}

test('a weekly review, walked by keyboard, shows on Home, People and the review after a restart', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await page.goto('/people');
	await addPerson(page, 'Ana Silva');
	const bo = await addPerson(page, 'Bo Chen');

	const [today] = await days(page, 0);
	await page.goto('/workbook/plan');
	await page.getByLabel('New action').fill('Send Ana the deck');
	await page.locator('#action-due').fill(today!);
	await page.getByRole('button', { name: 'Add', exact: true }).last().click();
	await page.getByRole('button', { name: '+ Add a weekly slot' }).click();
	await waitForSaved(page);

	await page.goto('/review');
	await expect(page.getByRole('heading', { name: 'Weekly review', level: 1 })).toBeVisible();
	await expect(page.getByTestId('review-streak')).toHaveText('Your first review starts the count.');

	// 1. Conversations: the kind by arrow keys, the person by typing, Enter logs it.
	await expect(page.getByRole('heading', { name: 'Who did you talk to this week?' })).toBeVisible();
	await page.getByRole('radio', { name: 'Coffee' }).focus();
	await page.keyboard.press('ArrowRight'); // Lunch
	await page.keyboard.press('ArrowRight'); // Call
	await expect(page.getByRole('radio', { name: 'Call' })).toBeChecked();
	await pick(page, 'Person', 'Bo Chen');
	await expect(page.getByRole('status').filter({ hasText: 'Logged: Bo Chen.' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'This week (1)' })).toBeVisible();
	await expect(page.getByText(/Bo Chen · Call/)).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'review-1-log');
	await page.getByRole('button', { name: 'Next' }).press('Enter');

	// 2. Actions.
	await expect(page.getByRole('heading', { name: 'Tick what you got done' })).toBeFocused();
	const action = page.getByRole('checkbox', { name: /Send Ana the deck/ });
	await action.focus();
	await page.keyboard.press('Space');
	await expect(action).toBeChecked();
	await checkA11y(page);
	await shoot(page, 'review-2-actions');
	await page.getByRole('button', { name: 'Next' }).click();

	// 3. Who is overdue: nobody yet in a new workbook.
	await expect(page.getByRole('heading', { name: 'Who is now overdue' })).toBeFocused();
	await expect(page.getByText(/^Nobody/)).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'review-3-overdue');
	await page.getByRole('button', { name: 'Next' }).click();

	// 4. Next week: the slot from the plan, and Ana.
	await expect(page.getByRole('heading', { name: 'Next week', exact: true })).toBeFocused();
	const slot = page.getByRole('group', { name: /Your networking time/ }).getByRole('checkbox');
	await expect(slot).toHaveCount(1);
	await slot.check();
	await pick(page, 'Someone else', 'Ana Silva');
	await expect(page.getByTestId('reach-chosen')).toContainText('Ana Silva');
	await checkA11y(page);
	await shoot(page, 'review-4-next');
	await page.getByRole('button', { name: 'Next' }).click();

	// 5. Two lines, and the summary as it will be kept.
	await expect(page.getByRole('heading', { name: 'Two lines on the week' })).toBeFocused();
	await page.getByLabel('What went well?').fill('A good call with Bo');
	await page.getByLabel('What got in the way?').fill('Two days of travel');
	const preview = page.getByTestId('review-summary');
	await expect(preview).toContainText('1 conversation, 1 action done.');
	await expect(preview).toContainText('Reach Ana Silva; 1 networking slot.');
	await checkA11y(page);
	await shoot(page, 'review-5-reflect');
	await page.getByRole('button', { name: 'Finish the review' }).press('Enter');

	await expect(page.getByRole('heading', { name: 'Week reviewed' })).toBeFocused();
	await expect(page.getByTestId('review-summary')).toContainText('Two days of travel');
	await expect(page.getByTestId('review-streak')).toHaveText('1 week in a row.');
	await checkA11y(page);
	await shoot(page, 'review-6-summary');
	await waitForSaved(page);

	// A restart: a new page in the same browser profile.
	await page.close();
	const again = await context.newPage();
	await again.goto('/');
	const offer = again.getByTestId('review-offer');
	await expect(offer).toContainText('Done for this week.');
	await expect(offer).toContainText('1 week reviewed');
	await again.goto(`/people/${bo}`);
	await expect(again.getByText('Last in touch today')).toBeVisible();
	await again.goto('/review');
	await expect(again.getByRole('heading', { name: "This week's review is done" })).toBeVisible();
	await expect(again.getByTestId('review-summary')).toContainText('A good call with Bo');
	await expect(again.getByTestId('review-summary')).toContainText('Reach Ana Silva');
	await checkA11y(again);
	await shoot(again, 'review-done');
	// The action stayed done, and the plan's slot is still one slot.
	await again.goto('/workbook/plan');
	await expect(again.getByText('✓ Done')).toBeVisible();
});

test('conversations logged in a review feed Champions: after a restart, a helpful contact is suggested as an ally', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await page.goto('/people');
	await addPerson(page, 'Bo Chen');

	// Bo said yes to an ask: give-and-take, but not yet enough to suggest an ally.
	await page.goto('/workbook/champions');
	await pick(page, 'Whom', 'Bo Chen');
	await page.getByLabel('What you asked').fill('An intro to the CTO');
	await page.getByRole('button', { name: 'Add ask' }).click();
	await page.getByLabel('Outcome of “An intro to the CTO”').selectOption('yes');
	await waitForSaved(page);
	await expect(page.getByRole('button', { name: 'Make Bo Chen an ally' })).toHaveCount(0);

	// The week's review logs two talks with Bo.
	await page.goto('/review');
	await page.getByRole('radio', { name: 'Coffee' }).check();
	await pick(page, 'Person', 'Bo Chen');
	await expect(page.getByRole('heading', { name: 'This week (1)' })).toBeVisible();
	await page.getByRole('radio', { name: 'Call' }).check();
	await pick(page, 'Person', 'Bo Chen');
	await expect(page.getByRole('heading', { name: 'This week (2)' })).toBeVisible();
	for (const heading of ['Tick what you got done', 'Who is now overdue', 'Next week']) {
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('heading', { name: heading, exact: true })).toBeFocused();
	}
	await page.getByRole('button', { name: 'Next' }).click();
	await page.getByRole('button', { name: 'Finish the review' }).click();
	await expect(page.getByRole('heading', { name: 'Week reviewed' })).toBeFocused();
	await waitForSaved(page);

	// A restart: Champions now suggests Bo, saying why.
	await page.close();
	const again = await context.newPage();
	await again.goto('/workbook/champions');
	await expect(again.getByRole('button', { name: 'Make Bo Chen an ally' })).toBeVisible();
	await expect(again.locator('[data-suggestion]').filter({ hasText: 'Bo Chen' })).toContainText(
		'in the last three months'
	);
});

test('the review day is the user’s to choose, and Home offers the review on it', async ({
	page
}) => {
	// Before anything is written, the welcome names all seven roles.
	await page.goto('/');
	await expect(page.locator('.lede')).toContainText(
		'inform, connect, help, advocate for, mentor, guide and sponsor you'
	);
	await page.goto('/people');
	await addPerson(page, 'Ana Silva');
	const weekday = await page.evaluate(() => ((new Date().getDay() + 6) % 7) + 1);
	await page.goto('/review');
	await page.getByLabel('Offer it on Home every').selectOption(String(weekday));
	await waitForSaved(page);
	await page.goto('/');
	const offer = page.getByTestId('review-offer');
	await expect(offer.getByRole('link', { name: 'Start your weekly review' })).toBeVisible();
	// A day later in the week than today: not yet.
	if (weekday < 7) {
		await page.goto('/review');
		await page.getByLabel('Offer it on Home every').selectOption(String(weekday + 1));
		await waitForSaved(page);
		await page.goto('/');
		await expect(offer).toContainText('Next one on');
		await expect(offer.getByRole('link', { name: 'Start your weekly review' })).toHaveCount(0);
	}
});

test('every answer is used: milestone countdown and events on Home, value in Relate, reflections on Diagnose, helpers as contacts', async ({
	page
}) => {
	test.setTimeout(90_000);
	const [soon, inTwo] = await days(page, 10, 2);

	// Goal: the statement, a dated milestone, and a helper typed as a new name.
	await page.goto('/workbook/goal');
	await page.locator('#goal-statement').fill('Lead a product team in health tech');
	await page.getByLabel('Milestone 1').fill('Lead a cross-team project');
	await page.locator('#milestone-1-due').fill(soon!);
	const helper = page.getByRole('combobox', { name: 'Add someone who can help' });
	await helper.fill('  Cerys Jones  ');
	await expect(page.getByRole('option', { name: /Cerys Jones/ })).toBeVisible();
	await helper.press('Enter');
	await waitForSaved(page);
	await shoot(page, 'answers-goal');

	// Plan: an event two days out.
	await page.goto('/workbook/plan');
	await page.getByLabel('Name', { exact: true }).first().fill('Product meet-up');
	await page.getByRole('button', { name: 'Add', exact: true }).first().click();
	await page.getByLabel('Next date').fill(inTwo!);
	await waitForSaved(page);

	// Value: the statement.
	await page.goto('/workbook/value');
	await page.getByLabel('In your own words').fill('I help small clinics ship software safely.');
	await waitForSaved(page);

	// Diagnose: a rating and a reflection for one obstacle.
	await page.goto('/workbook/diagnose');
	const first = page.locator('#obstacle-mindset');
	await first.getByRole('radio').nth(3).check();
	await first.locator('#reflect-mindset').fill('Offer a code review to a peer');
	await first.locator('#reflect-mindset').press('Tab');
	await waitForSaved(page);
	await expect(page.getByTestId('reflection-mindset')).toHaveText(
		'You wrote: “Offer a code review to a peer”'
	);
	await checkA11y(page, { include: ['.tells'] });
	await shoot(page, 'answers-diagnose');

	// Home, after a reload: the countdown and the event.
	await page.goto('/');
	await expect(page.getByTestId('next-milestone')).toContainText('Lead a cross-team project');
	await expect(page.getByTestId('next-milestone')).toContainText('in 10 days');
	const week = page.locator('section.week');
	await expect(week.getByRole('heading', { name: 'Events' })).toBeVisible();
	await expect(week.getByRole('link', { name: /Product meet-up/ })).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'answers-home');

	// Relate: the value statement beside the open questions, when preparing a conversation.
	await page.goto('/workbook/relate');
	await pick(page, 'Who are you meeting?', 'Cerys Jones');
	await expect(page.getByTestId('value-reminder')).toContainText(
		'I help small clinics ship software safely.'
	);
	await checkA11y(page);
	await shoot(page, 'answers-relate');

	// The helper is a contact like any other, name trimmed.
	await page.goto('/people');
	await expect(
		page.getByTestId('people-list').getByRole('link', { name: /^Cerys Jones/ })
	).toBeVisible();
});

test('with a partner, the review’s summary is shared as the week’s check-in', async ({ page }) => {
	await page.goto('/partner');
	await page.getByLabel('Your name, as your partner will see it').fill('Dee');
	await page.getByRole('button', { name: 'Invite a partner' }).click();
	await expect(page.getByTestId('invite-link')).toHaveValue(/\/partner\/join#room=/);
	await expect(page.getByTestId('checkin-due')).toBeVisible();

	await page.goto('/review');
	for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Next' }).click();
	await page.getByLabel('What went well?').fill('Kept my Tuesday slot');
	await page.getByLabel('What got in the way?').fill('A deadline');
	await page.getByRole('button', { name: 'Finish the review' }).click();
	await page.getByRole('button', { name: "Share as this week's check-in" }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Shared with your partner' })
	).toBeVisible();

	await page.goto('/partner');
	await expect(page.getByTestId('checkin-done')).toBeVisible();
	const mine = page.getByTestId('checkins').locator('[data-owner="me"]');
	await expect(mine).toContainText('0 conversations. Kept my Tuesday slot');
	await expect(mine).toContainText('Nothing planned yet.');
	await expect(mine).toContainText('A deadline');
});
