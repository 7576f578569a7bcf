import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { CliResult } from '../helpers/cli.js';

/**
 * What every hostile case checks, whatever it feeds clausula: the exit code, a message that
 * names the file (and line:column when there is one) and says how to fix it, no stack trace
 * or Node error text, and not a byte changed in the folder it worked in.
 */

/** Every entry under a folder: kind, size, mtime and a content hash for files, the target for links. */
export type Listing = Record<string, string>;

export function snapshot(dir: string): Listing {
  const out: Listing = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      const full = join(dir, path);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) out[path] = `link → ${readlinkSync(full)}`;
      else if (stat.isDirectory()) {
        out[path] = 'folder';
        walk(path);
      } else if (!stat.isFile()) out[path] = 'pipe, socket or device';
      else out[path] = `${stat.size} bytes, mtime ${stat.mtimeMs}, sha1 ${createHash('sha1').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk('');
  return out;
}

/** Run something and check that the folder is exactly as it was: nothing created, changed or removed. */
export async function unchanged<T>(dir: string, run: () => Promise<T> | T): Promise<T> {
  const before = snapshot(dir);
  const result = await run();
  expect(snapshot(dir), 'the folder changed').toEqual(before);
  return result;
}

/** No stack trace, no Node error or warning text, no "this is a bug" message: only clausula's own words. */
export function expectNoCrash(output: string): void {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/\b(?:[A-Z]\w*)?Error:/);
  expect(output).not.toMatch(/\(node:\d+\)|Warning:|ERR_[A-Z_]+/);
  expect(output).not.toMatch(/unexpected error|This is a bug/);
}

export interface Place {
  file: string;
  line?: number;
  column?: number;
}

/**
 * The output names the file, and the line and column when given: either `file:line:column`
 * (errors, warnings) or lint's stylish layout (the file on a line of its own, then
 * `  line:column  error  message (fix)  rule` under it). Returns the line that holds the
 * position, so the caller can check what it says.
 */
export function lineNaming(output: string, place: Place): string {
  const lines = output.split('\n');
  if (place.line === undefined) {
    const hit = lines.find((l) => l.includes(place.file));
    expect(hit, `no line names ${place.file} in:\n${output}`).toBeDefined();
    return hit!;
  }
  const position = `${place.line}:${place.column ?? ''}`;
  const inline = lines.find((l) => l.includes(`${place.file}:${position}`));
  if (inline) return inline;
  const header = lines.indexOf(place.file);
  expect(header, `${place.file}:${position} is not named in:\n${output}`).toBeGreaterThanOrEqual(0);
  for (let i = header + 1; i < lines.length && lines[i] !== ''; i++) {
    if (lines[i]!.trimStart().startsWith(position)) return lines[i]!;
  }
  expect.fail(`${place.file} has no finding at ${position} in:\n${output}`);
}

/**
 * A finding line says how to fix it: its fix in parentheses (stylish and error output alike),
 * or a message that is itself the instruction: "id must be text, not the number 5", "status is
 * "maybe", which is not one of: draft, approved, deprecated".
 */
export function expectFixOnLine(line: string): void {
  expect(line, 'the finding says how to fix it').toMatch(/\(.+\)|\bmust (?:be|not)\b|which is not (?:one of:|an? )/);
}

export interface Expected extends Place {
  code: number;
  /** Words the message must hold. */
  says?: string | RegExp;
}

/**
 * The whole check for a refused input: exit code, the place named (with its fix on the same
 * line, or a "How to fix:" line), no crash.
 */
export function expectRefused(result: CliResult, expected: Expected): void {
  const output = result.stderr + result.stdout;
  expect(result.code, output).toBe(expected.code);
  expectNoCrash(output);
  const line = lineNaming(output, expected);
  if (!/How to fix:/.test(output)) expectFixOnLine(line);
  if (expected.says !== undefined) expect(output).toMatch(expected.says);
}

/**
 * In-process runs share this process: a Node warning (process.emitWarning, printed by Node
 * itself as "(node:123) Warning: …") would not reach the captured stderr. Collect them, and
 * fail the test that caused one.
 */
export function failOnProcessWarnings(): void {
  const seen: string[] = [];
  const listener = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`);
  beforeEach(() => {
    seen.length = 0;
    process.on('warning', listener);
  });
  afterEach(() => {
    process.off('warning', listener);
    expect(seen, 'Node printed a warning').toEqual([]);
  });
}

/** Nothing reached Object.prototype: keys named __proto__ or constructor stayed data. */
export function expectNoPrototypePollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    ['__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__', '__proto__', 'constructor', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', 'toString', 'valueOf'].sort(),
  );
}
