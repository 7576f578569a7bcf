import { spawnSync } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeZip } from '../../src/render/docx/zip.js';
import { runCli } from '../helpers/cli.js';
import { docxParts } from '../helpers/docx.js';
import { fixtureCopy } from '../helpers/testdir.js';
import { expectNoCrash, expectRefused, failOnProcessWarnings, unchanged } from './guard.js';

/**
 * Paths that lead where clausula must not go: a template name that climbs out of the library,
 * output to a folder, to a missing folder, to read-only places, over an existing file, through
 * symbolic links, and reference documents that are not Word documents. Each is refused before
 * a byte is written, with the path named and what to do instead.
 *
 * Symbolic links (README, "Reliability"): an output path that is a link to an existing file is
 * an existing file: refused without --force; with --force the file the link points to is
 * replaced and the link stays. A link that points nowhere is refused even with --force:
 * clausula never creates a file where a dangling link leads, nor silently replaces the link.
 */

failOnProcessWarnings();

const ANSWERS = 'answers:\n  authorityName: Example Council\n  contractTitle: Resurfacing\n  contractType: works\n  contractDurationMonths: 6\n  generatesData: false\n  hosting: none\n  ensCategory: basic\n';

function library(): string {
  return fixtureCopy('basic', { 'answers.yaml': ANSWERS });
}

const build = (dir: string, ...args: string[]) => runCli(['--library', '.', 'build', 'answers.yaml', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '0' } });

describe('--template names a template of the library, never a path', () => {
  test.each(['../../etc/passwd', '/etc/passwd', '../templates/main', 'main.yaml', '__proto__'])('%s', async (name) => {
    const dir = library();
    const result = await unchanged(dir, () => build(dir, '--template', name, '-o', 'out.docx'));
    expectRefused(result, { code: 2, file: name, says: new RegExp(`there is no template "${name.replace(/[.*/]/g, '\\$&')}" in this library\\nHow to fix: the templates are: main`) });
  });
});

describe('-o to places that cannot or must not be written', () => {
  test('a folder: the document goes inside it, named after the answers; the folder stays a folder', async () => {
    const dir = library();
    mkdirSync(join(dir, 'out'));
    const result = await build(dir, '-o', 'out');
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out'))).toEqual(['answers.docx']);
    expect(lstatSync(join(dir, 'out')).isDirectory()).toBe(true);
  });

  test('a folder that does not exist', async () => {
    const dir = library();
    const result = await unchanged(dir, () => build(dir, '-o', 'missing/out.docx'));
    expectRefused(result, { code: 2, file: 'missing/out.docx', says: /the folder missing does not exist\nHow to fix: create the folder first/ });
  });

  test('a "folder" that is a file', async () => {
    const dir = library();
    writeFileSync(join(dir, 'notes.txt'), 'keep me');
    const result = await unchanged(dir, () => build(dir, '-o', 'notes.txt/out.docx'));
    expectRefused(result, { code: 2, file: 'notes.txt/out.docx', says: /notes\.txt is not a folder/ });
  });

  // Tests run as root, so permissions stop nothing: use places the kernel itself refuses.
  test('a folder that takes no new files (/proc)', async () => {
    const dir = library();
    const result = await unchanged(dir, () => build(dir, '-o', '/proc/clausula-out.md', '--format', 'md'));
    expectRefused(result, { code: 2, file: '/proc/clausula-out.md', says: /no file can be created in \/proc\nHow to fix: choose another place with -o/ });
  });

  const sysWritable = (() => {
    try {
      closeSync(openSync('/sys/clausula-probe', 'w'));
      return true;
    } catch {
      return false;
    }
  })();
  test.skipIf(sysWritable)('a folder where even root may not create files (/sys)', async () => {
    const dir = library();
    const result = await unchanged(dir, () => build(dir, '-o', '/sys/clausula-out.md', '--format', 'md'));
    expectRefused(result, { code: 2, file: '/sys/clausula-out.md', says: /cannot write \/sys\/clausula-out\.md: permission denied\nHow to fix: choose a folder you can write to, with -o/ });
  });

  // A read-only file system of our own, mounted for this test only; it needs CAP_SYS_ADMIN.
  test('a read-only file system', async (ctx) => {
    const readOnly = mkdtempSync(join(tmpdir(), 'clausula-ro-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=64k', 'tmpfs', readOnly], { stdio: 'ignore' }).status === 0;
    try {
      ctx.skip(!mounted, 'a tmpfs cannot be mounted here (not root, or no CAP_SYS_ADMIN): the /proc and /sys cases stand in');
      const dir = library();
      const result = await unchanged(dir, () => build(dir, '-o', join(readOnly, 'out.md'), '--format', 'md'));
      expectRefused(result, { code: 2, file: join(readOnly, 'out.md'), says: /the file system is read-only\nHow to fix: choose a folder you can write to, with -o/ });
      expect(readFileSync('/proc/self/mounts', 'utf8')).toContain(`${readOnly} tmpfs ro`);
    } finally {
      if (mounted) spawnSync('umount', [readOnly], { stdio: 'ignore' });
      rmSync(readOnly, { recursive: true, force: true });
    }
  });
});

describe('an existing file is never replaced without --force', () => {
  test('refused, its contents untouched; with --force, replaced by a complete document', async () => {
    const dir = library();
    writeFileSync(join(dir, 'out.docx'), 'the officer edited this');
    const result = await unchanged(dir, () => build(dir, '-o', 'out.docx'));
    expectRefused(result, { code: 2, file: 'out.docx', says: /out\.docx already exists; clausula does not overwrite it without --force\nHow to fix: add --force to replace it/ });
    const forced = await build(dir, '-o', 'out.docx', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect((await docxParts(join(dir, 'out.docx'))).get('word/document.xml')).toContain('Resurfacing');
  });
});

describe('symbolic links', () => {
  test('a link to an existing file: refused without --force; with it, the file it points to is replaced and the link stays', async () => {
    const dir = library();
    writeFileSync(join(dir, 'v1.docx'), 'the officer edited this');
    symlinkSync('v1.docx', join(dir, 'current.docx'));
    const result = await unchanged(dir, () => build(dir, '-o', 'current.docx'));
    expectRefused(result, { code: 2, file: 'current.docx', says: /current\.docx already exists; clausula does not overwrite it without --force/ });
    const forced = await build(dir, '-o', 'current.docx', '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(lstatSync(join(dir, 'current.docx')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'current.docx'))).toBe('v1.docx');
    expect((await docxParts(join(dir, 'v1.docx'))).get('word/document.xml')).toContain('Resurfacing');
  });

  test('a dangling link: refused even with --force, and nothing is created where it points', async () => {
    const dir = library();
    const elsewhere = mkdtempSync(join(tmpdir(), 'clausula-elsewhere-'));
    try {
      symlinkSync(join(elsewhere, 'planted.docx'), join(dir, 'out.docx'));
      for (const force of [[], ['--force']]) {
        const result = await unchanged(dir, () => build(dir, '-o', 'out.docx', ...force));
        expectRefused(result, { code: 2, file: 'out.docx', says: new RegExp(`cannot write out\\.docx: it is a symbolic link to ${elsewhere}/planted\\.docx, which does not exist\\nHow to fix: remove the link`) });
      }
      expect(snapshotNames(elsewhere)).toEqual([]);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  test('a link to a folder is a folder', async () => {
    const dir = library();
    mkdirSync(join(dir, 'real'));
    symlinkSync('real', join(dir, 'out.docx'));
    const result = await unchanged(dir, () => build(dir, '-o', 'out.docx', '--force'));
    expectRefused(result, { code: 2, file: 'out.docx', says: /cannot write out\.docx: it is a folder/ });
  });
});

describe('--reference-doc that is not a Word document with styles', () => {
  const fix = /How to fix: give (?:a \.docx saved by Word or LibreOffice|the path of a)/;
  const cases: [string, (dir: string) => string, RegExp][] = [
    ['a missing file', () => 'missing.docx', /missing\.docx: no such reference document/],
    ['a folder', (dir) => (mkdirSync(join(dir, 'styles.docx')), 'styles.docx'), /styles\.docx is a folder, not a reference document/],
    ['a YAML file', () => 'answers.yaml', /answers\.yaml is not a Word document \(\.docx\): it is not a zip package/],
    ['/etc/passwd', () => '/etc/passwd', /\/etc\/passwd is not a Word document \(\.docx\): it is not a zip package/],
    ['/dev/zero, which never ends', () => '/dev/zero', /\/dev\/zero is not a regular file \(a device, a pipe or a socket\)/],
    ['a zip without styles', (dir) => (writeFileSync(join(dir, 'empty.docx'), writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }], new Date(0))), 'empty.docx'), /empty\.docx has no styles \(word\/styles\.xml is missing\)/],
    [
      'a zip bomb: 24 MiB of styles in a few kilobytes',
      (dir) => (writeFileSync(join(dir, 'bomb.docx'), writeZip([{ name: 'word/styles.xml', data: Buffer.alloc(24 * 2 ** 20, 32) }], new Date(0))), 'bomb.docx'),
      /bomb\.docx: word\/styles\.xml unpacks to more than 16 MiB, far more than the styles of a Word document/,
    ],
  ];
  test.each(cases)('%s', async (_name, make, says) => {
    const dir = library();
    const path = make(dir);
    const result = await unchanged(dir, () => build(dir, '--reference-doc', path, '-o', 'out.docx'));
    expectRefused(result, { code: 2, file: path, says });
    expect(result.stderr).toMatch(fix);
  });

  test('--reference-doc with another format is a usage error', async () => {
    const dir = library();
    const result = await unchanged(dir, () => build(dir, '--reference-doc', 'answers.yaml', '--format', 'md', '-o', 'out.md'));
    expect(result.code).toBe(2);
    expectNoCrash(result.stderr);
    expect(result.stderr).toContain('--reference-doc only applies to Word documents and PDFs\nHow to fix: drop --reference-doc, or build with --format docx or pdf');
  });
});

describe('verify on what is not a document', () => {
  test('/dev/zero and a pipe are refused unopened', async () => {
    const dir = library();
    spawnSync('mkfifo', [join(dir, 'pipe.docx')]);
    for (const path of ['/dev/zero', 'pipe.docx']) {
      const result = await unchanged(dir, () => runCli(['--library', '.', 'verify', path], { cwd: dir }));
      expectRefused(result, { code: 2, file: path, says: /is not a regular file \(a device, a pipe or a socket\)\nHow to fix: give the path of a \.docx built by clausula build/ });
    }
  });

  test('a zip bomb: a part that declares gigabytes is refused before it is unpacked', async () => {
    const dir = library();
    // A package as Word reads one: its relationships name the main document.
    const types = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
    const zip = writeZip(
      [
        { name: '[Content_Types].xml', data: Buffer.from(types) },
        { name: '_rels/.rels', data: Buffer.from(rels) },
        { name: 'word/document.xml', data: Buffer.from('<w:document/>') },
      ],
      new Date(0),
    );
    // Claim 4 GB unpacked in the central directory, as a bomb's header would.
    // The document's central-directory record: its name, the last one written, starts 46 bytes in.
    const central = zip.lastIndexOf(Buffer.from('word/document.xml')) - 46;
    expect(zip.readUInt32LE(central)).toBe(0x02014b50);
    zip.writeUInt32LE(0xfffffff0, central + 24);
    writeFileSync(join(dir, 'bomb.docx'), zip);
    const result = await unchanged(dir, () => runCli(['--library', '.', 'verify', 'bomb.docx'], { cwd: dir }));
    expectRefused(result, { code: 2, file: 'bomb.docx', says: /bomb\.docx: word\/document\.xml unpacks to more than 128 MiB; it is not a document clausula built/ });
  });
});

function snapshotNames(dir: string): string[] {
  return spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
}
