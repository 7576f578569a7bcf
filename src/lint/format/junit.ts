import type { Finding } from '../../finding.js';
import type { Formatter } from './types.js';

/** JUnit XML: one test case per file, failing with one <failure> per error or warning. */
export const formatJunit: Formatter = (findings, { root }) => {
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const failures = findings.filter((f) => f.severity !== 'info').length;
  const cases = [...byFile].map(([file, list]) => {
    const body = list
      .filter((f) => f.severity !== 'info')
      .map(
        (f) =>
          `      <failure type="${xml(f.ruleId)}" message="${xml(f.message)}">${xml(`${f.file}:${f.start.line}:${f.start.column} ${f.severity} ${f.message}${f.fix ? ` (${f.fix})` : ''} [${f.ruleId}]`)}</failure>\n`,
      )
      .join('');
    return `    <testcase classname="clausula.lint" name="${xml(file)}" file="${xml(file)}">\n${body}    </testcase>\n`;
  });
  const tests = Math.max(cases.length, 1);
  const placeholder = cases.length === 0 ? `    <testcase classname="clausula.lint" name="${xml(root)}"/>\n` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="clausula lint" tests="${tests}" failures="${failures}">\n` +
    `  <testsuite name="clausula lint" tests="${tests}" failures="${failures}" errors="0">\n` +
    cases.join('') +
    placeholder +
    `  </testsuite>\n</testsuites>\n`
  );
};

export function xml(s: string): string {
  // Characters XML 1.0 cannot hold at all are dropped.
  return s
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
