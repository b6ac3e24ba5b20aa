/**
 * Watches a browser context for what the Content-Security-Policy and Permissions-Policy refuse:
 * every `securitypolicyviolation` event in every page (reported through a binding, so it
 * survives navigations), and every console message that names either policy (Chromium also
 * logs refused inline styles, a malformed header, a directive a meta tag cannot carry).
 *
 *   const watch = await watchPolicies(context);
 *   … walk the screens …
 *   expect(watch.problems()).toEqual([]);
 */
import type { BrowserContext } from '@playwright/test';

export interface PolicyWatch {
	/** One readable line per violation or policy message, in the order they came. */
	problems(): string[];
}

const POLICY_MESSAGE = /content.security.policy|permissions.policy|feature.policy/i;

export async function watchPolicies(context: BrowserContext): Promise<PolicyWatch> {
	const problems: string[] = [];
	await context.exposeBinding(
		'__villageCspViolation',
		(source, v: Record<string, string | number>) => {
			problems.push(
				`violation on ${source.page?.url() ?? '?'}: ${v.directive} blocked ${v.blocked || '(inline)'}` +
					` at ${v.source}:${v.line} ${v.sample ? `«${v.sample}»` : ''} [${v.disposition}]`
			);
		}
	);
	await context.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			const report = (window as unknown as Record<string, (v: unknown) => void>)
				.__villageCspViolation;
			report?.({
				directive: e.effectiveDirective,
				blocked: e.blockedURI,
				source: e.sourceFile,
				line: e.lineNumber,
				sample: e.sample,
				disposition: e.disposition
			});
		});
	});
	context.on('console', (message) => {
		if (POLICY_MESSAGE.test(message.text())) {
			problems.push(
				`console ${message.type()} on ${message.page()?.url() ?? '?'}: ${message.text()}`
			);
		}
	});
	return { problems: () => [...problems] };
}
