import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/library/yaml-source.js';
import { runCli } from '../helpers/cli.js';
import { docxParts, paragraphs } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectFixOnLine, expectNoCrash, expectRefused, failOnProcessWarnings, lineNaming, unchanged } from './guard.js';

/**
 * Answers files with the wrong types, unknown options, huge strings and hostile text, through
 * build and explain. Hostile text that is a valid answer (markup of every kind, template
 * syntax, emoji, right-to-left text, control characters) is built in every format and read
 * back in tests/render/hostile-answers.test.ts, and for random answers in
 * tests/hostile/properties.test.ts; broken YAML in an answers file is in yaml.test.ts here.
 */

failOnProcessWarnings();

const VALID = ['answers:', '  authorityName: Example Council', '  contractTitle: Resurfacing', '  contractType: works', '  contractDurationMonths: 6', '  generatesData: false', '  hosting: none', '  ensCategory: basic', ''];
const answers = (lines: string[]) => ['answers:', ...lines, ''].join('\n');

async function refusedByBuildAndExplain(content: string | Buffer, check: (output: string) => void, expected: { line: number; column: number; says: RegExp }): Promise<void> {
  const dir = fixtureCopy('basic', { 'answers.yaml': content });
  for (const command of [['build', 'answers.yaml', '-o', 'out.docx'], ['explain', 'answers.yaml']]) {
    const result = await unchanged(dir, () => runCli(['--library', '.', ...command], { cwd: dir }));
    expectRefused(result, { code: 2, file: 'answers.yaml', ...expected });
    check(result.stderr);
  }
}

describe('answers of the wrong type, one finding each at its value', () => {
  const wrong: [string, number, RegExp][] = [
    ['  authorityName: 5', 18, /authorityName must be text, not 5 \(put the text in quotes\)/],
    ['  contractTitle: [a, b]', 18, /contractTitle must be text, not a list/],
    ['  contractType: [works]', 17, /contractType must be one of: services, supplies, works, not a list/],
    ['  contractDurationMonths: "12"', 27, /contractDurationMonths must be a number, not the text "12" \(write the number without quotes or units, with a point for decimals\)/],
    ['  generatesData: "yes"', 18, /generatesData must be true or false, not the text "yes"/],
    ['  dataKinds: sensor', 14, /dataKinds must be a list, not the text "sensor" \(write a list such as \[a, b\]\)/],
    ['  hosting: 1', 12, /hosting must be one of: authority, contractor, cloud-saas, none, not 1/],
    ['  ensCategory: true', 16, /ensCategory must be one of: none, basic, medium, high, not true/],
  ];

  test('every question type: text, select, number, boolean, multiselect', async () => {
    await refusedByBuildAndExplain(
      answers(wrong.map(([line]) => line)),
      (output) => {
        wrong.forEach(([, column, says], i) => {
          const line = lineNaming(output, { file: 'answers.yaml', line: i + 2, column });
          expect(line).toMatch(says);
          expectFixOnLine(line);
        });
      },
      { line: 2, column: 18, says: /answers\.yaml has answers that do not fit the questions/ },
    );
  });

  test('a value of a kind no answer has (a mapping) is refused by the file format', async () => {
    await refusedByBuildAndExplain(answers(['  authorityName: { name: x }']), () => undefined, { line: 2, column: 18, says: /answers\.authorityName must be text, a number, true\/false or a list of texts, not a mapping/ });
  });

  test.each([
    ['!!js/function', '"function () { return process.exit(1) }"'],
    ['!!binary', 'aGVsbG8='],
    ['!!timestamp', '2001-12-14'],
    ['!!set', '{ a }'],
  ])('the tag %s is an unknown tag, not a value of another kind', async (tag, value) => {
    await refusedByBuildAndExplain(answers([`  authorityName: ${tag} ${value}`]), () => undefined, { line: 2, column: 18, says: new RegExp(`unknown tag ${tag}.*remove the tag`) });
  });
});

describe('unknown options, out-of-range values, unknown questions', () => {
  test('each refused option with a suggestion or the list of options; an unknown question is a warning', async () => {
    const content = VALID.join('\n')
      .replace('contractType: works', 'contractType: workz')
      .replace('contractDurationMonths: 6', 'contractDurationMonths: 601')
      .replace('hosting: none', 'hosting: cloud')
      .replace('ensCategory: basic', 'ensCategory: HIGH')
      .concat('  generatedData: true\n');
    await refusedByBuildAndExplain(
      content,
      (output) => {
        expect(lineNaming(output, { file: 'answers.yaml', line: 4, column: 17 })).toContain('"workz" is not an option of contractType (did you mean works?)');
        expect(lineNaming(output, { file: 'answers.yaml', line: 5, column: 27 })).toContain('contractDurationMonths is 601, above the maximum of 600 (Give a number of months between 1 and 600.)');
        expect(lineNaming(output, { file: 'answers.yaml', line: 7, column: 12 })).toContain('"cloud" is not an option of hosting (options: authority, contractor, cloud-saas, none)');
        expect(lineNaming(output, { file: 'answers.yaml', line: 8, column: 16 })).toContain('"HIGH" is not an option of ensCategory (did you mean high?)');
        expect(lineNaming(output, { file: 'answers.yaml', line: 9, column: 3 })).toContain('warning  "generatedData" is not a question of this library; the answer is ignored (did you mean generatesData?)');
      },
      { line: 4, column: 17, says: /do not fit the questions/ },
    );
  });

  test('language, library and template fields that try to reach elsewhere', async () => {
    await refusedByBuildAndExplain(`language: __proto__\nlibrary: constructor\n${VALID.join('\n')}`, () => undefined, { line: 1, column: 11, says: /language is "__proto__", which is not a language code/ });
    const dir = fixtureCopy('basic', { 'answers.yaml': `template: ../../etc/passwd\n${VALID.join('\n')}` });
    const result = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml'], { cwd: dir }));
    expectRefused(result, { code: 2, file: 'answers.yaml', says: /there is no template "\.\.\/\.\.\/etc\/passwd" in this library \(named by answers\.yaml\)\nHow to fix: the templates are: main/ });
  });

  test('an answers file that is a device or a pipe is refused, never read (it would never end, or block)', async () => {
    const dir = fixtureCopy('basic');
    spawnSync('mkfifo', [join(dir, 'pipe.yaml')]);
    for (const command of ['build', 'explain']) {
      for (const path of ['/dev/zero', 'pipe.yaml']) {
        const result = await unchanged(dir, () => runCli(['--library', '.', command, path], { cwd: dir }));
        expectRefused(result, { code: 2, file: path, line: 1, column: 1, says: /cannot read the file: it is not a regular file \(a device, a pipe or a socket\)/ });
      }
    }
  });

  test('an answers file that is missing or a folder', async () => {
    const dir = fixtureCopy('basic');
    mkdirSync(join(dir, 'folder.yaml'));
    for (const command of ['build', 'explain']) {
      const missing = await unchanged(dir, () => runCli(['--library', '.', command, 'missing.yaml'], { cwd: dir }));
      expectRefused(missing, { code: 2, file: 'missing.yaml', says: /missing\.yaml: no such answers file/ });
      const folder = await unchanged(dir, () => runCli(['--library', '.', command, 'folder.yaml'], { cwd: dir }));
      expectRefused(folder, { code: 2, file: 'folder.yaml', line: 1, column: 1, says: /cannot read the file: it is a folder/ });
    }
  });
});

describe('huge answers', () => {
  test('a 2 MB answer makes the file too large to read: refused before parsing, nothing written', async () => {
    await refusedByBuildAndExplain(answers([`  authorityName: ${'x'.repeat(2 * 2 ** 20)}`]), () => undefined, { line: 1, column: 1, says: new RegExp(`over the limit of ${MAX_FILE_BYTES} bytes \\(1 MiB\\)`) });
  });

  test('a 500 KB answer is within the limit: the document holds it whole, in Markdown and in Word', async () => {
    const long = 'Ajuntament '.repeat(50_000).trim();
    const dir = fixtureCopy('basic', { 'answers.yaml': VALID.join('\n').replace('Example Council', long) });
    const md = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'md'], { cwd: dir }));
    expect(md.code, md.stderr).toBe(0);
    expectNoCrash(md.stderr);
    expect(md.stdout).toContain(`the Authority means ${long}.`);
    const docx = await runCli(['--library', '.', 'build', 'answers.yaml', '-o', 'out.docx'], { cwd: dir });
    expect(docx.code, docx.stderr).toBe(0);
    const text = paragraphs((await docxParts(join(dir, 'out.docx'))).get('word/document.xml')!).join('\n');
    expect(text).toContain(`the Authority means ${long}.`);
  });
});

describe('hostile text in a valid answer', () => {
  test('an answer that looks like a placeholder is printed as typed, never filled in', async () => {
    const dir = fixtureCopy('basic', { 'answers.yaml': VALID.join('\n').replace('Example Council', '"{{ contractTitle }} {{ authorityName }} {% include \'/etc/passwd\' %}"') });
    const json = await unchanged(dir, () => runCli(['--library', '.', 'build', 'answers.yaml', '-o', '-', '--format', 'json'], { cwd: dir }));
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).parts[0].clauses[0].blocks[0].runs).toContainEqual({ kind: 'text', text: "{{ contractTitle }} {{ authorityName }} {% include '/etc/passwd' %}", bold: false, italic: false, answer: true });
    expect(json.stdout).not.toContain(readFileSync('/etc/passwd', 'utf8').split('\n')[0]!);
  });
});
