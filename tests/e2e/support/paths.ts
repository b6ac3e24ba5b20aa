import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tests/e2e/support/paths.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** Where browser-test artefacts go (git-ignored). */
export const outputDir = path.join(repoRoot, 'tests', 'output');
export const screensDir = path.join(outputDir, 'screens');
