import { fileURLToPath } from 'node:url';

// This file sits one folder below the package root in every form clausula runs in: the
// TypeScript sources (src/package-root.ts), the compiled files (dist/package-root.js) and
// the bundle (dist/clausula.cjs, where import.meta.url is the bundle's own address). Paths
// to the package's files are made from here, so they hold in all three.

/** The package's root folder: it holds the shipped library (clauses/, templates/), schemas/ and dist/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Running from the TypeScript sources (the test suite), not from a build. */
export const FROM_SOURCES = import.meta.url.endsWith('.ts');
