import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { hasSuspiciousLine, strayBraces } from '../../src/text/clause-text.js';

/**
 * Lint reads every clause text of a library, so two of its scans are written for speed.
 * Each must find exactly what the plain version it replaces finds; the plain versions are
 * kept here as the reference.
 */

/** Blank out the placeholders, then find template marks in what is left. */
function strayBracesReference(text: string): number[] {
  const masked = text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, (m) => ' '.repeat(m.length));
  return [...masked.matchAll(/\{\{|\}\}|\{%|%\}/g)].map((m) => m.index ?? 0);
}

const REFERENCE_LINES = /^ {0,3}(?:[-*_=][ \t]*){3,}$|^ {4,}\S/m;

const bracey = fc.array(fc.constantFrom('{', '}', '%', ' ', 'a', '{{ a }}', '{{', '}}', '\n'), { maxLength: 16 }).map((parts) => parts.join(''));
const liney = fc.array(fc.constantFrom(' ', '    ', '-', '*', '_', '=', '\t', '\n', '\r', '\u2028', '\u2029', 'a', '#', '\u00a0'), { maxLength: 16 }).map((parts) => parts.join(''));

describe('stray template braces', () => {
  test.each([
    ['Per {{ authorityName }}.', []],
    ['Per {{ authorityName }.', [4]],
    ['{{{ a }}', []],
    ['{{{{ a }}', [0]],
    ['{{ a %}}}}', [8]],
    ['{% if x %} y', [0, 8]],
    ['}} {{ a }} {{', [0, 11]],
  ])('%j → %j', (text, expected) => {
    expect(strayBraces(text)).toEqual(expected);
    expect(strayBracesReference(text)).toEqual(expected);
  });

  test('finds what blanking out the placeholders finds, on any text', () => {
    fc.assert(
      fc.property(bracey, (text) => {
        expect(strayBraces(text)).toEqual(strayBracesReference(text));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lines that may be unsupported Markdown', () => {
  test.each([
    ['a\n---\nb', true],
    ['a\n   * * *', true],
    ['a\n    code', true],
    ['a\r    code', true],
    ['a\u2028===', true],
    ['- item\n- item', false],
    ['a\n    \tb', false],
    ['--- a', false],
  ])('%j → %s', (text, expected) => {
    expect(hasSuspiciousLine(text)).toBe(expected);
    expect(REFERENCE_LINES.test(text)).toBe(expected);
  });

  test('agrees with the multiline pattern on any text', () => {
    fc.assert(
      fc.property(liney, (text) => {
        expect(hasSuspiciousLine(text)).toBe(REFERENCE_LINES.test(text));
      }),
      { numRuns: 5000 },
    );
  });
});
