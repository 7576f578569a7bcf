import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load-library.js';
import { redlineOf, tracked } from '../../src/versioning/redline.js';
import { baseRepository, makeBaseTwo } from '../helpers/base-repo.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { hasOffice, officeRedline } from '../helpers/office-redline.js';
import { baseLibrary, clauseFile, layerOver } from '../helpers/layers.js';
import { suiteFixture } from '../helpers/suite-dir.js';
import { testdir } from '../helpers/testdir.js';

const hasPandoc = (() => {
  try {
    execFileSync('pandoc', ['--version']);
    return true;
  } catch {
    return false;
  }
})();

const AUTHOR = 'fixture-lib 2.0.0';

type Paragraphs = ReturnType<typeof tracked>;

/** Paragraphs as a reader sees them once every change is accepted (keep 'inserted') or rejected (keep 'deleted'). */
function resolved(ps: Paragraphs, keep: 'inserted' | 'deleted'): string[] {
  const out: string[] = [];
  let carry = '';
  for (const p of ps) {
    const text = carry + p.runs.filter((r) => r.kind === 'same' || r.kind === keep).map((r) => r.text).join('');
    // A paragraph whose end is taken away joins the next.
    if (p.mark === 'same' || p.mark === keep) {
      out.push(text);
      carry = '';
    } else carry = text;
  }
  return out;
}

/** The redline's text with every change accepted (or rejected), as the model says: one paragraph a line. */
function expectedText(old: string, now: string, keep: 'inserted' | 'deleted'): string[] {
  const model = redlineOf({ library: loadLibrary(old), label: 'v1.0.0' }, { library: loadLibrary(now), label: 'v2.0.0' });
  const all: Paragraphs = [{ runs: [{ kind: 'same', text: model.title }], mark: 'same' }, ...model.intro.map((t) => ({ runs: [{ kind: 'same' as const, text: t }], mark: 'same' as const }))];
  for (const s of model.sections) {
    all.push({ runs: s.heading, mark: s.change === 'added' ? 'inserted' : s.change === 'removed' ? 'deleted' : 'same' });
    all.push(...s.facts.map((t) => ({ runs: [{ kind: 'same' as const, text: t }], mark: 'same' as const })));
    all.push(...s.paragraphs);
  }
  return resolved(all, keep);
}

describe('clausula diff --format docx: a redline with tracked changes', () => {
  let parent: string;
  let file: string;
  let bytes: Buffer;
  beforeAll(() => {
    parent = suiteFixture('basic');
    const repo = join(parent, 'repo');
    mkdirSync(repo);
    baseRepository(repo, 'v2.0.0');
    file = join(parent, 'redline.docx');
    const r = spawnCli(['--library', repo, 'diff', 'v1.0.0', 'v2.0.0', '--format', 'docx', '-o', file], { env: { SOURCE_DATE_EPOCH: '1796000000' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`Wrote ${file}: 5 changed clauses as tracked changes (fixture-lib@1.0.0 → fixture-lib@2.0.0, en, by ${AUTHOR})\n`);
    expect(r.code).toBe(0);
    bytes = readFileSync(file);
  }, 120_000);

  it('is real WordprocessingML revisions: w:ins and w:del by the new release, paragraph ends too, track changes on', async () => {
    const parts = await docxParts(bytes);
    const xml = parts.get('word/document.xml')!;
    const authors = new Set([...xml.matchAll(/<w:(ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[2]));
    expect([...authors]).toEqual([AUTHOR]);
    expect(xml).toMatch(/<w:ins [^>]*w:date="2026-11-30T00:53:20Z"/);
    expect((xml.match(/<w:delText[ >]/g) ?? []).length).toBeGreaterThan(3);
    // Paragraph marks: the added clause's paragraphs are inserted, the removed one's deleted.
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins /s);
    expect(xml).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del /s);
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(parts.get('word/settings.xml')).toContain('<w:trackRevisions/>');
  });

  it('one heading per changed clause, in document order (category, then order and id)', async () => {
    const xml = (await docxParts(bytes)).get('word/document.xml')!;
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="Heading1"\/>(.*?)<\/w:p>/gs)].map((m) => [...m[1]!.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)].map((t) => t[1]).join(''));
    expect(headings).toEqual([
      'ownership.generated-data — Ownership of generated data',
      'ownership.reuse — Title of ownership.reuse',
      'security.certification — ENS certification',
      'security.self-assessment — ENS self-assessment',
      'exit.long-contract — Long contracts',
    ]);
  });

  it.runIf(hasPandoc)('pandoc --track-changes=all reads every insertion and deletion with its author; accept gives the new text, reject the old', () => {
    const json = JSON.parse(execFileSync('pandoc', ['--track-changes=all', '-f', 'docx', '-t', 'json', file], { encoding: 'utf8' })) as unknown;
    const spans: { kind: string; author: string; text: string }[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const n = node as { t?: string; c?: unknown };
      if (n.t === 'Span') {
        const [[, classes, attributes], content] = n.c as [[string, string[], [string, string][]], unknown[]];
        if (classes.includes('insertion') || classes.includes('deletion')) {
          spans.push({ kind: classes[0]!, author: Object.fromEntries(attributes).author!, text: plain(content) });
        }
      }
      Object.values(n).forEach(walk);
    };
    walk(json);
    expect(new Set(spans.map((s) => s.author))).toEqual(new Set([AUTHOR]));
    expect(spans).toContainEqual({ kind: 'deletion', author: AUTHOR, text: 'year' });
    expect(spans).toContainEqual({ kind: 'insertion', author: AUTHOR, text: 'six months' });
    expect(spans).toContainEqual({ kind: 'insertion', author: AUTHOR, text: 'exclusively' });

    const text = (mode: string) => execFileSync('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
    const accepted = text('accept');
    expect(accepted).toContain('For long contracts, the data are handed over every six months.');
    expect(accepted).toContain('The Authority may reuse the data for any public purpose.');
    expect(accepted).not.toContain('The Contractor holds an ENS certification.');
    const rejected = text('reject');
    expect(rejected).toContain('For long contracts, the data are handed over every year.');
    expect(rejected).toContain('The Contractor holds an ENS certification.');
    expect(rejected).not.toContain('any public purpose');
  });

  it.runIf(hasOffice())(
    'LibreOffice shows the changes, by the new release; accepting all gives the new text, rejecting all the old',
    async () => {
      const office = await officeRedline(bytes);
      // LibreOffice joins adjacent changes of one kind (a paragraph and its end) into one: at least one a changed clause.
      expect(office.changes.length).toBeGreaterThanOrEqual(5);
      expect(new Set(office.changes)).toEqual(new Set([`Insert\t${AUTHOR}`, `Delete\t${AUTHOR}`]));
      const v1 = testdir();
      const v2 = testdir();
      for (const dir of [v1, v2]) execFileSync('cp', ['-r', join(parent, 'clauses'), join(parent, 'templates'), dir]);
      makeBaseTwo(v2);
      expect(office.accepted).toEqual(expectedText(v1, v2, 'inserted'));
      expect(office.rejected).toEqual(expectedText(v1, v2, 'deleted'));
      expect(office.accepted).toContain('For long contracts, the data are handed over every six months.');
      expect(office.rejected).toContain('For long contracts, the data are handed over every year.');
    },
    180_000,
  );

  it('same libraries and SOURCE_DATE_EPOCH, same bytes; an existing file is only replaced with --force', async () => {
    const repo = join(parent, 'repo');
    const again = join(parent, 'again.docx');
    spawnCli(['--library', repo, 'diff', 'v1.0.0', 'v2.0.0', '--format', 'docx', '-o', again], { env: { SOURCE_DATE_EPOCH: '1796000000' } });
    expect(readFileSync(again).equals(bytes)).toBe(true);
    writeFileSync(again, 'a reviewer’s notes');
    const refused = await runCli(['--library', repo, 'diff', 'v1.0.0', 'v2.0.0', '--format', 'docx', '-o', again]);
    expect(refused.code).toBe(2);
    expect(readFileSync(again, 'utf8')).toBe('a reviewer’s notes');
    const forced = await runCli(['--library', repo, 'diff', 'v1.0.0', 'v2.0.0', '--format', 'docx', '-o', again, '--force']);
    expect(forced.code).toBe(0);
    const missing = await runCli(['--library', repo, 'diff', 'v1.0.0', 'v2.0.0', '--format', 'docx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('clausula: error: a redline is a Word document: say where to write it with -o FILE.docx\n');
  });
});

describe('a redline of a city library against the base release it extends', () => {
  it.runIf(hasPandoc)("the city's own clause inserted, its adaptation as tracked changes, an excluded clause deleted, by the city's release; accepting all gives the city's text", async () => {
    const base = baseLibrary();
    const city = layerOver(
      base,
      {
        'clauses/ownership/generated-data.yaml': clauseFile('ownership.generated-data', { version: '1.0.0', overrides: '1.0.0', title: 'Ownership of generated data', when: 'generatesData', text: 'All data generated under the contract belong to the City of Girona.' }),
        'clauses/ownership/city-register.yaml': clauseFile('ownership.city-register', { title: 'Municipal data register', text: 'The Contractor enters the data in the municipal register of Girona.' }),
      },
      { id: 'girona-data-clauses', manifest: 'exclude:\n  - { id: security.self-assessment, reason: The city always asks for a certification. }' },
    );
    const file = join(city, 'girona.docx');
    const r = await runCli(['diff', base, city, '--format', 'docx', '-o', file], { env: { SOURCE_DATE_EPOCH: '1796000000' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`Wrote ${file}: 3 changed clauses as tracked changes (fixture-lib@1.0.0 → girona-data-clauses@1.0.0, en, by girona-data-clauses 1.0.0)\n`);
    const xml = (await docxParts(readFileSync(file))).get('word/document.xml')!;
    expect(new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:author="([^"]*)"/g)].map((m) => m[1]))).toEqual(new Set(['girona-data-clauses 1.0.0']));
    const text = (mode: string) => execFileSync('pandoc', [`--track-changes=${mode}`, '-f', 'docx', '-t', 'plain', '--wrap=none', file], { encoding: 'utf8' });
    const accepted = text('accept');
    expect(accepted).toContain('All data generated under the contract belong to the City of Girona.');
    expect(accepted).toContain('The Contractor enters the data in the municipal register of Girona.');
    expect(accepted).not.toContain('The Contractor declares conformity by self-assessment.');
    const rejected = text('reject');
    expect(rejected).toContain('The Contractor declares conformity by self-assessment.');
    expect(rejected).not.toContain('municipal register of Girona');
    expect(rejected).not.toContain('City of Girona');
  });
});

describe('tracked paragraphs', () => {
  it.each([
    [['A b c.', 'D e.'], ['A b c.', 'X y.', 'D e.']],
    [['A b c.', 'D e.'], ['A b c.']],
    [['A b c.'], ['A b, c and d.', 'E.']],
    [[], ['New.', 'Two.']],
    [['Old.', 'Two.'], []],
    [['One paragraph.', 'Another one.'], ['One paragraph. Another one.']],
    [['a) First item.', 'b) Second.'], ['a) First item.', 'b) A new one.', 'c) Second.']],
  ])('%j → %j: accepting gives the new paragraphs, rejecting the old', (before, after) => {
    const ps = tracked(before, after);
    expect(resolved(ps, 'inserted')).toEqual(after);
    expect(resolved(ps, 'deleted')).toEqual(before);
  });
});

function plain(content: unknown): string {
  if (Array.isArray(content)) return content.map(plain).join('');
  const n = content as { t: string; c?: unknown };
  if (n.t === 'Str') return n.c as string;
  if (n.t === 'Space') return ' ';
  return n.c === undefined ? '' : plain(n.c);
}
