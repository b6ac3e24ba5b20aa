#!/usr/bin/env node
// @ts-check
/**
 * `npm test`: every test this project has, in order, then one total line.
 *
 *   1. Vitest unit tests (`vitest run`);
 *   2. `vite build` (always, so the browser tests test the current code);
 *   3. Playwright browser tests inside a loopback-only network namespace (`unshare -n`).
 *
 * Each runner also writes a JSON report under tests/output/; the exact counts come from those.
 * The last line is `N passed, M failed` summed over all runners. A runner that crashes, a build
 * that fails or a runner that ran zero tests counts as one failure and makes the exit code 1.
 *
 * Usage: node tests/run.js [--unit-only | --e2e-only] [--no-build] [-- <playwright args>]
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH } from './e2e/support/chromium.js';
import { inNetns, unsharePrefix, NETNS_ENV, UNSHARE_HELP } from './e2e/support/netns.js';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(repo, 'tests', 'output');
const VITEST_JSON = path.join(out, 'vitest.json');
const PLAYWRIGHT_JSON = path.join(out, 'playwright.json');

/**
 * @typedef {object} Result
 * @property {string} runner
 * @property {number} passed
 * @property {number} failed
 * @property {string[]} summary the runner's own summary lines (or ours, if it printed none)
 */

const USAGE =
	'usage: node tests/run.js [--unit-only | --e2e-only] [--no-build] [-- <playwright args>]';

function parseArgs() {
	const argv = process.argv.slice(2);
	const dashdash = argv.indexOf('--');
	const own = dashdash === -1 ? argv : argv.slice(0, dashdash);
	const extra = dashdash === -1 ? [] : argv.slice(dashdash + 1);
	const flags = new Set(own);
	for (const flag of flags) {
		if (!['--unit-only', '--e2e-only', '--no-build', '--help', '-h'].includes(flag)) {
			console.error(`tests/run.js: unknown argument ${flag}\n${USAGE}`);
			process.exit(2);
		}
	}
	if (flags.has('--help') || flags.has('-h')) {
		console.log(USAGE);
		process.exit(0);
	}
	if (flags.has('--unit-only') && flags.has('--e2e-only')) {
		console.error('tests/run.js: --unit-only and --e2e-only exclude each other');
		process.exit(2);
	}
	return {
		unit: !flags.has('--e2e-only'),
		e2e: !flags.has('--unit-only'),
		build: !flags.has('--no-build'),
		extra
	};
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

let interrupted = false;
for (const sig of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) {
	// The children get the same signal from the terminal; wait for them, then stop.
	process.on(sig, () => {
		interrupted = true;
	});
}

/**
 * Runs a command with its output shown live and also kept, for the summary.
 * @param {string} title
 * @param {string} cmd
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, lines: string[] }>}
 */
function run(title, cmd, args, env = {}) {
	console.log(`\n━━ ${title} ━━`);
	return new Promise((resolve) => {
		const child = spawn(cmd, args, {
			cwd: repo,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
				...env
			}
		});
		/** @type {string[]} */
		const chunks = [];
		child.stdout.on('data', (d) => {
			process.stdout.write(d);
			chunks.push(String(d));
		});
		child.stderr.on('data', (d) => {
			process.stderr.write(d);
			chunks.push(String(d));
		});
		child.on('error', (err) => {
			console.error(`${title}: could not start ${cmd}: ${err.message}`);
			resolve({ code: 127, signal: null, lines: [] });
		});
		child.on('close', (code, signal) =>
			resolve({ code, signal, lines: chunks.join('').replace(ANSI, '').split(/\r?\n/) })
		);
	});
}

/** @param {string} file */
function readJson(file) {
	try {
		return JSON.parse(readFileSync(file, 'utf8'));
	} catch {
		return null;
	}
}

/**
 * @param {string} runner
 * @param {string} why
 * @returns {Result}
 */
function crashed(runner, why) {
	return { runner, passed: 0, failed: 1, summary: [`${runner}: ${why} (counted as 1 failure)`] };
}

/** @returns {Promise<Result>} */
async function unitTests() {
	rmSync(VITEST_JSON, { force: true });
	const vitest = path.join(repo, 'node_modules', 'vitest', 'vitest.mjs');
	const { code, signal, lines } = await run('Unit tests (Vitest)', process.execPath, [
		vitest,
		'run',
		'--reporter=default',
		'--reporter=json',
		`--outputFile.json=${path.relative(repo, VITEST_JSON)}`
	]);
	const report = readJson(VITEST_JSON);
	if (!report) {
		return crashed('Vitest', `no report (${signal ? `signal ${signal}` : `exit code ${code}`})`);
	}
	/** @type {Array<{ status: string, message?: string, assertionResults?: Array<{ status: string }> }>} */
	const files = report.testResults ?? [];
	// A file that fails to load has no failed tests of its own: count it as one failure.
	const brokenFiles = files.filter(
		(f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')
	).length;
	const passed = Number(report.numPassedTests ?? 0);
	const failed = Number(report.numFailedTests ?? 0) + brokenFiles;
	const summary = lines
		.filter((l) => /^\s*(Test Files|Tests|Errors)\s+\S/.test(l))
		.map((l) => `Vitest: ${l.trim()}`);
	if (summary.length === 0) summary.push(`Vitest: ${passed} passed, ${failed} failed`);
	/** @type {Result} */
	const result = { runner: 'Vitest', passed, failed, summary };
	if (passed + failed === 0) {
		result.failed = 1;
		result.summary.push('Vitest: ran zero tests (counted as 1 failure)');
	} else if (code !== 0 && failed === 0) {
		result.failed = 1;
		result.summary.push(`Vitest: exited with code ${code} (counted as 1 failure)`);
	}
	return result;
}

/** @returns {Promise<Result | null>} null when the build succeeded */
async function build() {
	const vite = path.join(repo, 'node_modules', 'vite', 'bin', 'vite.js');
	const { code, signal } = await run('Build (vite build)', process.execPath, [vite, 'build']);
	if (code === 0) return null;
	return crashed(
		'Build',
		`vite build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`
	);
}

/**
 * Makes sure Chromium exists, installing Debian's package as root on Debian.
 * @returns {boolean} false (after saying how to get it) when there is no Chromium
 */
function ensureChromium() {
	if (existsSync(CHROMIUM_PATH)) return true;
	const isRoot = process.getuid?.() === 0;
	if (!process.env.CHROMIUM_PATH && isRoot && existsSync('/etc/debian_version')) {
		console.log(`\n━━ ${CHROMIUM_PATH} is missing: installing Debian's chromium ━━`);
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update'], ['install', '-y', 'chromium']]) {
			const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
			if (r.status !== 0) {
				console.error(`apt-get ${args.join(' ')} failed (exit code ${r.status}).`);
				return false;
			}
		}
		if (existsSync(CHROMIUM_PATH)) return true;
	}
	console.error(
		[
			`Chromium not found at ${CHROMIUM_PATH}.`,
			'The browser tests use a system Chromium (never `npx playwright install`):',
			'  Debian/Ubuntu:  sudo apt-get install -y chromium',
			'  elsewhere:      install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome'
		].join('\n')
	);
	return false;
}

/**
 * The relay's unit tests start a loopback `redis-server` (persistence off); install Debian's
 * package as root on Debian when it is missing, as for Chromium.
 */
function ensureRedis() {
	const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
	if (!found.error) return;
	if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
		console.log("\n━━ redis-server is missing: installing Debian's redis-server ━━");
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		for (const args of [['update'], ['install', '-y', 'redis-server']]) {
			if (spawnSync('apt-get', args, { stdio: 'inherit', env }).status !== 0) break;
		}
		return;
	}
	console.error(
		'redis-server not found (the relay tests need it): sudo apt-get install -y redis-server'
	);
}

/**
 * @param {string[]} extra arguments for `playwright test`
 * @returns {Promise<Result>}
 */
async function browserTests(extra) {
	const prefix = unsharePrefix();
	if (!prefix) {
		console.error(`\n${UNSHARE_HELP}`);
		return crashed('Playwright', 'no loopback-only network namespace, browser tests NOT run');
	}
	rmSync(PLAYWRIGHT_JSON, { force: true });
	const cli = path.join(repo, 'node_modules', '@playwright', 'test', 'cli.js');
	const [cmd, args] = inNetns(prefix, process.execPath, [
		cli,
		'test',
		'-c',
		'tests/e2e/playwright.config.ts',
		...extra
	]);
	const { code, signal, lines } = await run(
		`Browser tests (Playwright, in a loopback-only namespace: ${prefix.join(' ')})`,
		cmd,
		args,
		{ CHROMIUM_PATH, [NETNS_ENV]: '1' }
	);
	const report = readJson(PLAYWRIGHT_JSON);
	if (!report?.stats) {
		return crashed(
			'Playwright',
			`no report (${signal ? `signal ${signal}` : `exit code ${code}`})`
		);
	}
	const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
	const errors = Array.isArray(report.errors) ? report.errors.length : 0;
	const passed = expected + flaky;
	const failed = unexpected + (unexpected === 0 && errors > 0 ? 1 : 0);
	const summary = lines
		.filter((l) => /^\s+\d+ (passed|failed|flaky|skipped|interrupted|did not run)\b/.test(l))
		.map((l) => `Playwright: ${l.trim()}`);
	if (summary.length === 0) summary.push(`Playwright: ${passed} passed, ${failed} failed`);
	/** @type {Result} */
	const result = { runner: 'Playwright', passed, failed, summary };
	if (errors > 0) {
		const first = String(report.errors[0]?.message ?? '')
			.replace(ANSI, '')
			.split('\n')[0];
		result.summary.push(`Playwright: ${errors} error(s) outside tests, first: ${first}`);
	}
	if (passed + failed === 0) {
		result.failed = 1;
		result.summary.push('Playwright: ran zero tests (counted as 1 failure)');
	} else if (code !== 0 && failed === 0) {
		result.failed = 1;
		result.summary.push(`Playwright: exited with code ${code} (counted as 1 failure)`);
	}
	return result;
}

/**
 * @param {{ build: boolean, extra: string[] }} options
 * @returns {Promise<Result[]>}
 */
async function buildAndBrowserTests(options) {
	const failedBuild = options.build ? await build() : null;
	if (failedBuild) {
		return [
			failedBuild,
			{
				runner: 'Playwright',
				passed: 0,
				failed: 0,
				summary: ['Playwright: not run, because the build failed']
			}
		];
	}
	return interrupted ? [] : [await browserTests(options.extra)];
}

async function main() {
	const options = parseArgs();
	mkdirSync(out, { recursive: true });
	/** @type {Result[]} */
	const results = [];

	if (options.unit) ensureRedis();
	if (options.unit) results.push(await unitTests());
	if (options.e2e && !interrupted) {
		if (!ensureChromium()) {
			results.push(crashed('Playwright', `no Chromium at ${CHROMIUM_PATH}, browser tests NOT run`));
		} else {
			results.push(...(await buildAndBrowserTests(options)));
		}
	}

	const passed = results.reduce((n, r) => n + r.passed, 0);
	const failed = results.reduce((n, r) => n + r.failed, 0) + (interrupted ? 1 : 0);
	console.log('\n━━ Summary ━━');
	for (const r of results) for (const line of r.summary) console.log(line);
	if (interrupted) console.log('Interrupted (counted as 1 failure)');
	console.log(`${passed} passed, ${failed} failed`);
	process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((err) => {
	console.error(err);
	console.log('0 passed, 1 failed');
	process.exit(1);
});
