import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, spawnCli } from '../helpers/cli.js';
import { testdir } from '../helpers/testdir.js';

// A Spanish officer's build, explain and verify, in an English-speaking shell: every word
// clausula writes is Spanish. What is quoted from the library as written stays as it is:
// releases, clause ids, file names, question ids and the conditions' own syntax.

const ENGLISH = /\b(the|of|and|or|not|is|are|with|from|written|selected|clauses?|applies|always|condition|holds|documents?|needed|true|false|warning|none|left|passages|defines|over|added|adapted|verified|matches|library|edited|missing|template|answers?|run|fix|file)\b/gi;

/** What is left of clausula's own words once what it quotes as written is taken out. */
function ownWords(output: string): string {
  return output
    .split('\n')
    .map((line) => line.replace(/(cuándo:).*$/, '$1')) // the condition as the library writes it
    .join('\n')
    .replace(/\S+@\d\S*/g, '') // releases
    .replace(/\b[a-z]+(-[a-z]+)*\.[a-z0-9][a-z0-9.-]*/g, '') // clause ids, file names
    .replace(/\b[a-z]+[A-Z]\w*/g, '') // question ids
    .replace(/"[^"\n]*"/g, '') // option values as written
    .replace(/\bpcap-data-clauses\b|\bppt-data-requirements\b/g, ''); // template ids
}

describe('a Spanish officer reads no English', () => {
  it('build, explain and verify of a Spanish answers file, with LANG=C', () => {
    const dir = testdir();
    const answers = readFileSync(join(REPO_ROOT, 'examples/smart-parking.yaml'), 'utf8').replace(/^language: ca$/m, 'language: es');
    expect(answers).toContain('language: es');
    writeFileSync(join(dir, 'licitacion.yaml'), answers);
    const env = { LANG: 'C', LC_ALL: '', LANGUAGE: '' };

    const built = spawnCli(['build', 'licitacion.yaml'], { cwd: dir, env });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stdout).toContain('Se ha escrito licitacion-clausulas-administrativas.docx: cláusulas administrativas');
    expect(built.stdout).toMatch(/Las \d+ cláusulas aplicables están todas en alguno de los 2 documentos\./);

    const explained = spawnCli(['explain', 'licitacion.yaml'], { cwd: dir, env });
    expect(explained.code, explained.stderr).toBe(0);
    expect(explained.stdout).toMatch(/^\d+ de \d+ cláusulas seleccionadas/);
    expect(explained.stdout).toContain('sin condición: se aplica siempre');

    const verified = spawnCli(['verify', 'licitacion-clausulas-administrativas.docx'], { cwd: dir, env });
    expect(verified.code, verified.stderr).toBe(0);

    // Errors too: a second build refuses to overwrite, in Spanish.
    const again = spawnCli(['build', 'licitacion.yaml'], { cwd: dir, env });
    expect(again.code).toBe(2);

    for (const [what, output] of [
      ['build', built.stdout + built.stderr],
      ['explain', explained.stdout + explained.stderr],
      ['verify', verified.stdout + verified.stderr],
      ['build again', again.stdout + again.stderr],
    ] as const) {
      expect(ownWords(output).match(ENGLISH), `${what} printed English:\n${output}`).toBeNull();
    }
  }, 60_000);
});
