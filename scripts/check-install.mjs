// Before a build: the installed packages are the ones package-lock.json records. A checkout
// whose node_modules predates a new dependency otherwise fails in tsc with pages of "implicitly
// has an 'any' type" that never name the cause.
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'));
const direct = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies });
const optional = new Set(Object.keys(manifest.optionalDependencies ?? {}));

const problems = [];
for (const name of direct) {
  const locked = lock.packages?.[`node_modules/${name}`]?.version;
  const file = new URL(`node_modules/${name}/package.json`, root);
  if (!existsSync(file)) {
    if (!optional.has(name)) problems.push(`${name} is not installed`);
    continue;
  }
  const installed = JSON.parse(readFileSync(file, 'utf8')).version;
  if (locked !== undefined && installed !== locked) problems.push(`${name} is ${installed}, package-lock.json records ${locked}`);
}
if (problems.length > 0) {
  console.error(`node_modules does not match package-lock.json: ${problems.join('; ')}\nHow to fix: run \`npm ci\` (or \`npm install\`), then build again`);
  process.exit(1);
}
