/**
 * The layer fence (eslint.config.js) checked against files that break it. Each fixture in
 * fixtures/ is linted as if it lived at the path given here; the fixtures carry a
 * `.fixture` extension, so the real `npm run lint`, svelte-check and Vitest never see them.
 * If a pattern stops matching (as brace globs once silently did), a case here fails.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (name: string) =>
	readFileSync(new URL(`./fixtures/${name}.fixture`, import.meta.url), 'utf8');

type Case = { fixture: string; at: string; rule: string; names: string };

/** Each rule of the fence, broken once; `names` is a piece of the expected message. */
const BROKEN: Case[] = [
	{
		fixture: 'model-imports-doc-barrel.ts',
		at: 'src/lib/model/fence.ts',
		rule: 'no-restricted-imports',
		names: "'$lib/doc'"
	},
	{
		fixture: 'model-imports-state-relative.ts',
		at: 'src/lib/model/fence.ts',
		rule: 'no-restricted-imports',
		names: "'../state/session.svelte'"
	},
	{
		fixture: 'model-imports-library.ts',
		at: 'src/lib/model/fence.ts',
		rule: 'no-restricted-imports',
		names: "'lib0/array'"
	},
	{
		fixture: 'content-imports-doc-file.ts',
		at: 'src/lib/content/fence.ts',
		rule: 'no-restricted-imports',
		names: "'$lib/doc/specs/contact'"
	},
	{
		fixture: 'io-imports-provider.ts',
		at: 'src/lib/io/fence.ts',
		rule: 'no-restricted-imports',
		names: "'y-webrtc'"
	},
	{
		fixture: 'doc-imports-adapters.ts',
		at: 'src/lib/doc/fence.ts',
		rule: 'no-restricted-imports',
		names: "'../adapters/persistence'"
	},
	{
		fixture: 'adapters-imports-state.ts',
		at: 'src/lib/adapters/persistence/fence.ts',
		rule: 'no-restricted-imports',
		names: "'$lib/state/context'"
	},
	{
		fixture: 'state-imports-ui.ts',
		at: 'src/lib/state/fence.ts',
		rule: 'no-restricted-imports',
		names: "'../ui/Avatar.svelte'"
	},
	{
		fixture: 'lib-imports-app.ts',
		at: 'src/lib/state/fence.ts',
		rule: 'no-restricted-imports',
		names: "'$app/navigation'"
	},
	{
		fixture: 'route-imports-doc-barrel.svelte',
		at: 'src/routes/fence/+page.svelte',
		rule: 'no-restricted-imports',
		names: "'$lib/doc'"
	},
	{
		fixture: 'route-imports-yjs.ts',
		at: 'src/routes/fence/+page.ts',
		rule: 'no-restricted-imports',
		names: "'yjs'"
	},
	{
		fixture: 'route-imports-provider.ts',
		at: 'src/routes/fence/+page.ts',
		rule: 'no-restricted-imports',
		names: "'y-indexeddb'"
	},
	{
		fixture: 'route-imports-adapters-relative.ts',
		at: 'src/routes/fence/+page.ts',
		rule: 'no-restricted-imports',
		names: "'../../lib/adapters/persistence/memory'"
	},
	{
		fixture: 'ui-imports-doc-file.svelte',
		at: 'src/lib/ui/Fence.svelte',
		rule: 'no-restricted-imports',
		names: "'$lib/doc/specs/contact'"
	},
	{
		fixture: 'route-reads-session-doc.svelte',
		at: 'src/routes/fence/+page.svelte',
		rule: 'no-restricted-syntax',
		names: 'session.doc'
	},
	{
		fixture: 'ui-destructures-session-doc.ts',
		at: 'src/lib/ui/fence.ts',
		rule: 'no-restricted-syntax',
		names: 'session.doc'
	},
	{
		fixture: 'route-reads-doc-of-call.ts',
		at: 'src/routes/fence/+page.ts',
		rule: 'no-restricted-syntax',
		names: 'document'
	}
];

const CLEAN: Case[] = [
	{ fixture: 'route-clean.svelte', at: 'src/routes/fence/+page.svelte', rule: '', names: '' },
	{ fixture: 'model-clean.ts', at: 'src/lib/model/fence.ts', rule: '', names: '' }
];

let eslint: ESLint;
beforeAll(async () => {
	// The fixtures are not on disk where they are linted, so the TypeScript project service
	// cannot open them; the fence needs no type information.
	eslint = new ESLint({
		cwd: ROOT,
		overrideConfig: {
			files: ['**/*.svelte'],
			languageOptions: { parserOptions: { projectService: false } }
		}
	});
	// Loading the config and plugins takes seconds; do it once, outside the cases' timeouts.
	await eslint.calculateConfigForFile(`${ROOT}src/lib/model/fence.ts`);
	await eslint.lintText('', { filePath: `${ROOT}src/routes/fence/+page.svelte` });
}, 60_000);

async function lint({ fixture: name, at }: Case) {
	const [result] = await eslint.lintText(fixture(name), { filePath: `${ROOT}${at}` });
	return result!.messages;
}

describe('the layer fence', () => {
	it.each(BROKEN)('reports $fixture at $at', async (c) => {
		const messages = await lint(c);
		const fence = messages.filter((m) => m.ruleId === c.rule);
		expect(fence.map((m) => m.message).join('\n')).toContain(c.names);
		expect(messages.filter((m) => m.fatal)).toEqual([]);
	});

	it.each(CLEAN)('leaves $fixture at $at clean', async (c) => {
		expect(await lint(c)).toEqual([]);
	});
});
