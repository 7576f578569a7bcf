import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { fixtureCopy } from '../helpers/testdir.js';

const failing = `name: Wrong expectations
answers:
  authorityName: Example Council
  contractTitle: Resurfacing
  contractType: works
  contractDurationMonths: 6
  generatesData: false
  hosting: none
  ensCategory: basic
expect:
  include: [general.definitions, ownership.generated-data]
  exclude: [security.ens]
`;

describe('clausula test', () => {
  it('passes the fixture scenarios (spawned)', () => {
    const r = spawnCli(['test', 'tests/fixtures/basic']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '✔ tests/fixtures/basic/clauses/scenarios/cloud-service.yaml  Cloud service with personal data and medium ENS',
        '✔ tests/fixtures/basic/clauses/scenarios/works.yaml  Public works with no data',
        '',
        '2 scenarios: 2 passed, 0 failed',
        '',
      ].join('\n'),
    );
  });

  it('shows what was expected and what came out for a failing scenario, exit 1', async () => {
    const dir = fixtureCopy('basic', { 'clauses/scenarios/wrong.yaml': failing });
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      [
        `✘ ${dir}/clauses/scenarios/wrong.yaml  Wrong expectations`,
        '    expected in, but out:  ownership.generated-data  (condition does not hold: generatesData and contractType != "works")',
        '    expected out, but in:  security.ens  (condition holds: ensCategory in ["basic", "medium", "high"])',
        '    selected: general.definitions, security.ens, security.self-assessment',
      ].join('\n'),
    );
    expect(r.stdout).toContain('3 scenarios: 2 passed, 1 failed');
  });

  it('fails a scenario whose answers do not fit the questions, at their position', async () => {
    const dir = fixtureCopy('basic', { 'clauses/scenarios/wrong.yaml': failing.replace('contractDurationMonths: 6', 'contractDurationMonths: "six"') });
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`    ${dir}/clauses/scenarios/wrong.yaml:6:27  answer error: contractDurationMonths must be a number, not the text "six" (write the number without quotes or units, with a point for decimals)`);
  });

  it('fails a scenario that leaves out an answer build requires, naming the question', async () => {
    // The works answers with the contract title left out: build would refuse them.
    const dir = fixtureCopy('basic', { 'clauses/scenarios/wrong.yaml': failing.replace('  contractTitle: Resurfacing\n', '').replace('general.definitions, ownership.generated-data', 'general.definitions').replace('  exclude: [security.ens]\n', '') });
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      [
        `✘ ${dir}/clauses/scenarios/wrong.yaml  Wrong expectations`,
        `    ${dir}/clauses/scenarios/wrong.yaml:2:1  answer error: no answer to contractTitle, which these answers ask and build requires (add contractTitle under answers (the question: "What is the contract called?"))`,
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('3 scenarios: 2 passed, 1 failed');
  });

  it('fails when a scenario file cannot be read, instead of leaving its test out (all three formats)', async () => {
    const dir = fixtureCopy('basic', { 'clauses/scenarios/wrong.yaml': failing.replace('general.definitions, ownership.generated-data', 'general.definitions, general.definitions') });
    const at = `${dir}/clauses/scenarios/wrong.yaml:11:13`;
    const stylish = await runCli(['test', dir]);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain(`✘ ${at}  not read: expect.include lists the same value twice (items 2 and 1) (remove the repeated item)\n`);
    expect(stylish.stdout).toContain('2 scenarios: 2 passed, 0 failed; 1 library file not read (run clausula lint)\n');
    expect(stylish.stderr).toBe('');
    const json = await runCli(['test', dir, '--format', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as { summary: { unreadableFiles: number }; unreadable: { file: string; line: number; column: number }[] };
    expect(report.summary.unreadableFiles).toBe(1);
    expect(report.unreadable.map((u) => `${u.file}:${u.line}:${u.column}`)).toEqual([at]);
    const junit = await runCli(['test', dir, '--format', 'junit']);
    expect(junit.code).toBe(1);
    expect(junit.stdout).toContain('<testsuites name="clausula test" tests="3" failures="1">');
    expect(junit.stdout).toContain(`<testcase classname="clausula.test" name="library files">\n      <failure message="${at}  not read: expect.include lists the same value twice (items 2 and 1) (remove the repeated item)">`);
  });

  it('reports JUnit XML', async () => {
    const dir = fixtureCopy('basic', { 'clauses/scenarios/wrong.yaml': failing });
    const r = await runCli(['test', dir, '--format', 'junit']);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="clausula test" tests="3" failures="1">/);
    expect(r.stdout).toContain('<failure message="expected in, but out: ownership.generated-data (condition does not hold: generatesData and contractType != &quot;works&quot;)">');
  });

  it('reports JSON', async () => {
    const r = await runCli(['test', 'tests/fixtures/basic', '--format', 'json']);
    const report = JSON.parse(r.stdout) as { summary: unknown; scenarios: { selected: string[] }[] };
    expect(report.summary).toEqual({ scenarios: 2, passed: 2, failed: 0, unreadableFiles: 0 });
    expect(report.scenarios[1]!.selected).toEqual(['general.definitions']);
  });

  it('passes the shipped library scenarios', async () => {
    const r = await runCli(['test']);
    expect(r.stdout).toMatch(/\d+ scenarios: \d+ passed, 0 failed\n$/);
    expect(r.code).toBe(0);
  });
});
