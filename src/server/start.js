// @ts-check
/**
 * `npm start`: builds the app (`vite build`), then serves `build/` on 127.0.0.1:4173 and runs the
 * signaling server on 127.0.0.1:4444 and the relay on 127.0.0.1:4445 (relay.js). `HOST` changes
 * the bind address of all; `PORT`, `SIGNAL_PORT` and `RELAY_PORT` change the ports. Ctrl-C
 * (SIGINT) or SIGTERM stops them.
 *
 * `npm start -- --no-build` skips the build and serves the existing `build/`.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRelayServer } from './relay.js';
import { startSignalingServer } from './signaling.js';
import { startStaticServer } from './static.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Path of vite's own CLI, so the build runs as `node …/vite.js build` without npx. */
export function viteBin() {
	const require = createRequire(import.meta.url);
	return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

/**
 * Runs `vite build` in the repository as a child process, its output shown as it comes.
 * @param {{ stdio?: import('node:child_process').StdioOptions }} [options]
 * @returns {Promise<void>} rejects when the build fails
 */
export function viteBuild({ stdio = 'inherit' } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [viteBin(), 'build'], { cwd: repo, stdio });
		child.on('error', reject);
		child.on('exit', (code, signal) =>
			code === 0
				? resolve()
				: reject(
						new Error(`vite build failed (${signal ? `signal ${signal}` : `exit code ${code}`})`)
					)
		);
	});
}

async function main() {
	const args = process.argv.slice(2);
	const host = process.env.HOST ?? '127.0.0.1';
	if (!args.includes('--no-build')) {
		console.log('Building the app (vite build)…');
		await viteBuild();
	}
	const web = await startStaticServer({
		root: path.join(repo, 'build'),
		host,
		port: Number(process.env.PORT ?? 4173)
	});
	let signal;
	let relay;
	try {
		signal = await startSignalingServer({
			host,
			port: Number(process.env.SIGNAL_PORT ?? 4444),
			log: (line) => console.log(line)
		});
		relay = await startRelayServer({ host, log: (line) => console.log(line) });
	} catch (err) {
		await Promise.allSettled([web.close(), signal?.close()]);
		throw err;
	}
	console.log('');
	console.log(`  Village app:        ${web.url}/`);
	console.log(`  Signaling server:   ${signal.url}`);
	console.log(`  Relay:              ${relay.url} (mailboxes in ${relay.dataDir})`);
	console.log('');
	console.log('  Press Ctrl-C to stop.');

	let stopping = false;
	/** @param {NodeJS.Signals} sig */
	const stop = async (sig) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${sig}: stopping…`);
		const timer = setTimeout(() => process.exit(1), 5000);
		timer.unref();
		await Promise.allSettled([web.close(), signal.close(), relay.close()]);
		console.log('Stopped.');
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().catch((err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	});
}
