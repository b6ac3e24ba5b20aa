import type { Environment } from 'vitest/environments';

/**
 * Node globals, but modules transformed as for the browser: Svelte compiles runes for the
 * client, so effects run and `createSubscriber` subscribes. (The default node environment
 * transforms for SSR, where effects never run.)
 */
export default {
	name: 'client-node',
	viteEnvironment: 'client',
	setup() {
		return { teardown() {} };
	}
} satisfies Environment;
