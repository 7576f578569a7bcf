import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';
import { fixtureCopy, testdir } from '../helpers/testdir.js';

const LIB = ['--library', 'tests/fixtures/basic'];
const answers = `answers:
  authorityName: Example Council
  contractTitle: Case management
  contractType: services
  contractDurationMonths: 36
  generatesData: true
  dataKinds: [personal, sensor]
  processesPersonalData: true
  hosting: cloud-saas
  ensCategory: medium
`;

const HANDOVER_IN_PASSAGES = `id: exit.handover
version: 1.0.0
status: approved
category: exit
title: { en: "Handover at exit" }
when: 'generatesData and hosting in ["contractor", "cloud-saas"]'
text:
  - text: { en: "The Contractor hands over all data at the end of the contract, and:" }
  - when: processesPersonalData
    text: { en: "1. erases the personal data;" }
  - when: 'hosting == "contractor"'
    text: { en: "1. wipes its servers." }
guidance: { en: "Guidance for exit.handover." }
changelog:
  - { version: 1.0.0, date: 2026-11-20, note: First version. }
`;

describe('clausula explain', () => {
  it('says which passages of a clause in the document print under their own condition, and which are left out', async () => {
    const dir = fixtureCopy('basic', { 'clauses/exit/handover.yaml': HANDOVER_IN_PASSAGES, 'tender.yaml': answers });
    const r = await runCli(['--library', dir, 'explain', 'tender.yaml', 'exit.handover'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').slice(-4)).toEqual([
      '         passages under their own condition:',
      '           ✔ 2  when: processesPersonalData',
      '           ✘ 3  when: hosting == "contractor"  (left out)',
      '',
    ]);
    const json = JSON.parse((await runCli(['--library', dir, 'explain', 'tender.yaml', 'exit.handover', '--json'], { cwd: dir })).stdout);
    expect(json.clauses[0].passages).toEqual([
      { number: 2, when: 'processesPersonalData', applies: 'Applies when the contractor processes personal data for the authority.', defines: null, holds: true },
      { number: 3, when: 'hosting == "contractor"', applies: 'Applies when the hosting is “The contractor”.', defines: null, holds: false },
    ]);
  });

  it('refuses to build when a passage condition does not parse: a passage left out unseen could be the duty that matters', async () => {
    const dir = fixtureCopy('basic', { 'clauses/exit/handover.yaml': HANDOVER_IN_PASSAGES.replace('when: processesPersonalData', 'when: processesPersonalData &&'), 'tender.yaml': answers });
    const r = await runCli(['--library', dir, 'build', 'tender.yaml', '-o', 'out.md', '--format', 'md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('clauses/exit/handover.yaml:9:33  error  the condition of passage 2 of exit.handover does not parse');
  });

  it('explains one clause: in, why, the condition in words and the answers that decided it', async () => {
    const dir = testdir({ 'tender.yaml': answers });
    const r = await runCli([...LIB, 'explain', `${dir}/tender.yaml`, 'security.self-assessment']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '  ✘ out  security.self-assessment  ENS self-assessment',
        '         excluded by security.certification; the condition holds',
        '         when: ensCategory != "none"',
        '         Applies when the ENS category is not “None”.',
        '           ensCategory != "none"  → true   (ensCategory = "medium")',
        '',
      ].join('\n'),
    );
  });

  it('shows a clause pulled in by requires, with both reasons', async () => {
    const dir = testdir({ 'tender.yaml': answers });
    const r = await runCli([...LIB, 'explain', `${dir}/tender.yaml`, 'exit.handover']);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['  ✔ in   exit.handover  Handover at exit', '         the condition holds; required by ownership.sensor-data']);
  });

  it('marks the parts of a condition that were not needed', async () => {
    const dir = testdir({ 'tender.yaml': answers.replace('contractType: services', 'contractType: works') });
    const r = await runCli([...LIB, 'explain', `${dir}/tender.yaml`, 'ownership.generated-data']);
    expect(r.stdout).toContain(
      [
        '           and  → false',
        '             generatesData  → true   (generatesData = true)',
        '             contractType != "works"  → false   (contractType = "works")',
      ].join('\n'),
    );
  });

  it('lists every clause grouped by category, with a count', async () => {
    const r = await runCli([...LIB, 'explain', 'tests/fixtures/basic/clauses/scenarios/works.yaml']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('1 of 11 clauses selected  (fixture-lib@1.0.0, en)');
    expect(lines.filter((l) => /^[a-z-]+ — /.test(l))).toEqual(['general — General', 'ownership — Ownership', 'personal-data — Personal data', 'security — Security', 'exit — Exit']);
    expect(lines.filter((l) => l.startsWith('  ✔ in'))).toEqual(['  ✔ in   general.definitions  Definitions']);
  });

  it('prints JSON with every decision', async () => {
    const r = await runCli([...LIB, 'explain', 'tests/fixtures/basic/clauses/scenarios/cloud-service.yaml', '--json']);
    const report = JSON.parse(r.stdout) as { selected: number; total: number; clauses: { id: string; included: boolean; reasons: { kind: string }[] }[] };
    expect(report.selected).toBe(7);
    expect(report.total).toBe(11);
    expect(report.clauses.find((c) => c.id === 'exit.old-handover')).toMatchObject({ included: false, reasons: [{ kind: 'deprecated', supersededBy: 'exit.handover' }, { kind: 'condition', holds: true }] });
  });

  it('rejects an unknown clause id with a suggestion (exit 2)', async () => {
    const r = await runCli([...LIB, 'explain', 'tests/fixtures/basic/clauses/scenarios/works.yaml', 'security.ensx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('clausula: error: there is no clause security.ensx in this library\nHow to fix: did you mean security.ens?\n');
  });

  it('reports a wrong answer at its position, without a stack trace (spawned)', () => {
    const dir = testdir({ 'tender.yaml': answers.replace('hosting: cloud-saas', 'hosting: clod-saas') });
    const r = spawnCli([...LIB, 'explain', `${dir}/tender.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        `clausula: error: ${dir}/tender.yaml has answers that do not fit the questions`,
        `  ${dir}/tender.yaml:9:12  error  "clod-saas" is not an option of hosting (did you mean cloud-saas?)  unknown-option`,
        `How to fix: correct the answers shown, or run npx clausula --library tests/fixtures/basic interview ${dir}/tender.yaml to fix them`,
        '',
      ].join('\n'),
    );
  });
});
