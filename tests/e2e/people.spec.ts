/**
 * People and steps 4–6, as a user drives them: adding people with roles and ties, the map step's
 * coverage, measures and picture, logging a conversation, the champion pipeline by keyboard,
 * search and filters, and axe plus screenshots on every screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { buildWorkbookUpdate, seedWorkbook } from '../bench/lib/big-workbook';
import { BASE_URL, checkA11y, shoot, waitForSaved } from './support';
import { addPerson, holdWorkbookOpen, pick } from './support/people';

async function openPeople(page: Page) {
	await page.goto('/people');
	await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
}

test('people with roles and ties show up as coverage, measures and picture on the map step', async ({
	page
}) => {
	// Some twenty page loads and an axe scan: on two busy cores that takes longer than 30 s.
	test.setTimeout(90_000);
	await openPeople(page);
	await expect(page.getByRole('heading', { name: 'Who is in your village?' })).toBeVisible();
	const ids: Record<string, string> = {};
	for (const name of ['Ann Lee', 'Bob Stone', 'Cat Novak', 'Dan Reid']) {
		ids[name] = await addPerson(page, name);
	}
	await expect(page.getByTestId('people-count')).toHaveText(/4 people/);

	// Roles, from the quick tagger on the map step.
	await page.goto('/workbook/map');
	await page.getByLabel('Ann Lee: provides information').check();
	await page.getByLabel('Ann Lee: connects me to others').check();
	await page.getByLabel('Bob Stone: mentors me').check();
	await page.getByLabel('Cat Novak: sponsors me').check();
	await waitForSaved(page);

	// Ties and openness answers, from the people's own pages (a triangle, and Dan on his own).
	await page.goto(`/people/${ids['Ann Lee']}`);
	await pick(page, 'Add someone they know', 'Bob Stone');
	await pick(page, 'Add someone they know', 'Cat Novak');
	await expect(page.getByTestId('ties').getByRole('listitem')).toHaveCount(2);
	await page.getByRole('radio', { name: 'Inside', exact: true }).check();
	await waitForSaved(page);
	await page.goto(`/people/${ids['Cat Novak']}`);
	// From the other end of a tie, it is already there.
	await expect(page.getByTestId('ties').getByRole('link', { name: 'Ann Lee' })).toBeVisible();
	await pick(page, 'Add someone they know', 'Bob Stone');
	await expect(page.getByTestId('ties').getByRole('listitem')).toHaveCount(2);
	// The list shows the tie at once, from memory; leave only once it is stored, as a person
	// who glanced at "Saved on this device" would.
	await waitForSaved(page);
	await page.goto(`/people/${ids['Bob Stone']}`);
	await page.getByRole('radio', { name: 'Outside', exact: true }).check();
	await waitForSaved(page);

	await page.goto('/workbook/map');
	// Coverage: informs, connects, mentors and sponsors played once each; three gaps.
	await expect(page.getByTestId('coverage-summary')).toContainText('4 of 7 roles covered');
	for (const [role, n] of Object.entries({
		informs: 1,
		connects: 1,
		'gets-job-done': 0,
		advocates: 0,
		mentors: 1,
		guides: 0,
		sponsors: 1
	})) {
		await expect(page.getByTestId(`coverage-${role}`)).toHaveText(String(n));
	}
	await expect(page.getByText('Advocates for me: nobody yet.')).toBeVisible();

	// Measures, by hand. n = 4 contacts, t = 3 ties (Ann–Bob, Ann–Cat, Bob–Cat).
	// Effective size n − 2t/n = 4 − 6/4 = 2.5.
	// Degrees counting the tie to me: Ann, Bob, Cat 3; Dan 1. For Ann:
	// c = ((1 + 1/3 + 1/3) / 4)² = (5/12)² = 25/144, the same for Bob and Cat; Dan (1/4)² = 9/144.
	// Constraint = 3·25/144 + 9/144 = 84/144 = 0.583…
	await expect(page.getByTestId('effective-size-exact')).toHaveText('2.5');
	await expect(page.getByTestId('constraint')).toHaveText('0.58');
	// Inside: Ann inside, Bob outside, the others not said: 1 of 2 = 50%.
	await expect(page.getByTestId('measure-inside')).toContainText('50%');
	await expect(page.getByTestId('measure-inside')).toContainText('(2 not answered yet)');
	// Nobody is in a key tier: the self-introduced share says why it cannot be worked out.
	await expect(page.getByTestId('measure-self')).toContainText('inner circle or key tier');

	// The picture: four people, three lines, a legend, and a list for screen readers.
	const map = page.locator('[data-network-map]');
	await expect(map.locator('a.node')).toHaveCount(4);
	await expect(map.locator('line.tie')).toHaveCount(3);
	await expect(map.getByRole('link', { name: /^Cat Novak, sponsors me/ })).toBeVisible();
	await page.getByText('The same picture as a list').click();
	await expect(page.locator('.as-list').getByRole('link', { name: 'Dan Reid' })).toBeVisible();

	// Keyboard on the map: one tab stop, arrows move between people, focus shows the name.
	await map.locator('a.node[tabindex="0"]').focus();
	await page.keyboard.press('ArrowRight');
	const focusedName = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
	expect(focusedName).toBeTruthy();
	await expect(map.locator('.tip text')).toHaveText(focusedName!.split(',')[0]!);
	await checkA11y(page);
});

test('logging a conversation takes the contact off the overdue list', async ({ page }) => {
	await openPeople(page);
	const id = await addPerson(page, 'Efua Okafor');
	await addPerson(page, 'Farid Haddad');
	await page.goto(`/people/${id}`);
	await page.getByLabel('Follow up on').fill('2024-01-15');
	await expect(page.getByText(/Next follow-up: .* overdue/)).toBeVisible();
	await waitForSaved(page);

	await openPeople(page);
	await page.getByLabel('Only overdue').check();
	await expect(page.getByTestId('people-list').getByRole('link')).toHaveCount(1);
	await expect(page.getByTestId('people-list')).toContainText('Efua Okafor');

	await page.goto(`/workbook/relate?contact=${id}`);
	await expect(page.getByTestId('meeting')).toHaveText('Efua Okafor');
	await page.getByLabel('What are they working on?').fill('A patient app launch');
	await page.getByLabel('What is hard for them right now?').fill('Hiring engineers');
	await page.getByLabel('What they offered or did for me').fill('Feedback on my proposal');
	await page.getByLabel('What I offered or did for them').fill('An intro to a recruiter');
	await page.getByRole('button', { name: 'Save conversation' }).click();
	await expect(page.getByText(/Saved\. Next follow-up with Efua Okafor/)).toBeVisible();
	await expect(page.getByText('An intro to a recruiter')).toBeVisible(); // an open offer
	await checkA11y(page);
	await waitForSaved(page);

	await openPeople(page);
	await page.getByLabel('Only overdue').check();
	await expect(page.getByText('Nobody is overdue.')).toBeVisible();

	// The offer can be delivered, and the prepare panel remembers what was learned.
	await page.goto(`/workbook/relate?contact=${id}`);
	await expect(page.locator('.prep').getByText('Hiring engineers', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: /^Delivered: An intro to a recruiter/ }).click();
	await expect(page.getByText('No open promises.')).toBeVisible();
});

test('a contact moves through the pipeline by keyboard, focus following the card', async ({
	page
}) => {
	await openPeople(page);
	await addPerson(page, 'Grace Kim');
	await page.goto('/workbook/champions');
	await expect(page.getByRole('heading', { name: 'No sponsor yet' })).toBeVisible();

	const forward = page.getByRole('button', { name: 'Move Grace Kim to ally' });
	await forward.focus();
	await page.keyboard.press('Enter');
	const allies = page.locator('[data-stage="ally"]');
	await expect(allies.locator('[data-card]')).toContainText('Grace Kim');
	// Focus stays on the card, now in the allies column, on its next move forward.
	await expect(page.getByRole('button', { name: 'Move Grace Kim to champion' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page.locator('[data-stage="champion"] [data-card]')).toContainText('Grace Kim');
	await expect(page.getByRole('button', { name: 'Move Grace Kim back to ally' })).toBeFocused();
	await page.getByLabel('What they advocate for you, and where').fill('Backs me at the board');

	// An ask, and its outcome.
	await pick(page, 'Whom', 'Grace Kim');
	await page.getByLabel('What you asked').fill('Put me forward for the Lisbon project');
	await page.getByRole('button', { name: 'Add ask' }).click();
	await page.getByLabel('Outcome of “Put me forward for the Lisbon project”').selectOption('yes');
	await checkA11y(page);

	// Back on her page the stage and the advocacy are there.
	await page.getByRole('link', { name: 'Grace Kim' }).first().click();
	await expect(page.getByRole('radio', { name: 'Champion' })).toBeChecked();
	await expect(page.getByLabel('What they advocate for you, and where')).toHaveValue(
		'Backs me at the board'
	);
});

test('search as you type and filter by role and circle', async ({ page }) => {
	await openPeople(page);
	const hiro = await addPerson(page, 'Hiro Nakamura');
	await addPerson(page, 'Inès Costa');
	await addPerson(page, 'Jonas Berg');
	await page.goto(`/people/${hiro}`);
	await page.getByLabel('Organisation').fill('Acme Health');
	await page.getByLabel('Mentors me').check();
	await page.getByRole('radio', { name: 'Inner circle' }).check();

	await openPeople(page);
	const list = page.getByTestId('people-list');
	await page.getByLabel('Search').fill('ines');
	await expect(list.getByRole('link')).toHaveCount(1);
	await expect(list).toContainText('Inès Costa');
	await page.getByLabel('Search').fill('acme');
	await expect(list).toContainText('Hiro Nakamura');
	await expect(list.getByRole('link')).toHaveCount(1);
	await page.getByRole('button', { name: 'Clear search and filters' }).click();
	await expect(list.getByRole('link')).toHaveCount(3);
	await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Mentors me' });
	await expect(list.getByRole('link')).toHaveCount(1);
	await page.getByLabel('Role', { exact: true }).selectOption('');
	await page.getByLabel('Circle', { exact: true }).selectOption({ label: 'Inner circle' });
	await expect(list.getByRole('link')).toHaveCount(1);
	await page.getByLabel('Search').fill('nobody like this');
	await expect(page.getByText('No one in your village matches that.')).toBeVisible();
	await checkA11y(page);
});

test('People paints the saved list while the workbook opens, and answers a search typed meanwhile', async ({
	page
}) => {
	await openPeople(page);
	for (const name of ['Ann Lee', 'Bo Chen', 'Cy Dunn']) await addPerson(page, name);
	const release = await holdWorkbookOpen(page);
	// Leaving the page saves the summary; the next load paints from it.
	await page.reload();
	const list = page.getByTestId('people-list');
	await expect(page.getByTestId('people-count')).toHaveText('3 people');
	await expect(list.getByRole('link')).toHaveText([/Ann Lee/, /Bo Chen/, /Cy Dunn/]);
	await expect(page.getByLabel('Add someone')).toBeDisabled();
	await checkA11y(page);
	await shoot(page, 'people-from-summary');
	await page.getByLabel('Search').fill('bo');
	await expect(page.getByTestId('people-count')).toHaveText('Opening your workbook…');
	await expect(list).toHaveCount(0);
	await release();
	await expect(page.getByTestId('people-count')).toHaveText('1 match');
	await expect(list.getByRole('link')).toHaveText([/Bo Chen/]);
	await expect(page.getByLabel('Add someone')).toBeEnabled();

	// Nothing saved (or something broken saved): it says it is opening, never "no one yet".
	await page.evaluate(() => localStorage.setItem('village:people', '{"v":1,"rows":['));
	await page.reload();
	await expect(
		page.getByRole('status').filter({ hasText: 'Opening your workbook…' })
	).toBeVisible();
	await expect(page.getByText('Your village starts with one name.')).toHaveCount(0);
	await release();
	await expect(page.getByTestId('people-count')).toHaveText('3 people');
});

test('an unknown person says so, and deleting someone takes their ties too', async ({ page }) => {
	await page.goto('/people/no-such-person');
	await expect(page.getByRole('heading', { name: 'We could not find that person' })).toBeVisible();
	await checkA11y(page);

	await openPeople(page);
	const kemi = await addPerson(page, 'Kemi Adeyemi');
	const liam = await addPerson(page, 'Liam Walsh');
	await page.goto(`/people/${kemi}`);
	await pick(page, 'Add someone they know', 'Liam Walsh');
	await expect(page.getByTestId('ties').getByRole('listitem')).toHaveCount(1);
	await page.getByRole('button', { name: 'Delete Kemi Adeyemi…' }).click();
	await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
	await expect(page).toHaveURL(/\/people$/);
	await expect(page.getByTestId('people-list').getByRole('link')).toHaveCount(1);
	await waitForSaved(page);
	await page.goto(`/people/${liam}`);
	await expect(page.getByText('No one marked yet.')).toBeVisible();
});

test('every screen on a lived-in workbook: axe and screenshots', async ({ page }) => {
	// Five screens, each scanned by axe and shot four times: slow on two busy cores.
	test.setTimeout(240_000);
	const update = buildWorkbookUpdate({
		contacts: 36,
		ties: 40,
		conversations: 70,
		asks: 6,
		targets: 2,
		offers: 4,
		seed: 7
	});
	await seedWorkbook(page, BASE_URL, update);

	await openPeople(page);
	await expect(page.getByTestId('people-count')).toContainText('36 people');
	await checkA11y(page);
	await shoot(page, 'people-list');

	const first = await page
		.getByTestId('people-list')
		.getByRole('link')
		.first()
		.getAttribute('href');
	await page.goto(first!);
	await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'people-detail');

	for (const step of ['map', 'relate', 'champions']) {
		await page.goto(`/workbook/${step}`);
		await expect(page.locator('h1')).toBeVisible();
		if (step === 'relate') {
			const picker = page.getByRole('combobox', { name: 'Who are you meeting?' });
			await picker.focus();
			await picker.press('ArrowDown');
			await picker.press('ArrowDown');
			await picker.press('Enter');
			await expect(page.getByTestId('meeting')).toBeVisible();
		}
		await checkA11y(page);
		await shoot(page, `step-${step}`);
	}
});

test('empty screens help the first step', async ({ page }) => {
	await openPeople(page);
	await checkA11y(page);
	await shoot(page, 'people-empty', { widths: [360], schemes: ['light'] });
	await page.goto('/workbook/map');
	await expect(page.getByText('Add a few contacts to see this.').first()).toBeVisible();
	await checkA11y(page);
	await shoot(page, 'step-map-empty', { widths: [1280], schemes: ['light', 'dark'] });
});

test('a half-written conversation log survives leaving the page, and goes once saved', async ({
	page
}) => {
	await openPeople(page);
	const id = await addPerson(page, 'Kemi Adeyemi');
	await page.goto(`/workbook/relate?contact=${id}`);
	await page.getByLabel('What are they working on?').fill('A data platform migration');
	await page.getByLabel('What I offered or did for them').fill('An intro to our DBA');

	await page.goto('/people');
	await page.goto('/workbook/relate');
	await expect(page.getByTestId('meeting')).toHaveText('Kemi Adeyemi');
	await expect(page.getByLabel('What are they working on?')).toHaveValue(
		'A data platform migration'
	);
	await page.reload();
	await expect(page.getByLabel('What I offered or did for them')).toHaveValue(
		'An intro to our DBA'
	);

	await page.getByRole('button', { name: 'Save conversation' }).click();
	await expect(page.getByText(/Saved\. Next follow-up with Kemi Adeyemi/)).toBeVisible();
	await waitForSaved(page);
	// Saved, so no draft: the step opens with no one chosen, and an empty form for Kemi.
	await page.goto('/workbook/relate');
	await expect(page.getByTestId('meeting')).toHaveCount(0);
	await page.goto(`/workbook/relate?contact=${id}`);
	await expect(page.getByLabel('What are they working on?')).toHaveValue('');

	// A broken draft is ignored, not a crash.
	await page.evaluate(() => localStorage.setItem('village:draft:relate-log', '{"contactId":'));
	await page.reload();
	await expect(page.getByLabel('What are they working on?')).toHaveValue('');
});
