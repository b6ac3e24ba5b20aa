import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-world fixtures: `../shared/fixtures` beside the repository. */
export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/', import.meta.url));

export function fixture(path: string): Uint8Array {
	return new Uint8Array(readFileSync(FIXTURES + path));
}

export function fixtureNames(dir: string): string[] {
	return readdirSync(FIXTURES + dir).sort();
}
