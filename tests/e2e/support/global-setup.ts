/**
 * Starts the static server over build/ on 127.0.0.1:4173 and the signaling server on
 * 127.0.0.1:4444 for the whole Playwright run; the returned function stops both.
 * Refuses to run unless the process is in a loopback-only network namespace.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startSignalingServer } from '../../../src/server/signaling.js';
import { startStaticServer } from '../../../src/server/static.js';
import { interfaceNames, isLoopbackOnly } from './netns.js';
import { repoRoot } from './paths';
import { APP_PORT, HOST, SIGNALING_PORT } from './servers';

export default async function globalSetup(): Promise<() => Promise<void>> {
	if (!isLoopbackOnly()) {
		throw new Error(
			`Browser tests must run in a loopback-only network namespace, but this process sees ` +
				`the interfaces ${interfaceNames().join(', ')}.\n` +
				`Run them with \`npm test\` or \`node tests/run.js --e2e-only [-- <playwright args>]\`.`
		);
	}
	const build = path.join(repoRoot, 'build');
	if (!existsSync(path.join(build, 'index.html'))) {
		throw new Error(`${build}/index.html is missing: build the app first (npx vite build).`);
	}
	const web = await startStaticServer({ root: build, host: HOST, port: APP_PORT });
	const signaling = await startSignalingServer({ host: HOST, port: SIGNALING_PORT });
	return async () => {
		await Promise.all([web.close(), signaling.close()]);
	};
}
