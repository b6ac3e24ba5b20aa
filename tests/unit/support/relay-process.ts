import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';

const repo = path.resolve(import.meta.dirname, '../../..');

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface RelayProcess {
	url: string;
	port: number;
	dataDir: string;
	child: ChildProcess;
	output: () => string;
	/** SIGTERM by pid; resolves when the process has exited (it stores its mailboxes first). */
	stop(): Promise<void>;
	/** Every stored mailbox file's bytes, concatenated. */
	storedBytes(): Buffer;
}

/**
 * Starts `node src/server/relay.js` as its own process on 127.0.0.1 and a free port, the way
 * `npm run relay` does, and resolves once it listens.
 */
export async function startRelayProcess(
	env: Record<string, string> = {},
	dataDir = mkdtempSync(path.join(tmpdir(), 'village-relay-'))
): Promise<RelayProcess> {
	const port = await freePort();
	const child = spawn(process.execPath, [path.join(repo, 'src/server/relay.js')], {
		cwd: repo,
		env: {
			...process.env,
			HOST: '127.0.0.1',
			RELAY_PORT: String(port),
			RELAY_DATA: dataDir,
			REDIS_URL: '',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// Never outlive the test run, even when a test times out before it could stop the relay.
	const kill = () => child.exitCode === null && child.kill('SIGKILL');
	process.once('exit', kill);
	let out = '';
	child.stdout!.on('data', (d) => (out += String(d)));
	child.stderr!.on('data', (d) => (out += String(d)));
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			process.off('exit', kill);
			resolve();
		})
	);
	await new Promise<void>((resolve, reject) => {
		// Generous: on a shared machine under load, starting Node and Hocuspocus takes seconds.
		const timer = setTimeout(() => {
			kill();
			reject(new Error(`relay did not start:\n${out}`));
		}, 30000);
		const check = () => {
			if (out.includes('Village relay:')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`relay exited (${code}):\n${out}`));
		});
	});
	return {
		url: `ws://127.0.0.1:${port}`,
		port,
		dataDir,
		child,
		output: () => out,
		async stop() {
			if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
			await exited;
		},
		storedBytes() {
			let files: string[] = [];
			try {
				files = readdirSync(dataDir);
			} catch {
				return Buffer.alloc(0);
			}
			return Buffer.concat(files.map((f) => readFileSync(path.join(dataDir, f))));
		}
	};
}

export function removeDir(dir: string) {
	rmSync(dir, { recursive: true, force: true });
}
