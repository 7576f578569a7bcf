import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, spawnCli } from '../helpers/cli.js';
import { answer, chooseItem, contract, expectedAnswers, open, prompt, rest, run } from '../helpers/interview-pty.js';
import { testdir } from '../helpers/testdir.js';
import { activePrompt, hasTmux, type Terminal } from '../helpers/tmux.js';

// What a Spanish and a Catalan officer do in a real terminal (issue: the officer's path):
// paste a title from Word, answer yes as they write it, never get a yes they did not give,
// close the window mid-way, change their mind in the review, and get every document.

/** The screen's text with the interview's own line breaks (it wraps to the terminal) as spaces. */
const flat = (screen: string) => screen.replace(/\s+/g, ' ');

/** The answers on disk right now (the interview saves after every answer). */
const onDisk = (file: string) => (parse(readFileSync(file, 'utf8')) as { answers: Record<string, unknown> }).answers;

/** Wait until the answers file satisfies the test: it is written just after Enter. */
async function waitForFile(file: string, test: (answers: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (existsSync(file)) {
      const answers = onDisk(file);
      if (test(answers)) return answers;
    }
    if (Date.now() > deadline) throw new Error(`${file} never held the answer; it holds ${existsSync(file) ? readFileSync(file, 'utf8') : 'nothing'}`);
    await sleep(25);
  }
}

async function waitForExit(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    if (Date.now() > deadline) throw new Error(`process ${pid} is still running`);
    await sleep(25);
  }
}

/** The question waiting now, once its input shows exactly `typed`. */
async function waitForInput(t: Terminal, id: string, language: string, typed: string): Promise<string> {
  return t.waitFor((s) => {
    const active = activePrompt(s);
    return active !== undefined && active.startsWith(prompt(id, language)) && s.trimEnd().endsWith(typed);
  });
}

describe.skipIf(!hasTmux)(`the officer's path in a real terminal${hasTmux ? '' : ' (skipped: tmux is not installed)'}`, () => {
  it('es: a pasted two-line title keeps both lines; Enter at a yes/no without a suggestion records nothing; "si" is yes; closing the window keeps every answer given', async () => {
    const cwd = testdir();
    const file = join(cwd, 'licitacion.yaml');
    // The process's id, to know when the hang-up has ended it.
    const t = run(`sh -c 'echo $$ > clausula.pid; exec ${process.execPath} ${BIN} interview licitacion.yaml'`, cwd, 'es_ES.UTF-8');
    await t.waitForPrompt(prompt('authorityName', 'es'));
    expect(flat(t.screen())).toContain('Al final revisará todas las respuestas y podrá cambiar cualquiera.');
    expect(t.screen()).toContain('Pregunta 1 de ');
    // No city's name is suggested: the officer types their own.
    expect(activePrompt(t.screen())).toBe(prompt('authorityName', 'es'));
    await answer(t, [{ id: 'authorityName', type: 'Ayuntamiento de Valladolid' }], 'es');

    // A title copied from Word over two lines, pasted at once.
    await t.waitForPrompt(prompt('contractTitle', 'es'));
    t.paste('Concesión del servicio de\naparcamiento regulado');
    await waitForInput(t, 'contractTitle', 'es', 'Concesión del servicio de aparcamiento regulado');
    t.press('Enter');
    await t.waitForPrompt(prompt('contractReference', 'es'));
    // Nothing leaked into the next question.
    expect(activePrompt(t.screen())).toBe(prompt('contractReference', 'es'));
    expect((await waitForFile(file, (a) => 'contractTitle' in a)).contractTitle).toBe('Concesión del servicio de aparcamiento regulado');

    await answer(t, [{ id: 'contractReference', type: 'EXP-2027-0001' }, { id: 'contractType', pick: 1 }, { id: 'cpvCodes' }], 'es');
    // Months are whole: "12,5" is refused, as written.
    await t.waitForPrompt(prompt('contractDurationMonths', 'es'));
    t.type('12,5');
    t.press('Enter');
    await t.waitFor('Escriba un número entero, sin decimales, por ejemplo 24.');
    t.press('BSpace', 'BSpace', 'BSpace', 'BSpace');
    t.type('24');
    t.press('Enter');
    await answer(t, [{ id: 'dataContact', type: 'Servicio de Sistemas de Información' }, { id: 'generatesData' }, { id: 'dataKinds', tick: [1] }, { id: 'dataDeliveryFrequency', pick: 3 }, { id: 'publicServiceOperator' }, { id: 'thirdPartyDataSources' }, { id: 'dataManagementPlan' }, { id: 'publicRecords' }], 'es');

    // No suggestion, so Enter records nothing and asks for an answer.
    await t.waitForPrompt(prompt('processesPersonalData', 'es'));
    expect(t.screen()).toContain(`${prompt('processesPersonalData', 'es')} (s/n)`);
    t.press('Enter');
    await t.waitFor('Responda sí o no (s o n).');
    await sleep(200);
    expect(activePrompt(t.screen())).toMatch(new RegExp(`^${prompt('processesPersonalData', 'es').replace(/[?¿()]/g, '\\$&')}`));
    expect(onDisk(file)).not.toHaveProperty('processesPersonalData');
    // "si", as a Spanish officer writes it, is yes; so are "Sí" and "NO" no.
    t.type('si');
    t.press('Enter');
    await answer(
      t,
      [
        { id: 'contractorControllerRole' },
        { id: 'processingPurpose', type: 'gestionar el aparcamiento regulado' },
        { id: 'processingOperations', tick: [1] },
        { id: 'personalDataTypes', tick: [1] },
        { id: 'dataSubjectCategories', tick: [1] },
      ],
      'es',
    );
    await t.waitForPrompt(prompt('specialCategoryData', 'es'));
    t.type('Sí');
    t.press('Enter');
    await t.waitForPrompt(prompt('largeScaleProcessing', 'es'));
    t.type('NO');
    t.press('Enter');
    await t.waitForPrompt(prompt('thirdCountryTransfer', 'es'));

    // The officer closes the window: the answer given just before it is on disk.
    const pid = Number(readFileSync(join(cwd, 'clausula.pid'), 'utf8'));
    t.hangUp();
    await waitForExit(pid);
    expect(onDisk(file)).toEqual({
      authorityName: 'Ayuntamiento de Valladolid',
      contractTitle: 'Concesión del servicio de aparcamiento regulado',
      contractReference: 'EXP-2027-0001',
      contractType: 'services',
      cpvCodes: null,
      contractDurationMonths: 24,
      dataContact: 'Servicio de Sistemas de Información',
      generatesData: true,
      dataKinds: ['operational'],
      dataDeliveryFrequency: 'monthly',
      publicServiceOperator: false,
      thirdPartyDataSources: false,
      dataManagementPlan: true,
      publicRecords: false,
      processesPersonalData: true,
      contractorControllerRole: 'none',
      processingPurpose: 'gestionar el aparcamiento regulado',
      processingOperations: ['collection'],
      personalDataTypes: ['identification'],
      dataSubjectCategories: ['public'],
      specialCategoryData: true,
      largeScaleProcessing: false,
    });
    // Saved atomically: nothing half-written left beside it.
    expect(readdirSync(cwd).sort()).toEqual(['clausula.pid', 'licitacion.yaml']);
  }, 90_000);

  it('ca: the review warns before setting answers aside and brings them back; "build now" writes every document, every applicable clause in one', async () => {
    const cwd = testdir();
    const t = open('interview licitacio.yaml', cwd, 'ca_ES.UTF-8');
    await answer(t, [...contract, ...rest], 'ca');

    // Switch generatesData off: the answers it would drop are named first.
    await chooseItem(t, 'Què voleu fer?', 1, 'Canviar una resposta');
    await t.waitForPrompt('Quina resposta voleu canviar?');
    t.type('Generació');
    await t.waitFor(/❯ \d+\. Generació de dades: Sí/);
    t.press('Enter');
    await t.waitForPrompt(prompt('generatesData', 'ca'));
    t.type('n');
    t.press('Enter');
    const warned = await t.waitForPrompt('Manteniu la resposta nova?');
    expect(flat(warned)).toMatch(/Amb aquesta resposta aquestes preguntes deixen d'aplicar-se i les seves respostes s'aparten: Els tipus de dades; .*Tornen si desfeu aquest canvi\./s);
    t.type('s');
    t.press('Enter');
    await t.waitForPrompt('Què voleu fer?');
    const aside = onDisk(join(cwd, 'licitacio.yaml'));
    expect(aside.generatesData).toBe(false);
    expect(aside).not.toHaveProperty('dataKinds');
    expect((parse(readFileSync(join(cwd, 'licitacio.yaml'), 'utf8')) as { setAside: Record<string, unknown> }).setAside).toMatchObject({ dataKinds: ['personal', 'sensor'], handoverDays: 60 });

    // And back on: every answer returns, none is asked again.
    const before = t.screen().length;
    await chooseItem(t, 'Què voleu fer?', 1, 'Canviar una resposta');
    await t.waitForPrompt('Quina resposta voleu canviar?');
    t.type('Generació');
    await t.waitFor(/❯ \d+\. Generació de dades: No/);
    t.press('Enter');
    await t.waitForPrompt(prompt('generatesData', 'ca'));
    t.type('s');
    t.press('Enter');
    const back = await t.waitForPrompt('Què voleu fer?');
    expect(flat(back.slice(before))).toContain('Es recuperen les vostres respostes anteriors: Els tipus de dades; ');
    expect(back.slice(before)).not.toContain(`? ${prompt('dataKinds', 'ca')}`);
    expect(onDisk(join(cwd, 'licitacio.yaml'))).toEqual(expectedAnswers);

    // Build now: every document the tender needs, in one step.
    await chooseItem(t, 'Què voleu fer?', 3, 'Generar els documents ara');
    const done = await t.waitFor('[exit 0]', 60_000);
    expect(done).toContain('Generant els documents…');
    expect(done).toMatch(/S'ha escrit licitacio-clausules-administratives\.docx: clàusules administratives, \d+ clàusules/);
    expect(done).toMatch(/S'ha escrit licitacio-prescripcions-tecniques\.docx: prescripcions tècniques, \d+ clàusules/);
    expect(done).toMatch(/Les \d+ clàusules aplicables són totes en algun dels 2 documents\./);
    const explained = JSON.parse(spawnCli(['explain', 'licitacio.yaml', '--json'], { cwd }).stdout) as { clauses: { id: string; included: boolean }[] };
    const selected = explained.clauses.filter((c) => c.included).map((c) => c.id).sort();
    const inDocuments = new Set<string>();
    for (const document of ['licitacio-clausules-administratives.docx', 'licitacio-prescripcions-tecniques.docx']) {
      const verified = spawnCli(['verify', document, '--json'], { cwd });
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      for (const c of (JSON.parse(verified.stdout) as { clauses: { id: string }[] }).clauses) inDocuments.add(c.id);
    }
    expect([...inDocuments].sort()).toEqual(selected);
  }, 120_000);

  it('ca: works that collect no data are not asked about hosting or the ENS, and get no hosting clause', async () => {
    const cwd = testdir();
    const t = open('interview obres.yaml', cwd, 'ca_ES.UTF-8');
    await answer(
      t,
      [
        { id: 'authorityName', type: 'Ajuntament de Lleida' },
        { id: 'contractTitle', type: 'Reforma del mercat' },
        { id: 'contractReference', type: 'OB-12' },
        { id: 'contractType', pick: 3 },
        { id: 'cpvCodes', type: '45000000-7' },
        { id: 'contractDurationMonths', type: '14' },
        { id: 'dataContact', type: 'Servei de Sistemes d’Informació' },
        { id: 'generatesData', yes: false },
        { id: 'publicRecords' },
        { id: 'iotDevices' },
      ],
      'ca',
    );
    const screen = await t.waitForPrompt(prompt('cityPlatformIntegration', 'ca'));
    expect(screen).not.toContain(prompt('hosting', 'ca'));
    expect(screen).not.toContain(prompt('ensCategory', 'ca'));
    expect(screen).not.toContain(prompt('breachNotificationHours', 'ca'));
    t.press('C-c');
    await t.waitFor('[exit 130]');
    const explained = JSON.parse(spawnCli(['explain', 'obres.yaml', '--json'], { cwd }).stdout) as { clauses: { id: string; included: boolean }[] };
    const selected = explained.clauses.filter((c) => c.included).map((c) => c.id);
    expect(selected.filter((id) => /^(exit|interoperability|security)\./.test(id))).toEqual([]);
  }, 90_000);

  it('es: Ctrl-D at a question stops like Ctrl-C: every answer given is saved and the command to carry on is printed', async () => {
    const cwd = testdir();
    const t = open('interview licitacion.yaml', cwd, 'es_ES.UTF-8');
    await answer(t, [{ id: 'authorityName', type: 'Diputación de Cádiz' }, { id: 'contractTitle', type: 'Plataforma de datos' }], 'es');
    await t.waitForPrompt(prompt('contractReference', 'es'));
    t.press('C-d');
    const stopped = flat(await t.waitFor('[exit 130]'));
    expect(stopped).toContain(`Detenido. Las respuestas dadas hasta ahora se han guardado en licitacion.yaml. Para continuar donde lo ha dejado, ejecute: node ${BIN} interview licitacion.yaml`);
    expect(onDisk(join(cwd, 'licitacion.yaml'))).toEqual({ authorityName: 'Diputación de Cádiz', contractTitle: 'Plataforma de datos' });
  }, 60_000);

  it('ca: SIGTERM between two answers: they are on disk, and the officer is told where and how to carry on', async () => {
    const cwd = testdir();
    const t = run(`sh -c 'echo $$ > clausula.pid; exec ${process.execPath} ${BIN} interview licitacio.yaml'`, cwd, 'ca_ES.UTF-8');
    await answer(t, [{ id: 'authorityName', type: 'Consell Comarcal del Baix Llobregat' }], 'ca');
    await t.waitForPrompt(prompt('contractTitle', 'ca'));
    process.kill(Number(readFileSync(join(cwd, 'clausula.pid'), 'utf8')), 'SIGTERM');
    const stopped = flat(await t.waitFor('[exit 143]'));
    expect(stopped).toContain("Aturat. Les respostes donades fins ara s'han desat a licitacio.yaml.");
    expect(stopped).toContain('interview licitacio.yaml');
    expect(onDisk(join(cwd, 'licitacio.yaml'))).toEqual({ authorityName: 'Consell Comarcal del Baix Llobregat' });
  }, 60_000);
});
