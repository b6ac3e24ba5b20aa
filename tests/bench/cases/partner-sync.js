// @ts-check
/**
 * Partner sync over real WebRTC between two Chromiums (separate browsers, loopback-only
 * namespace), with the project's signaling server on 127.0.0.1:4444 (the app's default):
 *
 * - join → first sync: from clicking Join on the invited browser to the inviter's shared
 *   commitment showing there;
 * - edit → arrival: a check-in sent on one browser until it shows on the other (median of
 *   EDITS; both browsers share this machine's clock). Target < 100 ms;
 * - bytes sent over the data channels by the editing browser for 100 edits (ticking a shared
 *   commitment on and off), counted by wrapping RTCDataChannel.send.
 */
import { startSignalingServer } from '../../../src/server/signaling.js';
import { median } from '../lib/workbook-seed.js';

const EDITS = 21;
const COMMITMENT = 'Book the quarterly coffee with the design guild';

function countBytes() {
	const w = /** @type {any} */ (window);
	w.__bytesSent = 0;
	const send = RTCDataChannel.prototype.send;
	RTCDataChannel.prototype.send = function (/** @type {any} */ data) {
		w.__bytesSent += data.byteLength ?? data.size ?? data.length ?? 0;
		return send.call(this, data);
	};
}

function watchArrivals() {
	const w = /** @type {any} */ (window);
	w.__arrivals = {};
	new MutationObserver(() => {
		const list = document.querySelector('[data-testid="checkins"]');
		if (!list) return;
		for (const dd of list.querySelectorAll('dd')) {
			const t = dd.textContent ?? '';
			if (t.startsWith('edit ') && !(t in w.__arrivals))
				w.__arrivals[t] = performance.timeOrigin + performance.now();
		}
	}).observe(document, { subtree: true, childList: true, characterData: true });
}

export default {
	name: 'partner-sync',
	/** @param {import('../lib/harness.js').BenchContext} ctx */
	async run({ launchPersistent, baseUrl, log }) {
		const signaling = await startSignalingServer({ host: '127.0.0.1', port: 4444 });
		const a = await launchPersistent();
		const b = await launchPersistent();
		try {
			await a.addInitScript(countBytes);
			await b.addInitScript(watchArrivals);
			const pa = await a.newPage();
			const pb = await b.newPage();

			await pa.goto(`${baseUrl}/workbook/plan`);
			await pa.getByLabel('New action').fill(COMMITMENT);
			await pa.getByLabel('New action').press('Enter');
			await pa.goto(`${baseUrl}/partner`);
			await pa.getByLabel('Your name, as your partner will see it').fill('Alex');
			await pa.getByRole('button', { name: 'Invite a partner' }).click();
			const link = await pa.getByTestId('invite-link').inputValue();
			await pa.goto(`${baseUrl}/workbook/plan`);
			await pa.getByLabel(`Share with partner: ${COMMITMENT}`).check();
			await pa.goto(`${baseUrl}/partner`);
			await pa.getByTestId('my-commitments').waitFor();

			await pb.goto(link.replace(/^http:\/\/[^/]+/, baseUrl));
			await pb.getByLabel(/Your name, as .* will see it/).fill('Sam');
			const t0 = await pb.evaluate(() => performance.now());
			await pb.getByRole('button', { name: 'Join' }).click();
			const t1 = /** @type {number} */ (
				await (
					await pb.waitForFunction(
						(text) =>
							document
								.querySelector('[data-testid="partner-commitments"]')
								?.textContent?.includes(text)
								? performance.now()
								: false,
						COMMITMENT,
						{ polling: 'raf', timeout: 30_000 }
					)
				).jsonValue()
			);
			const firstSync = t1 - t0;
			log(`  join → first sync ${firstSync.toFixed(0)} ms`);

			/** @type {number[]} */
			const latencies = [];
			for (let i = 0; i < EDITS; i++) {
				const text = `edit ${i} ${Math.random().toString(36).slice(2, 8)}`;
				const sentAt = await pa.evaluate(async (t) => {
					const did = /** @type {HTMLTextAreaElement} */ (document.getElementById('ci-did'));
					did.value = t;
					did.dispatchEvent(new Event('input', { bubbles: true }));
					await new Promise((r) => requestAnimationFrame(r));
					const at = performance.timeOrigin + performance.now();
					did.form?.requestSubmit();
					return at;
				}, text);
				const arrived = /** @type {number} */ (
					await (
						await pb.waitForFunction(
							(t) => /** @type {any} */ (window).__arrivals[t] ?? false,
							text,
							{
								polling: 'raf',
								timeout: 10_000
							}
						)
					).jsonValue()
				);
				latencies.push(arrived - sentAt);
			}
			const edit = median(latencies);
			log(`  edit → arrival median ${edit.toFixed(1)} ms of ${latencies.length}`);

			const before = await pa.evaluate(() => /** @type {any} */ (window).__bytesSent);
			const box = pa.getByTestId('my-commitments').getByRole('checkbox');
			for (let i = 0; i < 100; i++) await box.click();
			// 100 clicks from unticked: it ends unticked; wait until B agrees and A is quiet.
			await pb
				.getByTestId('partner-commitments')
				.getByRole('checkbox')
				.and(pb.locator(':not(:checked)'))
				.waitFor();
			const bytes = (await pa.evaluate(() => /** @type {any} */ (window).__bytesSent)) - before;
			return [
				{
					name: 'partner: join → first sync',
					value: Math.round(firstSync),
					unit: 'ms',
					better: 'lower'
				},
				{
					name: `partner: edit → arrival on the other browser (median of ${EDITS})`,
					value: Math.round(edit * 10) / 10,
					unit: 'ms',
					target: 100,
					better: 'lower'
				},
				{ name: 'partner: bytes sent for 100 edits', value: bytes, unit: 'B', better: 'lower' }
			];
		} finally {
			await Promise.all([a.close(), b.close()]);
			await signaling.close();
		}
	}
};
