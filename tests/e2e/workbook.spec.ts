/**
 * The guided workbook, as a new user meets it: all seven steps filled in through the UI with
 * realistic answers, then the browser is closed and opened again on the same profile, and every
 * answer, the diagnosis ranking and the progress are still there. Also: /workbook resumes at the
 * first unfinished step, an unknown step is a 404, and axe passes on every screen built here.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, launchPersistent, shoot, waitForSaved } from './support';

/** Ratings per obstacle, in the article's order: this person has no time and a closed network. */
const RATINGS: Record<string, number[]> = {
	mindset: [2, 3, 2],
	closed: [4, 5, 4],
	strategy: [3, 3, 2],
	proactive: [4, 4, 3],
	time: [5, 4, 5],
	followup: [3, 2, 2]
};

/** The statements of each obstacle, as the screen shows them (first of each is enough to find). */
const RANKING = [
	'No time set aside',
	'A closed network',
	'Waiting until you need help',
	'No strategy',
	// 2.33 each: equal scores keep the article's order.
	'A self-serving mindset',
	'No follow-up'
];

const GOAL =
	'Lead a product team in a health-tech company, shaping tools that nurses actually want to use.';
const VALUE = {
	whoIHelp: 'early-career nurses moving into leadership',
	outcome: 'grow into confident ward managers',
	how: 'running practical mentoring circles',
	evidence: '18 of 24 mentees were promoted within two years'
};
const COMPOSED =
	'I help early-career nurses moving into leadership grow into confident ward managers by running practical mentoring circles. 18 of 24 mentees were promoted within two years.';
const STATEMENT = `${COMPOSED} Ask me about it.`;

/** A calendar day `days` from today on the test machine's clock (the browser shares it). */
function day(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return d.toLocaleDateString('en-CA');
}

const rail = (page: Page) => page.getByRole('navigation', { name: 'Workbook steps' });
const ranking = (page: Page) =>
	page.locator('section[aria-labelledby="diagnose-tells"] ol > li h3');

async function rateObstacles(page: Page, only?: string[]) {
	for (const [id, values] of Object.entries(RATINGS)) {
		if (only && !only.includes(id)) continue;
		const section = page.locator(`#obstacle-${id}`);
		const groups = section.getByRole('group');
		for (let i = 0; i < values.length; i++) {
			await groups
				.nth(i)
				.getByRole('radio', { name: new RegExp(`^${values[i]}:`) })
				.check();
		}
	}
}

test('a new user works through all seven steps and finds it all after a restart', async () => {
	test.setTimeout(240_000);
	const first = await launchPersistent();
	const page = first.pages()[0] ?? (await first.newPage());

	// Home, first run.
	await page.goto('/');
	await expect(
		page.getByRole('heading', { name: "A career takes a village. Let's build yours on purpose." })
	).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'home-empty');
	await page.getByRole('link', { name: 'Start the workbook' }).click();

	// —— Step 1: Diagnose ——
	await expect(page).toHaveURL(/\/workbook\/diagnose$/);
	await expect(page.getByRole('heading', { level: 1, name: 'What holds you back?' })).toBeVisible();
	// Keyboard: arrow keys move through a rating like any radio group.
	const firstStatement = page.locator('#obstacle-mindset').getByRole('group').first();
	await firstStatement.getByRole('radio', { name: /^1:/ }).check();
	await page.keyboard.press('ArrowRight');
	await expect(firstStatement.getByRole('radio', { name: /^2:/ })).toBeChecked();
	await rateObstacles(page, ['mindset', 'closed']);
	// Partly rated: the ranking shows what is there and says what is missing.
	await expect(ranking(page)).toHaveText(['A closed network', 'A self-serving mindset']);
	const tells = page.locator('section[aria-labelledby="diagnose-tells"]');
	await expect(tells).toContainText('6 of 18 statements rated');
	await expect(tells.getByRole('link', { name: 'No time set aside' })).toBeVisible();
	await rateObstacles(page);
	await expect(ranking(page)).toHaveText(RANKING);
	await expect(tells).not.toContainText('Still to rate');
	await expect(tells).toContainText('What holds you back most: no time set aside.');
	await expect(tells.getByRole('link', { name: /Work on it in step 7: Plan/ })).toBeVisible();
	await page
		.getByLabel('Which half hour in your week could you give to networking?')
		.fill('Thursday lunchtime, before the ward round');
	await expect(rail(page)).toContainText('1 of 7 steps done');
	await checkA11y(page);
	await shoot(page, 'step-diagnose');

	// —— Step 2: Goal ——
	await page.getByRole('link', { name: 'Next: Goal →' }).click();
	await expect(page).toHaveURL(/\/workbook\/goal$/);
	await page.getByLabel('Where do you want to be in 3–5 years?').fill(GOAL);
	await page.getByLabel('Milestone 1').fill('Lead the digital rota pilot across three wards');
	await page.locator('#milestone-1-due').fill(day(300));
	await page.getByLabel('Milestone 2').fill('Move into a product role at a health-tech firm');

	// Helpers: two new contacts added inline, one removed and picked again from the list.
	const picker = page.getByRole('combobox', { name: 'Add someone who can help' });
	await picker.fill('Amara Okoye');
	await expect(
		page.getByRole('option', { name: 'Add “Amara Okoye” as a new contact' })
	).toBeVisible();
	await picker.press('Enter');
	await picker.fill('Ben Carter');
	await picker.press('Enter');
	const helpers = page.getByRole('list', { name: 'People who can help' });
	await expect(helpers.getByRole('listitem')).toHaveCount(2);
	await page.getByRole('button', { name: 'Remove Ben Carter from people who can help' }).click();
	await expect(helpers.getByRole('listitem')).toHaveCount(1);
	await picker.fill('ben');
	await expect(page.getByRole('option', { name: /Ben Carter/ })).toBeVisible();
	// An exact name already in the contacts is not offered again as new.
	await picker.fill('Amara Okoye');
	await expect(page.getByRole('option')).toHaveCount(0);
	await picker.fill('be');
	await picker.press('ArrowDown');
	await picker.press('ArrowUp');
	await picker.press('Enter');
	await expect(helpers.getByRole('listitem')).toHaveCount(2);
	await expect(helpers).toContainText('Ben Carter');
	await expect(picker).toHaveValue('');

	// A profile of someone to meet.
	await page.getByRole('button', { name: '+ Add someone I need to know' }).click();
	await page.keyboard.type('Head of product');
	const target = page.locator('article.target').first();
	await target.getByLabel('Organisation').fill('Cera Care');
	await target.getByLabel('Industry').fill('Health tech');
	await target
		.getByLabel('Why they matter for my goal')
		.fill('Knows what product leadership needs');
	await target.getByLabel('How I might reach them').fill('Ask Amara, who worked there');
	await expect(target.getByRole('heading', { name: /Head of product, Cera Care/ })).toBeVisible();
	await expect(rail(page)).toContainText('2 of 7 steps done');
	await checkA11y(page);
	await shoot(page, 'step-goal');

	// —— Step 3: Value ——
	await page.getByRole('link', { name: 'Next: Value →' }).click();
	await page.getByLabel('Who do you help?').fill(VALUE.whoIHelp);
	await page.getByLabel('What changes for them?').fill(VALUE.outcome);
	await page.getByLabel('How do you do it?').fill(VALUE.how);
	await page.getByLabel('What result shows it works?').fill(VALUE.evidence);
	await expect(page.locator('.composed')).toHaveText(COMPOSED);
	await page.getByRole('button', { name: 'Use this as my statement' }).click();
	const statement = page.getByLabel('In your own words');
	await expect(statement).toHaveValue(COMPOSED);
	// After that the statement is the user's own to edit.
	await statement.press('Control+End');
	await statement.pressSequentially(' Ask me about it.');
	await expect(statement).toHaveValue(STATEMENT);
	await expect(page.getByRole('button', { name: 'Use this instead' })).toBeEnabled();

	const offer = page.getByRole('textbox', { name: 'What I can offer', exact: true });
	await offer.fill('Reviewing CVs for leadership roles');
	await offer.press('Enter');
	await page.getByLabel('Kind').selectOption('introduction');
	await offer.fill('Our chief nursing officer');
	await offer.press('Enter');
	await offer.fill('A typo to take back');
	await offer.press('Enter');
	await page.getByRole('button', { name: 'Remove A typo to take back' }).click();
	await expect(page.locator('.offers li')).toHaveText([
		/Reviewing CVs for leadership roles/,
		/Our chief nursing officer/
	]);
	await expect(rail(page)).toContainText('3 of 7 steps done');
	await checkA11y(page);
	await shoot(page, 'step-value');

	// —— Step 7: Plan ——
	await rail(page).getByRole('link', { name: /Plan/ }).click();
	await expect(page).toHaveURL(/\/workbook\/plan$/);
	const addSlot = page.getByRole('button', { name: '+ Add a weekly slot' });
	await addSlot.click();
	const lunchId = (await page.evaluate(() => document.activeElement?.id)) ?? '';
	expect(lunchId).toMatch(/^slot-.+-day$/);
	const lunch = lunchId.slice(0, -'-day'.length);
	await page.locator(`#${lunch}-day`).selectOption({ label: 'Thursday' });
	await page.locator(`#${lunch}-kind`).selectOption({ label: 'Lunch' });
	await page.locator(`#${lunch}-length`).selectOption({ label: '1 hour' });
	await addSlot.click();
	const eveningId = (await page.evaluate(() => document.activeElement?.id)) ?? '';
	const evening = eveningId.slice(0, -'-day'.length);
	await page.locator(`#${evening}-day`).selectOption({ label: 'Wednesday' });
	await page.locator(`#${evening}-start`).fill('18:30');
	await page.locator(`#${evening}-kind`).selectOption({ label: 'Event' });
	await expect(page.locator('.slots li')).toHaveCount(2);
	await expect(page.locator('.slots li').first()).toContainText('Outside the working day');
	await expect(page.locator('.slots li').last()).not.toContainText('Outside the working day');
	await expect(page.locator('.total')).toHaveText('1 h 45 min a week');

	await page.getByLabel('Name', { exact: true }).first().fill('Health Tech Women London');
	await page.getByLabel('Name', { exact: true }).first().press('Enter');
	const event = page.locator('li.event');
	await expect(event.getByRole('heading', { name: 'Health Tech Women London' })).toBeVisible();
	await expect(event).toContainText('Go once or twice');
	await event.getByRole('button', { name: 'One more (Times attended)' }).click();
	await event
		.getByRole('group', { name: 'Did it introduce you to new people?' })
		.getByLabel('Yes')
		.check();
	await event.getByRole('group', { name: 'Does it serve your goal?' }).getByLabel('Yes').check();
	await expect(event).toContainText('Suggestion: keep it.');
	await event.getByRole('group', { name: 'Your verdict' }).getByLabel('Keep').check();
	await expect(event.getByText('Keeping')).toBeVisible();

	const actionText = page.getByLabel('New action');
	await actionText.fill('Ask Amara to introduce me to the head of product at Cera Care');
	await page.getByLabel('Due (optional)').fill(day(3));
	await actionText.press('Enter');
	await actionText.fill('Send Ben the article on rota tools');
	await page.getByLabel('Due (optional)').fill(day(-2));
	await actionText.press('Enter');
	await actionText.fill('Book a coffee with the ward manager on 4B');
	await page.getByLabel('Within').selectOption('60');
	await actionText.press('Enter');
	await expect(page.locator('li.action')).toHaveCount(3);
	// Overdue stands out in words, not only in colour.
	const overdue = page.locator('li.action.overdue');
	await expect(overdue).toHaveCount(1);
	await expect(overdue).toContainText('Overdue · was due');
	await page
		.getByRole('checkbox', { name: 'Done: Book a coffee with the ward manager on 4B' })
		.check();
	await expect(page.locator('li.action.done')).toContainText('✓ Done');

	await page.getByLabel('Inner circle').fill('21');
	await expect(rail(page)).toContainText('4 of 7 steps done');
	await checkA11y(page);
	await shoot(page, 'step-plan');

	// —— Step 4: map the village (Amara and Ben came from the goal step) ——
	await waitForSaved(page);
	await page.goto('/workbook/map');
	for (const name of ['Chidi Obi', 'Dana Reyes', 'Eli Brandt']) {
		await page.getByLabel('Add someone').fill(name);
		await page.getByLabel('Add someone').press('Enter');
		await expect(page.getByLabel(`${name}: provides information`)).toBeVisible();
	}
	await page.getByLabel('Amara Okoye: connects me to others').check();
	await page.getByLabel('Ben Carter: mentors me').check();
	await page.getByLabel('Chidi Obi: provides information').check();
	await page.getByLabel('Dana Reyes: helps me get the job done').check();
	await page.getByLabel('Eli Brandt: sponsors me').check();
	await expect(page.getByTestId('coverage-summary')).toContainText('5 of 7 roles covered');
	await expect(rail(page)).toContainText('5 of 7 steps done');

	// —— Step 5: a conversation, giving first ——
	await waitForSaved(page);
	await page.goto('/workbook/relate');
	const meeting = page.getByRole('combobox', { name: 'Who are you meeting?' });
	await meeting.fill('Amara');
	await expect(page.getByRole('option', { name: /^Amara Okoye/ })).toBeVisible();
	await meeting.press('Enter');
	await expect(page.getByTestId('meeting')).toHaveText('Amara Okoye');
	await page.getByLabel('What are they working on?').fill('A rota pilot in two hospitals');
	await page.getByLabel('What is hard for them right now?').fill('Getting nurses to try it');
	await page.getByLabel('What I offered or did for them').fill('Ward 4B as a test site');
	await page.getByRole('button', { name: 'Save conversation' }).click();
	await expect(page.getByText(/Saved\. Next follow-up with Amara Okoye/)).toBeVisible();
	await expect(rail(page)).toContainText('6 of 7 steps done');

	// —— Step 6: Amara and Ben become allies, by keyboard: the step asks for two ——
	await waitForSaved(page);
	await page.goto('/workbook/champions');
	await page.getByRole('button', { name: 'Move Amara Okoye to ally' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-stage="ally"] [data-card]')).toContainText('Amara Okoye');
	await expect(page.getByTestId('champions-tells')).toContainText(
		'This step is done when two people are on your side'
	);
	await expect(page.getByTestId('champions-tells')).toContainText('One more to go.');
	await expect(rail(page)).toContainText('6 of 7 steps done');
	await page.getByRole('button', { name: 'Move Ben Carter to ally' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-stage="ally"] [data-card]')).toHaveCount(2);
	await expect(rail(page)).toContainText('7 of 7 steps done');

	// —— Home, filled ——
	await page.getByRole('link', { name: 'Home', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your village' })).toBeVisible();
	await expect(page.getByText('7 of 7 steps done')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Review your plan' })).toBeVisible();
	const obstacles = page.locator('section[aria-labelledby="obstacles-title"] li');
	await expect(obstacles).toHaveCount(2);
	await expect(obstacles.first()).toContainText('No time set aside');
	await expect(obstacles.first()).toContainText('Put it in the calendar');
	await expect(obstacles.last()).toContainText('A closed network');
	await expect(page.locator('.goal')).toHaveText(GOAL);
	const week = page.locator('section[aria-labelledby="week-title"]');
	await expect(week.getByRole('heading', { name: 'Networking time' })).toBeVisible();
	await expect(week.getByRole('link', { name: /Ask Amara to introduce me/ })).toBeVisible();
	await expect(week.getByRole('link', { name: /Overdue.*Send Ben the article/ })).toBeVisible();
	await expect(week).not.toContainText('Book a coffee with the ward manager');
	await checkA11y(page);
	await shoot(page, 'home-filled');

	await waitForSaved(page);
	await first.close();

	// —— After a restart, on the same profile ——
	const second = await launchPersistent(first.profileDir);
	try {
		const again = second.pages()[0] ?? (await second.newPage());
		await again.goto('/');
		await expect(again.getByText('7 of 7 steps done')).toBeVisible();
		await expect(again.locator('.goal')).toHaveText(GOAL);

		await again.goto('/workbook/diagnose');
		await expect(ranking(again)).toHaveText(RANKING);
		for (const [id, values] of Object.entries(RATINGS)) {
			const groups = again.locator(`#obstacle-${id}`).getByRole('group');
			for (let i = 0; i < values.length; i++) {
				await expect(
					groups.nth(i).getByRole('radio', { name: new RegExp(`^${values[i]}:`) })
				).toBeChecked();
			}
		}
		await expect(
			again.getByLabel('Which half hour in your week could you give to networking?')
		).toHaveValue('Thursday lunchtime, before the ward round');

		await again.goto('/workbook/goal');
		await expect(again.getByLabel('Where do you want to be in 3–5 years?')).toHaveValue(GOAL);
		await expect(again.getByLabel('Milestone 1')).toHaveValue(
			'Lead the digital rota pilot across three wards'
		);
		await expect(again.locator('#milestone-1-due')).toHaveValue(day(300));
		await expect(again.getByRole('list', { name: 'People who can help' })).toContainText(
			/Amara Okoye[\s\S]*Ben Carter/
		);
		const t = again.locator('article.target');
		await expect(t).toHaveCount(1);
		await expect(t.getByLabel('Role')).toHaveValue('Head of product');
		await expect(t.getByLabel('How I might reach them')).toHaveValue('Ask Amara, who worked there');

		await again.goto('/workbook/value');
		await expect(again.getByLabel('Who do you help?')).toHaveValue(VALUE.whoIHelp);
		await expect(again.getByLabel('What result shows it works?')).toHaveValue(VALUE.evidence);
		await expect(again.getByLabel('In your own words')).toHaveValue(STATEMENT);
		await expect(again.locator('.offers li')).toHaveCount(2);

		await again.goto('/workbook/plan');
		await expect(again.locator('.slots li')).toHaveCount(2);
		await expect(again.locator('.total')).toHaveText('1 h 45 min a week');
		await expect(
			again.locator('li.event').getByRole('group', { name: 'Your verdict' }).getByLabel('Keep')
		).toBeChecked();
		await expect(again.locator('li.action')).toHaveCount(3);
		await expect(again.locator('li.action.overdue')).toHaveCount(1);
		await expect(again.getByLabel('Inner circle')).toHaveValue('21');
		await expect(again.getByLabel('Key', { exact: true })).toHaveValue('60');
		await expect(rail(again)).toContainText('7 of 7 steps done');

		await again.goto('/workbook/map');
		await expect(again.getByTestId('coverage-summary')).toContainText('5 of 7 roles covered');
		await expect(again.getByLabel('Eli Brandt: sponsors me')).toBeChecked();
		await again.goto('/workbook/champions');
		const allies = again.locator('[data-stage="ally"] [data-card]');
		await expect(allies).toHaveCount(2);
		await expect(allies.filter({ hasText: 'Amara Okoye' })).toHaveCount(1);
		await expect(allies.filter({ hasText: 'Ben Carter' })).toHaveCount(1);
		await again.goto('/workbook/relate');
		await expect(again.getByText('Ward 4B as a test site')).toBeVisible();
	} finally {
		await second.close();
	}
});

test('/workbook resumes at the first unfinished step; an unknown step is a 404', async ({
	page
}) => {
	await page.goto('/workbook');
	await expect(page).toHaveURL(/\/workbook\/diagnose$/);
	await rateObstacles(page);
	await expect(rail(page)).toContainText('1 of 7 steps done');
	await page.getByRole('link', { name: 'Workbook', exact: true }).click();
	await expect(page).toHaveURL(/\/workbook\/goal$/);

	await page.goto('/workbook/nonsense');
	await expect(page.getByRole('heading', { name: "There's no page here" })).toBeVisible();
	await expect(page).toHaveTitle(/Not found/);
});
