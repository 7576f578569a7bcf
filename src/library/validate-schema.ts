import type { ErrorObject } from 'ajv';
import type { FileKind } from '../schema/index.js';
import { NOT_BLANK, SEMVER } from '../schema/descriptions.js';
import { suggestion } from '../text/did-you-mean.js';
import type { Finding } from '../finding.js';
import * as validators from './generated/validators.js';
import { locate, rawScalar, type PathSegment, type YamlSource } from './yaml-source.js';


/** Check a parsed file against its kind's schema: every violation, each at its position. */
export function validateSchema(kind: FileKind, source: YamlSource): Finding[] {
  if (source.data === null || source.data === undefined) {
    return [
      {
        ruleId: 'schema',
        severity: 'error',
        file: source.file,
        start: { line: 1, column: 1 },
        message: 'the file is empty',
        fix: `write the ${kind} file's fields; see docs/library-format.md`,
      },
    ];
  }
  const validate = validators[kind];
  if (validate(source.data)) return [];
  return describeErrors(validate.errors ?? [], source);
}

/** Whether data matches its kind's schema, as a freshly parsed file must: a cached entry is used only then. */
export function matchesSchema(kind: string, data: unknown): boolean {
  const validate = (validators as Record<string, ((value: unknown) => boolean) | undefined>)[kind];
  return validate !== undefined && data !== null && data !== undefined && validate(data) === true;
}

export function describeErrors(errors: readonly ErrorObject[], source: YamlSource): Finding[] {
  // anyOf reports one error per branch; keep only the summary for the anyOf itself.
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.schemaPath + '/');
  const findings: Finding[] = [];
  for (const error of errors) {
    // `if`/`else` (an item that adapts a base item may leave fields out) reports the fields themselves too.
    if (error.keyword === 'if') continue;
    if (error.keyword !== 'anyOf' && anyOfPaths.some((p) => error.schemaPath.startsWith(p))) continue;
    // An if/then/else only says which branch failed; the branch's own errors say what is wrong.
    if (error.keyword === 'if') continue;
    findings.push(describe(error, source));
  }
  return findings;
}

function describe(error: ErrorObject, source: YamlSource): Finding {
  const path = toPath(error.instancePath);
  const field = displayPath(path);
  const parent = (error.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown>; patternProperties?: unknown };
  const base = { severity: 'error' as const, file: source.file };
  const at = (p: readonly PathSegment[], target: 'key' | 'value' = 'value') => locate(source, p, target);

  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const keyPath = [...path, key];
      if (parent.patternProperties && !parent.properties) {
        return {
          ...base,
          ruleId: 'unknown-field',
          ...at(keyPath, 'key'),
          message: `"${key}" is not allowed in ${field || 'this file'}: expected ${parent.description ?? 'a different key'}`,
          fix: 'rename or remove it',
        };
      }
      const known = Object.keys(parent.properties ?? {});
      return {
        ...base,
        ruleId: 'unknown-field',
        ...at(keyPath, 'key'),
        message: `unknown field "${key}"${field ? ` in ${field}` : ''}`,
        fix: suggestion(key, known) ?? `remove it; allowed fields: ${known.join(', ')}`,
      };
    }
    case 'required': {
      const missing = String((error.params as { missingProperty: string }).missingProperty);
      return {
        ...base,
        ruleId: 'schema',
        ...at(path, path.length === 0 ? 'value' : 'key'),
        message: `missing field "${missing}"${field ? ` in ${field}` : ''}`,
        fix: `add ${missing}: …`,
      };
    }
    case 'type': {
      const expected = String((error.params as { type: string }).type);
      return {
        ...base,
        ruleId: 'schema',
        ...at(path),
        // A number as written: `version: 1.0` is "the number 1.0", not "the number 1".
        message: `${field || 'the file'} must be ${typeWords(expected)}, not ${typeof error.data === 'number' ? `the number ${rawScalar(source, path) ?? String(error.data)}` : valueWords(error.data)}`,
      };
    }
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      return {
        ...base,
        ruleId: 'schema',
        ...at(path),
        message: `${field} is "${String(error.data)}", which is not one of: ${allowed.join(', ')}`,
        fix: suggestion(String(error.data), allowed),
      };
    }
    case 'pattern': {
      if (parent.description === NOT_BLANK) return { ...base, ruleId: 'schema', ...at(path), message: `${field} must not be blank` };
      const isSemver = parent.description === SEMVER;
      return {
        ...base,
        ruleId: isSemver ? 'invalid-semver' : 'schema',
        ...at(path),
        message: `${field} is "${String(error.data)}", which is not ${parent.description ?? `matching ${String((error.params as { pattern: string }).pattern)}`}`,
      };
    }
    case 'propertyNames':
      return { ...base, ruleId: 'schema', ...at(path), message: `${field || 'the file'} has a key that is not allowed` };
    case 'anyOf':
      return {
        ...base,
        ruleId: 'schema',
        ...at(path),
        message: `${field} must be ${parent.description ?? 'of another type'}, not ${valueWords(error.data)}`,
      };
    case 'minItems':
      return { ...base, ruleId: 'schema', ...at(path), message: `${field} must not be empty` };
    case 'minLength':
      return { ...base, ruleId: 'schema', ...at(path), message: `${field} must not be empty` };
    case 'uniqueItems': {
      const { i, j } = error.params as { i: number; j: number };
      return {
        ...base,
        ruleId: 'schema',
        ...at([...path, i]),
        message: `${field} lists the same value twice (items ${j + 1} and ${i + 1})`,
        fix: 'remove the repeated item',
      };
    }
    case 'minimum':
    case 'maximum':
      return { ...base, ruleId: 'schema', ...at(path), message: `${field} ${error.message ?? 'is out of range'}` };
    default:
      return { ...base, ruleId: 'schema', ...at(path), message: `${field || 'the file'} ${error.message ?? 'is not valid'}` };
  }
}

function toPath(instancePath: string): PathSegment[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `changelog[0].version`, as a person would name the field. */
export function displayPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

function typeWords(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping of keys to values',
    null: 'empty',
  };
  return type
    .split(',')
    .map((t) => words[t] ?? t)
    .join(' or ');
}

function valueWords(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}
