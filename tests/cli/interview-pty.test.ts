import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadAnswers } from '../../src/library/load-answers.js';
import { releaseOf } from '../../src/library/model.js';
import { BIN } from '../helpers/cli.js';
import { answer, contract, expectedAnswers, library, open, prompt, rest, run, saveAndQuit } from '../helpers/interview-pty.js';
import { testdir } from '../helpers/testdir.js';
import { hasTmux } from '../helpers/tmux.js';

// The built binary in a real pseudo-terminal, on the shipped library: what an officer does.
// The release the answers file names: the shipped library's, whichever it is.
const RELEASE = releaseOf(library);

describe.skipIf(!hasTmux)(`clausula interview in a real terminal${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
  it('answers the whole shipped interview, every question once, and writes the file build reads', async () => {
    const cwd = testdir();
    const t = open(`interview ${join(cwd, 'tender.yaml')}`, cwd, 'en_GB.UTF-8');
    const keys = await answer(t, [...contract, ...rest], 'en');
    await saveAndQuit(t, 'What would you like to do?', 'Save and quit');
    const screen = await t.waitFor('[exit 0]');

    expect(screen).toContain('\n1/7 The contract\n');
    expect(screen).toContain('\n7/7 Handover, exit and enforcement\n');
    expect(screen).toContain('Answers saved in tender.yaml.');
    // Each asked question was prompted exactly once; the skipped one never.
    for (const a of [...contract, ...rest]) expect(screen.split(`✔ ${prompt(a.id, 'en')}`).length - 1, a.id).toBe(1);
    expect(screen).not.toContain(prompt('softwareLicence', 'en'));
    // No keystroke beyond what the answers themselves take: one Enter a question, plus the typing and picking.
    const typed = [...contract, ...rest].reduce((n, a) => n + (a.type?.length ?? 0) + (a.pick ? 1 : 0) + (a.tick?.length ?? 0) + (a.yes !== undefined ? 1 : 0), 0);
    expect(keys).toBe(contract.length + rest.length + typed);

    const text = readFileSync(join(cwd, 'tender.yaml'), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual(['# clausula answers: Smart parking concession (EXP-2026-0412)', '# written by clausula interview on 2027-01-15']);
    expect(parse(text)).toEqual({ library: RELEASE, language: 'en', answers: expectedAnswers });
    expect(Object.keys(parse(text).answers)).toEqual(Object.keys(expectedAnswers));
    const loaded = loadAnswers(library, join(cwd, 'tender.yaml'), 'tender.yaml');
    expect(loaded.warnings).toEqual([]);
  }, 60_000);

  it('Ctrl-C mid-way saves the answers and prints the command that resumes; resuming asks only the rest', async () => {
    const cwd = testdir();
    const first = open('interview answers.yaml', cwd, 'ca_ES.UTF-8');
    await answer(first, contract.slice(0, 4), 'ca');
    await first.waitForPrompt(prompt('cpvCodes', 'ca'));
    first.type('9835');
    first.press('C-c');
    const stopped = await first.waitFor('[exit 130]');
    expect(stopped).toContain(`Aturat. Les respostes donades fins ara s'han desat a answers.yaml.\nPer continuar on ho heu deixat, executeu:\n  node ${BIN} interview answers.yaml\n`);
    expect(parse(readFileSync(join(cwd, 'answers.yaml'), 'utf8'))).toEqual({
      library: RELEASE,
      language: 'ca',
      answers: { authorityName: 'Ajuntament de Girona', contractTitle: 'Smart parking concession', contractReference: 'EXP-2026-0412', contractType: 'service-concession' },
    });

    // The printed command, exactly as printed: it runs.
    const command = /executeu:\n {2}(.+)\n/.exec(stopped)![1]!;
    const second = run(command, cwd, 'en_GB.UTF-8');
    const resumed = await second.waitForPrompt(prompt('cpvCodes', 'ca'));
    expect(resumed).toContain('Continuem amb answers.yaml: 4 respostes ja donades.');
    expect(resumed).not.toContain(prompt('authorityName', 'ca'));
    await answer(second, [...contract.slice(4), ...rest], 'ca');
    await saveAndQuit(second, 'Què voleu fer?', 'Desar i sortir');
    await second.waitFor('[exit 0]');
    expect(parse(readFileSync(join(cwd, 'answers.yaml'), 'utf8'))).toEqual({ library: RELEASE, language: 'ca', answers: expectedAnswers });
  }, 60_000);
});
