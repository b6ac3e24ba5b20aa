import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * Layer boundaries (see README "How the code is laid out"). Innermost first; a folder may import
 * only from the layers before it. Written as explicit regular expressions over the import
 * string (brace sets are not expanded by this rule's matcher, so the old globs matched nothing):
 * each catches the `$lib/<layer>` barrel, any file under it, and relative paths that climb into
 * it (`../doc/records`, `../../lib/doc`). tests/unit/lint/fence.test.ts lints fixtures that break
 * each rule, so the fence cannot silently stop working again.
 */
const LAYERS = ['model', 'content', 'io', 'doc', 'adapters', 'state', 'ui'];

/** Import strings that reach one of `layers` of src/lib, by $lib or by a relative path. */
const ours = (/** @type {string[]} */ layers) =>
	`^(?:\\$lib/|(?:\\.\\./)+(?:lib/)?)(?:${layers.join('|')})(?:/|$)`;

/** A package and anything under it: `pkg`, `pkg/sub`. */
const pkg = (/** @type {string} */ name) => `^${name}(?:/|$)`;
const YJS = [pkg('yjs'), pkg('y-[^/]+')];
const SVELTE = [pkg('svelte')];
/** ui/ and routes/ sit above state/ but reach the document only through it. */
const NO_DOC = [...YJS, ours(['doc', 'adapters'])];
const ANY_LIBRARY = '^(?![.]|\\$lib/)';

/**
 * @param {string} folder one of LAYERS or 'routes'
 * @param {string[]} libraries regular expressions of other imports the folder may not use
 *   (packages, and for ui/ and routes/ the document layers they reach only through state/)
 * @param {string} why the message a violation shows
 */
const layer = (folder, libraries, why) => {
	const index = folder === 'routes' ? LAYERS.length : LAYERS.indexOf(folder);
	const later = LAYERS.slice(index + 1);
	const patterns = [
		...(later.length ? [{ regex: ours(later), message: why }] : []),
		...libraries.map((regex) => ({ regex, message: why }))
	];
	if (folder !== 'routes') {
		patterns.push({
			regex: '^(?:\\$app/|(?:\\.\\./)+routes(?:/|$))',
			message: 'src/lib never imports from routes or $app.'
		});
	}
	return {
		files: [`src/${folder === 'routes' ? 'routes' : `lib/${folder}`}/**`],
		rules: { 'no-restricted-imports': ['error', { patterns }] }
	};
};

/** Screens and components never hold the document: they go through state/. */
const NO_DOCUMENT = [
	{
		selector: "MemberExpression[property.name='doc'][object.name=/^session$/i]",
		message: 'Screens never read session.doc: add a state/ class or command for it.'
	},
	{
		selector: "MemberExpression[property.name='doc'][object.type='CallExpression']",
		message: 'Screens never read the document: add a state/ class or command for it.'
	},
	{
		selector:
			"VariableDeclarator[init.name=/^session$/i] > ObjectPattern > Property[key.name='doc']",
		message: 'Screens never read session.doc: add a state/ class or command for it.'
	}
];

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
	layer(
		'model',
		[ANY_LIBRARY],
		'model/ is pure: it imports nothing of ours but model/, and no library.'
	),
	layer('content', [...YJS, ...SVELTE], 'content/ is data: it imports only model/.'),
	layer(
		'io',
		[pkg('y-[^/]+'), ...SVELTE],
		'io/ holds parsers and serialisers: it imports model/ and content/ (and yjs for backups).'
	),
	layer('doc', [pkg('y-[^/]+'), ...SVELTE], 'doc/ is the Yjs schema: no providers, no Svelte.'),
	layer('adapters', SVELTE, 'adapters/ sit below state/ and ui/.'),
	layer('state', [], 'state/ does not import components.'),
	layer(
		'ui',
		NO_DOC,
		'ui/ is presentational: props in, callbacks out; the document stays inside state/.'
	),
	layer(
		'routes',
		NO_DOC,
		'Screens go through state/: no yjs, y-*, $lib/doc or $lib/adapters in routes.'
	),
	{
		files: ['src/routes/**', 'src/lib/ui/**'],
		rules: { 'no-restricted-syntax': ['error', ...NO_DOCUMENT] }
	}
);
