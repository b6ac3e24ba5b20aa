// @ts-check
/**
 * Loopback-only network namespaces for browser runs. Outside one, Chromium's WebRTC uses the
 * machine's real network card (and sends mDNS multicast on it); inside one, nothing but
 * 127.0.0.1 exists, so no test or benchmark can reach anything else.
 */
import { spawnSync } from 'node:child_process';
import os from 'node:os';

/** Set in the environment of a process that was started inside the namespace. */
export const NETNS_ENV = 'VILLAGE_NETNS';

/** @returns {string[]} names of the network interfaces that have an address */
export function interfaceNames() {
	return Object.keys(os.networkInterfaces());
}

/** @returns {boolean} true when the only network interface is loopback */
export function isLoopbackOnly() {
	return interfaceNames().every((name) => name === 'lo');
}

/**
 * The unshare prefix that works here: `unshare -n` as root, else `unshare -rn` (a user
 * namespace, for a non-root user on a kernel that allows it). Null if neither is permitted.
 * @returns {string[] | null}
 */
export function unsharePrefix() {
	for (const flags of [['-n'], ['-r', '-n']]) {
		const probe = spawnSync('unshare', [...flags, '--', 'sh', '-c', 'ip link set lo up'], {
			stdio: 'ignore'
		});
		if (probe.status === 0) return ['unshare', ...flags, '--'];
	}
	return null;
}

/** What to tell someone whose machine does not allow network namespaces. */
export const UNSHARE_HELP = [
	'Cannot create a loopback-only network namespace (`unshare -n` and `unshare -rn` both failed).',
	'Browser tests and benchmarks never run on the real network: Chromium’s WebRTC would use the',
	'real network card. Run as root (as CI does), or allow unprivileged user namespaces',
	'(sysctl kernel.unprivileged_userns_clone=1), and make sure `unshare` (util-linux) and `ip`',
	'(iproute2) are installed.'
].join('\n');

/**
 * [command, args] that run `cmd args…` inside a new loopback-only namespace with lo up.
 * @param {string[]} prefix from unsharePrefix()
 * @param {string} cmd
 * @param {string[]} args
 * @returns {[string, string[]]}
 */
export function inNetns(prefix, cmd, args) {
	const [unshare = 'unshare', ...flags] = prefix;
	return [
		unshare,
		[...flags, 'bash', '-c', 'ip link set lo up && exec "$@"', 'bash', cmd, ...args]
	];
}
