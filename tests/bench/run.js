#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: measures the built app in Chromium and prints a table
 * (name | value | unit | target | ok?). `npm run bench -- --json` prints only a JSON array of
 * `{ name, value, unit, target?, better?, ok? }` on stdout (progress goes to stderr).
 *
 * Options: --build (rebuild even if build/ exists), --json, --verbose, --strict (exit 1 when a
 * target is missed), and case names (substrings) to run only those.
 *
 * Runs inside a loopback-only network namespace like the browser tests: re-executes itself under
 * `unshare -n` unless VILLAGE_NETNS=1 says it already is (and then checks that it really is).
 * Add a benchmark by dropping a module into tests/bench/cases/ (see lib/harness.js).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from '../../src/server/static.js';
import { launchBrowser, launchPersistent } from '../e2e/support/chromium.js';
import {
	inNetns,
	interfaceNames,
	isLoopbackOnly,
	NETNS_ENV,
	UNSHARE_HELP,
	unsharePrefix
} from '../e2e/support/netns.js';
import { loadCases, runCases } from './lib/harness.js';
import { formatTable } from './lib/table.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const buildDir = path.join(repoRoot, 'build');
const USAGE = 'usage: npm run bench [-- [--json] [--build] [--verbose] [--strict] [case …]]';

function parseArgs() {
	const args = process.argv.slice(2);
	const flags = new Set(args.filter((a) => a.startsWith('-')));
	for (const f of flags) {
		if (!['--json', '--build', '--verbose', '--strict', '--help', '-h'].includes(f)) {
			console.error(`bench: unknown option ${f}\n${USAGE}`);
			process.exit(2);
		}
	}
	if (flags.has('--help') || flags.has('-h')) {
		console.log(USAGE);
		process.exit(0);
	}
	return {
		json: flags.has('--json'),
		build: flags.has('--build'),
		verbose: flags.has('--verbose'),
		strict: flags.has('--strict'),
		filters: args.filter((a) => !a.startsWith('-'))
	};
}

/** @param {unknown[]} args */
const log = (...args) => console.error(...args);

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, stdio?: import('node:child_process').StdioOptions }} [options]
 * @returns {Promise<number>}
 */
function runChild(cmd, args, { env = process.env, stdio = 'inherit' } = {}) {
	return new Promise((resolve) => {
		const child = spawn(cmd, args, { cwd: repoRoot, env, stdio });
		const forward = (/** @type {NodeJS.Signals} */ sig) => child.kill(sig);
		process.on('SIGTERM', forward);
		child.on('error', (err) => {
			log(`bench: could not start ${cmd}: ${err.message}`);
			resolve(127);
		});
		child.on('exit', (code, signal) => {
			process.off('SIGTERM', forward);
			resolve(code ?? (signal ? 128 : 1));
		});
	});
}

async function main() {
	const options = parseArgs();

	if (process.env[NETNS_ENV] !== '1') {
		const prefix = unsharePrefix();
		if (!prefix) {
			log(UNSHARE_HELP);
			process.exit(1);
		}
		const [cmd, args] = inNetns(prefix, process.execPath, [
			fileURLToPath(import.meta.url),
			...process.argv.slice(2)
		]);
		process.on('SIGINT', () => {}); // the child gets it from the terminal and cleans up
		process.exit(await runChild(cmd, args, { env: { ...process.env, [NETNS_ENV]: '1' } }));
	}
	if (!isLoopbackOnly()) {
		log(`bench: ${NETNS_ENV}=1 but the interfaces are ${interfaceNames().join(', ')}; refusing.`);
		process.exit(1);
	}

	if (options.build || !existsSync(path.join(buildDir, 'index.html'))) {
		log('bench: building the app (vite build)…');
		const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
		// Build output goes to stderr so that stdout holds only the results.
		const code = await runChild(process.execPath, [vite, 'build'], { stdio: ['ignore', 2, 2] });
		if (code !== 0) {
			log(`bench: vite build failed (exit code ${code})`);
			process.exit(1);
		}
	}

	const cases = await loadCases(options.filters);
	if (cases.length === 0) {
		log(`bench: no case matches ${options.filters.join(', ') || '(none in tests/bench/cases/)'}`);
		process.exit(1);
	}

	const server = await startStaticServer({ root: buildDir, host: '127.0.0.1', port: 0 });
	const browser = await launchBrowser();
	let rows;
	try {
		rows = await runCases(cases, {
			baseUrl: server.url,
			browser,
			launchPersistent: (profileDir, opts = {}) =>
				launchPersistent(profileDir, { baseURL: server.url, ...opts }),
			buildDir,
			repoRoot,
			verbose: options.verbose,
			log
		});
	} finally {
		await browser.close().catch(() => {});
		await server.close();
	}

	// Every run also leaves its figures as JSON, for tools (npm prints its own banner on stdout
	// before any script's output unless run with -s).
	mkdirSync(path.join(repoRoot, 'tests', 'output'), { recursive: true });
	writeFileSync(
		path.join(repoRoot, 'tests', 'output', 'bench.json'),
		JSON.stringify(rows, null, 2)
	);
	if (options.json) {
		process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
	} else {
		console.log(formatTable(rows));
	}
	const failed = rows.some((r) => r.error);
	const missed = rows.some((r) => r.ok === false && !r.error);
	process.exitCode = failed || (options.strict && missed) ? 1 : 0;
}

main().catch((err) => {
	log(err);
	process.exit(1);
});
