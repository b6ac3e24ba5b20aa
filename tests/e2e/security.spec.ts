/**
 * Defence in depth, in a real browser: the app runs under its Content-Security-Policy with not
 * one violation on any screen (printing and offline included), text that looks like script is
 * shown as text and never runs, the built page's policy allows exactly its inline scripts, and
 * WebRTC data channels still connect on loopback under the Permissions-Policy.
 */
import { createHash } from 'node:crypto';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { STEP_IDS } from '../../src/lib/model/stepIds';
import { buildWorkbookUpdate, seedWorkbook } from '../bench/lib/big-workbook';
import { launchPersistent, startApp, waitForServiceWorker, watchPolicies } from './support';

/**
 * Every screen the policy walk visits. A new screen: add its path here (`{person}` becomes a
 * person's id). The walk loads each cold, prints it, and fails on any refused script, style,
 * image, connection or worker.
 */
const SCREENS = [
	'/',
	'/workbook',
	...STEP_IDS.map((id) => `/workbook/${id}`),
	'/people',
	'/people/{person}',
	'/settings',
	'/sheet',
	'/transfer',
	'/partner',
	'/partner/join',
	'/device',
	'/review',
	'/no-such-page'
];

/**
 * Screens also printed to PDF (slow: seconds each). Every screen is laid out for print, which is
 * what loads print styles; the PDF proves real printing on the screen people print.
 */
const PRINTED = new Set(['/people/{person}', '/sheet']);

/** Waits for the screen a user would see: its main heading. */
async function screenShown(page: Page) {
	await expect(page.locator('main h1').first()).toBeVisible();
}

test('no screen, print or offline start breaks the Content-Security-Policy', async () => {
	test.setTimeout(90_000);
	const app = await startApp();
	const context = await launchPersistent(undefined, { baseURL: app.url });
	try {
		const watch = await watchPolicies(context);
		const page = context.pages()[0] ?? (await context.newPage());
		// A workbook with every answer, people, ties, conversations and asks: every part of every
		// screen has something to draw (bars, swatches, the map, the announcer).
		await seedWorkbook(
			page,
			app.url,
			buildWorkbookUpdate({
				contacts: 40,
				ties: 30,
				conversations: 60,
				asks: 10,
				targets: 3,
				offers: 5,
				answers: true
			})
		);
		await page.goto('/people');
		await screenShown(page);
		const href = await page
			.getByTestId('people-list')
			.getByRole('link')
			.first()
			.getAttribute('href');
		const person = href!.split('/').pop()!;
		await waitForServiceWorker(page);

		for (const screen of SCREENS) {
			await test.step(screen, async () => {
				await page.goto(screen.replace('{person}', person));
				await screenShown(page);
				await page.emulateMedia({ media: 'print' });
				await screenShown(page);
				if (PRINTED.has(screen)) {
					const pdf = await page.pdf({ format: 'A4' });
					expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
				}
				await page.emulateMedia({ media: 'screen' });
				expect(watch.problems()).toEqual([]);
			});
		}

		// Moving between screens inside the app (the route announcer speaks, views mount).
		await page.goto('/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const link of await nav.getByRole('link').all()) {
			await link.click();
			await screenShown(page);
		}
		await page.getByRole('link', { name: 'Village home' }).click();
		await screenShown(page);

		// Offline, the server gone: the service worker serves the app, under the same policy.
		await app.stop();
		await context.setOffline(true);
		const offline = await page.goto(`/people/${person}`);
		await screenShown(page);
		expect(offline?.headers()['content-security-policy']).toContain("script-src 'self'");
		await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);

		expect(watch.problems()).toEqual([]);
	} finally {
		await context.close();
		await app.close();
	}
});

/** Text that would run if any of it were ever treated as markup or a link. */
const HOSTILE = {
	name: `<img src=x onerror="window.__pwned='name';alert('name')">Eve`,
	org: `</script><script>window.__pwned='org';alert('org')</script>`,
	notes: `</textarea><script>window.__pwned='notes'</script><svg onload="window.__pwned='svg'"></svg>`,
	links: [
		`javascript:window.__pwned='link';alert('link')`,
		`JaVaScRiPt:alert('case')`,
		`java\tscript:alert('tab')`,
		`data:text/html,<script>alert('data')</script>`,
		`vbscript:msgbox('vb')`,
		`https://example.com/ok`
	],
	emails: [`eve@example.com?bcc=boss@example.com&body=<script>alert(1)</script>`, `eve@example.com`]
};

async function expectNothingRan(page: Page, dialogs: string[]) {
	expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
	expect(dialogs).toEqual([]);
	await expect(page.locator('img[src="x"], svg[onload], [onerror], [onload]')).toHaveCount(0);
	// The only inline scripts are the page's own two (theme, start-up), allowed by their hash.
	await expect(page.locator('script:not([src])')).toHaveCount(2);
	await expect(
		page.locator('a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i]')
	).toHaveCount(0);
}

test('script-looking text in a name, a note and links is shown as text and never runs', async ({
	page,
	context
}) => {
	const dialogs: string[] = [];
	context.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	const watch = await watchPolicies(context);

	await page.goto('/people');
	await page.getByLabel('Add someone').fill(HOSTILE.name);
	await page.getByLabel('Add someone').press('Enter');
	const added = page.getByRole('status').getByRole('link', { name: HOSTILE.name });
	await expect(added).toHaveText(HOSTILE.name);
	await added.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE.name);

	await page.getByLabel('Organisation').fill(HOSTILE.org);
	await page.getByLabel('Organisation').blur();
	await page.getByRole('textbox', { name: 'Notes' }).fill(HOSTILE.notes);
	await page.getByRole('textbox', { name: 'Notes' }).blur();
	await page.getByLabel('Links').fill(HOSTILE.links.join('\n'));
	await page.getByLabel('Links').blur();
	await page.getByLabel('Email addresses').fill(HOSTILE.emails.join('\n'));
	await page.getByLabel('Email addresses').blur();

	// Of six links and two addresses, only the web page and the plain address become links.
	const quick = page.locator('.quick').getByRole('link');
	await expect(quick).toHaveCount(2);
	await expect(quick.nth(0)).toHaveAttribute('href', 'mailto:eve@example.com');
	await expect(quick.nth(1)).toHaveAttribute('href', 'https://example.com/ok');
	await expect(quick.nth(1)).toHaveText('example.com/ok');
	await expectNothingRan(page, dialogs);

	// Everywhere the person shows up, from a cold start: as text.
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(HOSTILE.name);
	await expect(page.getByLabel('Organisation')).toHaveValue(HOSTILE.org);
	await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(HOSTILE.notes);
	await expectNothingRan(page, dialogs);
	for (const screen of ['/people', '/workbook/map', '/workbook/champions', '/']) {
		await page.goto(screen);
		await expect(page.locator('main h1').first()).toBeVisible();
		if (screen !== '/') await expect(page.getByText(HOSTILE.name).first()).toBeVisible();
		await expectNothingRan(page, dialogs);
	}
	// A hostile address typed into the location bar.
	await page.goto(`/people/${encodeURIComponent(`<img src=x onerror="alert('url')">`)}`);
	await expect(page.getByRole('heading', { name: 'We could not find that person' })).toBeVisible();
	await expectNothingRan(page, dialogs);
	expect(watch.problems()).toEqual([]);
});

test("the built page's policy allows exactly its inline scripts, and the header adds framing", async ({
	request
}) => {
	for (const url of ['/', '/people/someone', '/workbook/goal']) {
		const res = await request.get(url);
		const html = await res.text();
		const meta = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];
		expect(meta, `${url} has a CSP meta tag`).toBeDefined();
		const scriptSrc = /(?:^|; )script-src ([^;]*)/.exec(meta!)?.[1]?.split(' ') ?? [];
		const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
			(m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`
		);
		expect(inline.length).toBe(2); // the theme script and SvelteKit's start-up
		expect([...scriptSrc].sort()).toEqual(["'self'", ...inline].sort());
		expect(meta).not.toMatch(/unsafe-inline|unsafe-eval|frame-ancestors/);
		expect(res.headers()['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
		expect(res.headers()['referrer-policy']).toBe('no-referrer');
		expect(res.headers()['cross-origin-opener-policy']).toBe('same-origin');
		expect(res.headers()['permissions-policy']).toContain('camera=()');
	}
	for (const url of ['/sw.js', '/manifest.webmanifest']) {
		const res = await request.get(url);
		expect(res.headers()['content-security-policy']).toContain("worker-src 'self'");
		expect(res.headers()['x-content-type-options']).toBe('nosniff');
	}
});

/**
 * Two browsers on the app's pages (Permissions-Policy camera=(), microphone=() in force) open a
 * WebRTC data channel over loopback and pass a message, as partner sync will. Returns how many
 * ICE candidates the offer carried, what arrived, and whether the page may use the camera.
 */
async function dataChannelOverLoopback(a: BrowserContext, b: BrowserContext) {
	const pa = a.pages()[0] ?? (await a.newPage());
	const pb = b.pages()[0] ?? (await b.newPage());
	await pa.goto('/settings');
	await pb.goto('/settings');
	const cameraAllowed = await pa.evaluate(() =>
		(
			document as unknown as { featurePolicy?: { allowsFeature(f: string): boolean } }
		).featurePolicy?.allowsFeature('camera')
	);
	const offer = await pa.evaluate(async () => {
		const pc = new RTCPeerConnection({ iceServers: [] });
		const channel = pc.createDataChannel('village');
		const received = new Promise((done) => (channel.onmessage = (e) => done(e.data)));
		Object.assign(window, { pc, received });
		await pc.setLocalDescription(await pc.createOffer());
		// The first candidate is enough on loopback (waiting for 'complete' takes seconds).
		await new Promise<void>((done) => {
			pc.addEventListener('icecandidate', (e) => e.candidate && done());
			pc.addEventListener('icegatheringstatechange', () => {
				if (pc.iceGatheringState === 'complete') done();
			});
		});
		return pc.localDescription!.toJSON();
	});
	const candidates = (offer.sdp?.match(/^a=candidate:/gm) ?? []).length;
	if (candidates === 0) return { candidates, received: null, cameraAllowed };
	const answer = await pb.evaluate(async (offer) => {
		const pc = new RTCPeerConnection({ iceServers: [] });
		pc.ondatachannel = (e) => (e.channel.onopen = () => e.channel.send('hello from B'));
		await pc.setRemoteDescription(offer);
		await pc.setLocalDescription(await pc.createAnswer());
		// The first candidate is enough on loopback (waiting for 'complete' takes seconds).
		await new Promise<void>((done) => {
			pc.addEventListener('icecandidate', (e) => e.candidate && done());
			pc.addEventListener('icegatheringstatechange', () => {
				if (pc.iceGatheringState === 'complete') done();
			});
		});
		return pc.localDescription!.toJSON();
	}, offer);
	const received = await pa.evaluate(async (answer) => {
		const w = window as unknown as { pc: RTCPeerConnection; received: Promise<string> };
		await w.pc.setRemoteDescription(answer);
		return w.received;
	}, answer);
	return { candidates, received, cameraAllowed };
}

test('WebRTC data channels connect on loopback under the Permissions-Policy, with the media grant', async () => {
	test.setTimeout(60_000);
	const a = await launchPersistent();
	const b = await launchPersistent();
	try {
		const watch = await watchPolicies(a);
		// launchPersistent grants camera and microphone (MEDIA_PERMISSIONS): with that grant,
		// loopback ICE works, and the page still may not use the camera.
		const result = await dataChannelOverLoopback(a, b);
		expect(result).toEqual({
			candidates: expect.any(Number),
			received: 'hello from B',
			cameraAllowed: false
		});
		expect(result.candidates).toBeGreaterThan(0);
		expect(watch.problems()).toEqual([]);
	} finally {
		await Promise.all([a.close(), b.close()]);
	}
});
