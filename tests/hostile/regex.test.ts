import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixtureCopy } from '../helpers/testdir.js';

// A library from a stranger's pull request may carry a validation pattern built to hang a
// regular-expression engine, and a scenario answer crafted to trigger it.
const EVIL = "^(a+)+$";
const ANSWER = `${'a'.repeat(40)}!`;

describe('a catastrophic validation pattern', () => {
  it('is reported by lint and never run against the answers, so lint finishes', async () => {
    const dir = fixtureCopy('basic');
    const questions = readFileSync(`${dir}/clauses/questions.yaml`, 'utf8');
    const prompt = '        prompt: { en: What is the contract called? }';
    writeFileSync(`${dir}/clauses/questions.yaml`, questions.replace(prompt, () => `${prompt}\n        validation: { pattern: '${EVIL}' }`));
    const scenario = readFileSync(`${dir}/clauses/scenarios/works.yaml`, 'utf8');
    writeFileSync(`${dir}/clauses/scenarios/works.yaml`, scenario.replace('contractTitle: Resurfacing', () => `contractTitle: "${ANSWER}"`));
    const started = Date.now();
    const r = await runCli(['lint', dir, '--format', 'json']);
    // Generous: the point is that it returns at all (the pattern run on this answer takes minutes).
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    const findings = (JSON.parse(r.stdout) as { findings: { ruleId: string; file: string }[] }).findings;
    expect(findings.map((f) => `${f.ruleId} ${f.file}`)).toEqual([`invalid-validation ${dir}/clauses/questions.yaml`]);
  });
});
