import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const LIB = ['--library', 'tests/fixtures/basic'];

describe('clausula graph', () => {
  it('draws requires and excludes as Mermaid', async () => {
    const r = await runCli([...LIB, 'graph']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(-5)).toEqual([
      '  end',
      '  ownership_sensor_data -->|requires| exit_handover',
      '  personal_data_processor -->|requires| personal_data_breach',
      '  security_certification -.-x|excludes| security_self_assessment',
      '',
    ]);
    expect(r.stdout).toContain('    exit_long_contract["exit.long-contract (draft)"]');
    expect(r.stdout).not.toContain('old-handover');
  });

  it('draws Graphviz dot', async () => {
    const r = await runCli([...LIB, 'graph', '--format', 'dot']);
    expect(r.stdout).toContain('  "security.certification" -> "security.self-assessment" [label="excludes", style=dashed, color=red];');
    expect(r.stdout).toMatch(/^digraph clauses \{\n/);
  });
});

describe('clausula list and show', () => {
  it('lists clauses filtered by category', async () => {
    const r = await runCli([...LIB, 'list', '--category', 'security']);
    expect(r.stdout).toBe(
      [
        'security.certification    1.0.0    approved    ENS certification',
        'security.ens              1.0.0    approved    ENS conformity',
        'security.self-assessment  1.0.0    approved    ENS self-assessment',
        '',
        '3 clauses',
        '',
      ].join('\n'),
    );
  });

  it('lists by status as JSON', async () => {
    const r = await runCli([...LIB, 'list', '--status', 'draft', '--json']);
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'exit.long-contract', version: '1.0.0', status: 'draft', category: 'exit', title: 'Long contracts', when: 'contractDurationMonths >= 24', layer: 'fixture-lib' }]);
  });

  it('shows one clause with its condition in plain words', async () => {
    const r = await runCli([...LIB, 'show', 'security.certification']);
    expect(r.stdout).toBe(
      [
        'security.certification  1.0.0  approved',
        'ENS certification',
        '',
        'Applies when the ENS category is “Medium” or “High”.',
        'when: ensCategory in ["medium", "high"]',
        'excludes: security.self-assessment',
        '',
        'The Contractor holds an ENS certification.',
        '',
        'Guidance:',
        'Guidance for security.certification.',
        '',
        'Legal basis:',
        '  - Regulation (EU) 2016/679 (GDPR), art. 28',
        '',
      ].join('\n'),
    );
  });

  it('refuses a language the library does not have', async () => {
    const r = await runCli([...LIB, 'show', 'security.ens', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('clausula: error: the library has no fr texts\nHow to fix: choose one of: en\n');
  });
});
