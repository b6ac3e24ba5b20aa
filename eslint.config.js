import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Layer boundaries (see README "How the code is laid out"): each folder under src/lib may import
 * only from the layers listed before it. A pattern list per layer names what it may NOT import.
 */
const layer = (/** @type {string[]} */ forbidden, /** @type {string} */ why) => ({
	'no-restricted-imports': [
		'error',
		{
			patterns: [
				{ group: forbidden, message: why },
				{ group: ['**/routes/**', '$app/*'], message: 'src/lib never imports from routes or $app.' }
			]
		}
	]
});

const ALL_OURS = ['$lib/*', '../*', '../../*'];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'tests/output/',
			'static/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'no-undef': 'off',
			// Village is served from the site root with absolute paths (svelte.config.js), so plain
			// hrefs are already correct; wrapping each in resolve() would add noise, not safety.
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/model/**'],
		rules: layer(
			[
				...ALL_OURS.map((p) => p.replace('*', '{content,io,doc,adapters,state,ui}/**')),
				'yjs',
				'y-*',
				'svelte',
				'svelte/*'
			],
			'model/ is pure: it imports nothing of ours but model/, and no library.'
		)
	},
	{
		files: ['src/lib/content/**'],
		rules: layer(
			[
				'$lib/{io,doc,adapters,state,ui}/**',
				'../{io,doc,adapters,state,ui}/**',
				'yjs',
				'y-*',
				'svelte',
				'svelte/*'
			],
			'content/ is data: it imports only model/.'
		)
	},
	{
		files: ['src/lib/io/**'],
		rules: layer(
			[
				'$lib/{content,doc,adapters,state,ui}/**',
				'../{content,doc,adapters,state,ui}/**',
				'y-*',
				'svelte',
				'svelte/*'
			],
			'io/ holds pure parsers and serialisers: it imports only model/ (and yjs for backups).'
		)
	},
	{
		files: ['src/lib/doc/**'],
		rules: layer(
			[
				'$lib/{content,io,adapters,state,ui}/**',
				'../{content,io,adapters,state,ui}/**',
				'y-*',
				'svelte',
				'svelte/*'
			],
			'doc/ is the Yjs schema: it imports model/ and yjs only.'
		)
	},
	{
		files: ['src/lib/adapters/**'],
		rules: layer(
			['$lib/{state,ui}/**', '../../{state,ui}/**', '../{state,ui}/**', 'svelte', 'svelte/*'],
			'adapters/ sit below state/ and ui/.'
		)
	},
	{
		files: ['src/lib/state/**'],
		rules: layer(['$lib/ui/**', '../ui/**'], 'state/ does not import components.')
	},
	{
		files: ['src/lib/ui/**'],
		rules: layer(
			['$lib/{io,doc,adapters,state}/**', '../{io,doc,adapters,state}/**', 'yjs', 'y-*'],
			'ui/ is presentational: props in, callbacks out, model/ types only; no Y.*.'
		)
	}
);
