import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadAnswers } from '../../src/library/load-answers.js';
import { loadLibrary } from '../../src/library/load-library.js';
import { messages } from '../../src/text/messages/index.js';
import type { AnswerResult, ClausesView, View } from '../../src/web/api.js';
import type { DocumentFormat } from '../../src/render/index.js';
import { findOffice } from '../../src/render/office/office.js';
import { loadAssets } from '../../src/web/assets.js';
import { interviewFor } from '../../src/web/engine.js';
import { interviewApi } from '../../src/web/interview-api.js';
import { cookieValue } from '../../src/web/security.js';
import { MAX_BODY, startServer, type RunningServer } from '../../src/web/server.js';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { rawRequest, type RawRequest } from '../helpers/http.js';
import { testdir } from '../helpers/testdir.js';

const library = loadLibrary(join(REPO_ROOT, 'tests/fixtures/interview'));
const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv';

const running: RunningServer[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});

async function serve(files: Record<string, string> = {}, formats: DocumentFormat[] = ['docx']): Promise<{ port: number; path: string; cookie: string; dir: string; server: RunningServer }> {
  const dir = testdir(files);
  const path = join(dir, 'tender.yaml');
  const interview = interviewFor(library, { path, shown: 'tender.yaml', startLanguage: 'en', resume: 'clausula serve tender.yaml' });
  const api = interviewApi({ interview, today: () => '2027-03-01', documentDate: () => new Date('2027-03-01T10:00:00Z'), formats, env: process.env, documentsBlocked: undefined });
  const server = await startServer({ api, assets: loadAssets(), token: TOKEN, port: 0, language: 'en' });
  running.push(server);
  return { port: server.port, path, dir, server, cookie: `clausula-${server.port}=${TOKEN}` };
}

/** A request as the page makes it: its own Host and Origin, the cookie. */
function asPage(s: { port: number; cookie: string }, r: RawRequest = {}) {
  const post = r.method === 'POST';
  return rawRequest(s.port, {
    ...r,
    headers: { cookie: s.cookie, ...(post ? { origin: `http://127.0.0.1:${s.port}`, 'content-type': 'application/json' } : {}), ...r.headers },
  });
}

function answer(s: { port: number; cookie: string }, id: string, input: unknown) {
  return asPage(s, { method: 'POST', path: '/api/answer', body: JSON.stringify({ id, input }) });
}

describe('clausula serve: who gets in', () => {
  it('listens on the loopback interface only', async () => {
    const s = await serve();
    expect(s.server.url).toBe(`http://127.0.0.1:${s.port}/?token=${TOKEN}`);
    // The port is not reachable on any other interface of the machine: bound to 127.0.0.1 alone.
    const { networkInterfaces } = await import('node:os');
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((n) => n && n.family === 'IPv4' && !n.internal)
      .map((n) => n!.address);
    for (const address of others) {
      const { request } = await import('node:http');
      const reached = await new Promise<boolean>((resolve) => {
        const req = request({ host: address, port: s.port, path: '/', timeout: 2000 }, () => resolve(true));
        req.on('error', () => resolve(false));
        req.on('timeout', () => (req.destroy(), resolve(false)));
        req.end();
      });
      expect(reached, `reachable on ${address}`).toBe(false);
    }
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const s = await serve();
    for (const path of ['/', '/api/view', '/page.js', '/?token=', `/?token=${TOKEN.slice(0, -1)}x`, `/?token=${TOKEN}extra`]) {
      const response = await rawRequest(s.port, { path });
      expect(response.status, path).toBe(403);
      expect(response.text, path).toBe('This page opens only from the address clausula serve printed, with its token. Open that address again.\n');
      expect(response.headers['set-cookie'], path).toBeUndefined();
    }
    const wrongCookie = await rawRequest(s.port, { path: '/api/view', headers: { cookie: `clausula-${s.port}=${TOKEN.replace(/^t/, 'T')}` } });
    expect(wrongCookie.status).toBe(403);
    // Another server's cookie (cookies do not tell ports apart) is not this one's.
    const otherPort = await rawRequest(s.port, { path: '/api/view', headers: { cookie: `clausula-${s.port + 1}=${TOKEN}` } });
    expect(otherPort.status).toBe(403);
  });

  it('exchanges the token of the printed address for a cookie scripts cannot read and other sites do not send', async () => {
    const s = await serve();
    const first = await rawRequest(s.port, { path: `/?token=${TOKEN}` });
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.text).toContain('<html lang="en">');
    expect(first.headers['set-cookie']).toEqual([`clausula-${s.port}=${TOKEN}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(first.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = first.headers['set-cookie']![0]!.split(';')[0]!;
    const later = await rawRequest(s.port, { path: '/api/view', headers: { cookie } });
    expect(later.status).toBe(200);
    expect((JSON.parse(later.text) as View).sections[0]!.questions[0]!.id).toBe('authorityName');
    expect(cookieValue(`a=1; ${cookie}; b=2`, `clausula-${s.port}`)).toBe(TOKEN);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const s = await serve();
    for (const host of ['evil.example', `evil.example:${s.port}`, `127.0.0.1:${s.port + 1}`, `127.0.0.1`, `0.0.0.0:${s.port}`, `[::1]:${s.port}`, `127.0.0.1.evil.example:${s.port}`]) {
      const response = await rawRequest(s.port, { path: `/?token=${TOKEN}`, headers: { host, cookie: s.cookie } });
      expect(response.status, host).toBe(403);
      expect(response.text, host).toBe('This server answers only to 127.0.0.1 and localhost.\n');
    }
    const localhost = await rawRequest(s.port, { path: '/api/view', headers: { host: `localhost:${s.port}`, cookie: s.cookie } });
    expect(localhost.status).toBe(200);
  });

  it("refuses a foreign Origin, and a change that names no Origin (another site's page posting here)", async () => {
    const s = await serve();
    for (const origin of ['https://evil.example', `http://127.0.0.1:${s.port + 1}`, `https://127.0.0.1:${s.port}`, 'null']) {
      const response = await asPage(s, { method: 'POST', path: '/api/answer', headers: { origin }, body: JSON.stringify({ id: 'authorityName', input: { text: 'Pwned' } }) });
      expect(response.status, origin).toBe(403);
      expect(response.text).toBe('Requests from other sites are refused.\n');
      const read = await asPage(s, { path: '/api/view', headers: { origin } });
      expect(read.status, origin).toBe(403);
    }
    const noOrigin = await rawRequest(s.port, { method: 'POST', path: '/api/answer', headers: { cookie: s.cookie, 'content-type': 'application/json' }, body: '{"id":"authorityName","input":{"text":"Pwned"}}' });
    expect(noOrigin.status).toBe(403);
    expect(existsSync(s.path)).toBe(false);
  });

  it('serves only its fixed table of files: no request path reaches the file system', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  authorityName: Ajuntament de Vic\n' });
    const paths = [
      '/../package.json',
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/page.js/../../../package.json',
      '//etc/passwd',
      '/dist/web/page/page.js',
      '/tender.yaml',
      '/index.html',
      '/src/web/server.ts',
      '/api/../../package.json',
      '/%00',
    ];
    const pkg = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
    for (const path of paths) {
      const response = await asPage(s, { path });
      expect(response.status, path).toBe(404);
      expect(response.text, path).not.toContain('"devDependencies"');
      expect(response.text, path).not.toContain('root:');
      expect(response.text, path).not.toContain('Ajuntament de Vic');
    }
    expect(pkg).toContain('"devDependencies"');
    // A document is looked up among the tender's templates, never read as a path.
    const answered = await asPage(s, { path: `/api/document?template=${encodeURIComponent('../../package.json')}&format=docx` });
    expect(answered.status).toBe(409);
    const page = await asPage(s, { path: '/page.js' });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(page.body.equals(readFileSync(join(REPO_ROOT, 'dist/web/page/page.js')))).toBe(true);
  });

  it('refuses oversized bodies, declared or streamed, without touching the file', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  authorityName: Ajuntament de Vic\n' });
    const before = readFileSync(s.path, 'utf8');
    const huge = JSON.stringify({ id: 'contractTitle', input: { text: 'x'.repeat(MAX_BODY + 1) } });
    const declared = await answer(s, 'contractTitle', { text: 'x'.repeat(MAX_BODY + 1) });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toEqual({ error: 'a request may hold at most 64 KiB' });
    const streamed = await asPage(s, { method: 'POST', path: '/api/answer', body: huge.repeat(4), chunked: true });
    expect(streamed.status).toBe(413);
    expect(readFileSync(s.path, 'utf8')).toBe(before);
    // Just under the limit is read, and judged by the question.
    const fits = await answer(s, 'contractTitle', { text: 'x'.repeat(MAX_BODY - 100) });
    expect(fits.status).toBe(200);
    expect(readFileSync(s.path, 'utf8')).toContain(`contractTitle: ${'x'.repeat(MAX_BODY - 100)}\n`);
  });

  it('refuses what is not an answer: other methods, other content types, malformed JSON', async () => {
    const s = await serve();
    expect((await asPage(s, { method: 'DELETE', path: '/api/answer', headers: { origin: `http://127.0.0.1:${s.port}` } })).status).toBe(405);
    expect((await asPage(s, { method: 'POST', path: '/api/view' })).headers.allow).toBe('GET');
    expect((await asPage(s, { method: 'POST', path: '/api/answer', headers: { 'content-type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await asPage(s, { method: 'POST', path: '/api/answer', body: '{"id":' })).status).toBe(400);
    expect((await asPage(s, { method: 'POST', path: '/api/answer', body: '[1,2]' })).status).toBe(400);
    expect(JSON.parse((await answer(s, 'nonsense', { text: 'a' })).text)).toEqual({ error: 'there is no question nonsense' });
    expect(JSON.parse((await answer(s, 'generatesData', { text: 'yes' })).text)).toEqual({
      error: 'the answer to generatesData (boolean) must be sent as { "choice": true | false | null }',
    });
    expect(existsSync(s.path)).toBe(false);
  });
});

describe('clausula serve: the answers file', () => {
  it('saves every answer at once, as the same YAML the terminal interview writes', async () => {
    const s = await serve();
    const response = await answer(s, 'authorityName', { text: '  Ajuntament de Vic ' });
    expect(response.status).toBe(200);
    const result = JSON.parse(response.text) as AnswerResult;
    expect(result.ok).toBe(true);
    expect(readFileSync(s.path, 'utf8')).toBe(
      '# clausula answers: untitled tender\n# written by clausula interview on 2027-03-01\n\nlibrary: interview-fixture@1.2.0\nlanguage: en\nanswers:\n  # The basics\n  authorityName: Ajuntament de Vic\n',
    );
    expect(result.view.answered).toBe(1);
  });

  it('says why an answer does not fit, in the language of the answers, and writes nothing', async () => {
    const s = await serve({ 'tender.yaml': 'language: ca\nanswers:\n  authorityName: Ajuntament de Vic\n' });
    const before = readFileSync(s.path, 'utf8');
    const cases: [string, unknown, string][] = [
      ['durationMonths', { text: 'dotze' }, 'Escriviu un nombre, per exemple 24.'],
      ['durationMonths', { text: '500' }, 'Indiqueu un nombre de mesos entre 1 i 120.'],
      ['authorityName', { text: 'V' }, "Escriviu el nom de l'administració (almenys 2 caràcters)."],
      ['contractTitle', { text: '   ' }, 'Aquesta pregunta necessita una resposta.'],
      ['contractType', { choice: 'building' }, 'No és cap de les opcions.'],
      ['generatesData', { choice: null }, 'Aquesta pregunta necessita una resposta.'],
      ['startDate', { text: '2027-02-30' }, 'Escriviu la data com AAAA-MM-DD, per exemple 2027-01-31.'],
    ];
    for (const [id, input, message] of cases) {
      const result = JSON.parse((await answer(s, id, input)).text) as AnswerResult;
      expect(result, id).toMatchObject({ ok: false, message });
    }
    expect(readFileSync(s.path, 'utf8')).toBe(before);
  });

  it('shows an answer that does not fit at its question, and keeps it in the file until it is replaced', async () => {
    const s = await serve({ 'tender.yaml': 'language: en\nanswers:\n  authorityName: Ajuntament de Vic\n  durationMonths: twelve\n  contractType: building\n' });
    const view = JSON.parse((await asPage(s, { path: '/api/view' })).text) as View;
    const duration = view.sections[0]!.questions.find((q) => q.id === 'durationMonths')!;
    expect(duration).toMatchObject({ answered: false, invalid: { written: 'twelve', message: 'The answers file says “twelve” here, which does not fit: Write a number, for example 24.' } });
    expect(view.sections[0]!.questions.find((q) => q.id === 'contractType')!.invalid?.message).toBe('The answers file says “building” here, which does not fit: It is not one of the options.');
    await answer(s, 'contractTitle', { text: 'Parking sensors' });
    const text = readFileSync(s.path, 'utf8');
    expect(text).toContain('  contractTitle: Parking sensors\n  contractType: building\n  durationMonths: twelve\n');
    await answer(s, 'durationMonths', { text: '12' });
    expect(readFileSync(s.path, 'utf8')).toContain('  contractType: building\n  durationMonths: 12\n');
  });

  it('sets aside the answers of questions an answer makes unasked, and brings them back, as the terminal interview does', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  generatesData: true\n  dataKinds: [personal]\n  processesPersonalData: true\n  breachHours: 24\n' });
    let view = JSON.parse((await asPage(s, { path: '/api/view' })).text) as View;
    const ids = () => view.sections.flatMap((x) => x.questions.map((q) => q.id));
    expect(ids()).toEqual(['authorityName', 'contractTitle', 'contractReference', 'contractType', 'durationMonths', 'startDate', 'generatesData', 'dataKinds', 'processesPersonalData', 'cpvCodes', 'hosting', 'breachHours']);
    const off = JSON.parse((await answer(s, 'generatesData', { choice: false })).text) as AnswerResult;
    view = off.view;
    expect(ids()).toEqual(['authorityName', 'contractTitle', 'contractReference', 'contractType', 'durationMonths', 'startDate', 'generatesData', 'cpvCodes']);
    expect(view.sections.map((x) => x.id)).toEqual(['basics', 'data']);
    expect(off).toMatchObject({ ok: true, notice: messages('en').interview.dropping('The kinds of data; Personal data processed for the authority; The breach notification period (hours)') });
    expect(readFileSync(s.path, 'utf8')).toMatch(
      /answers:\n {2}# The data\n {2}generatesData: false\n# Answers to questions no longer asked; .*\nsetAside:\n {2}dataKinds: \[personal\]\n {2}processesPersonalData: true\n {2}breachHours: 24\n$/,
    );
    // build reads only what counts.
    expect(Object.fromEntries(loadAnswers(library, s.path, 'tender.yaml').answers)).toEqual({ generatesData: false });
    const notAsked = JSON.parse((await answer(s, 'dataKinds', { choices: ['video'] })).text) as AnswerResult;
    expect(notAsked).toMatchObject({ ok: false, message: 'That question is not asked for the answers given (they may have changed in another window).' });

    const on = JSON.parse((await answer(s, 'generatesData', { choice: true })).text) as AnswerResult;
    view = on.view;
    expect(on).toMatchObject({ ok: true, notice: messages('en').interview.restored('The kinds of data; Personal data processed for the authority; The breach notification period (hours)') });
    expect(ids()).toContain('breachHours');
    expect(view.sections.flatMap((x) => x.questions).find((q) => q.id === 'breachHours')).toMatchObject({ answered: true, initial: { text: '24' } });
    expect(readFileSync(s.path, 'utf8')).not.toContain('setAside');
  });

  it('takes two windows answering at once: every answer lands, the last one wins, the file is whole', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  generatesData: true\n' });
    const titles = Array.from({ length: 12 }, (_, n) => `Title ${n}`);
    const finished: string[] = [];
    await Promise.all([
      ...titles.map((title) => answer(s, 'contractTitle', { text: title }).then((r) => (expect(r.status).toBe(200), finished.push(title)))),
      answer(s, 'authorityName', { text: 'Ajuntament de Vic' }),
      answer(s, 'durationMonths', { text: '24' }),
      answer(s, 'dataKinds', { choices: ['video', 'personal'] }),
    ]);
    const loaded = loadAnswers(library, s.path, 'tender.yaml');
    expect(Object.fromEntries(loaded.answers)).toEqual({
      authorityName: 'Ajuntament de Vic',
      contractTitle: finished[finished.length - 1],
      durationMonths: 24,
      generatesData: true,
      dataKinds: ['personal', 'video'],
    });
    // No temporary file of an atomic write is left beside the answers.
    expect(readdirSync(s.dir)).toEqual(['tender.yaml']);
  });

  it('reads the file afresh for every request: an edit made elsewhere shows at once', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  authorityName: Ajuntament de Vic\n' });
    writeFileSync(s.path, 'language: ca\nanswers:\n  authorityName: Ajuntament de Reus\n');
    const view = JSON.parse((await asPage(s, { path: '/api/view' })).text) as View;
    expect(view.language).toBe('ca');
    expect(view.sections[0]!.questions[0]!.shown).toBe('Ajuntament de Reus');
    // A file broken meanwhile is reported, and left as it is.
    writeFileSync(s.path, 'answers: [\n');
    const broken = await answer(s, 'contractTitle', { text: 'Parking' });
    expect(broken.status).toBe(409);
    expect(JSON.parse(broken.text).error).toBe('cannot read the answers file tender.yaml');
    expect(readFileSync(s.path, 'utf8')).toBe('answers: [\n');
  });

  it('switches the language, which the answers file keeps', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  authorityName: Ajuntament de Vic\n' });
    const response = await asPage(s, { method: 'POST', path: '/api/language', body: '{"language":"ca"}' });
    const view = JSON.parse(response.text) as View;
    expect(view.texts.next).toBe('Següent');
    expect(view.sections[0]!.heading).toBe('1/3 Les dades bàsiques');
    expect(readFileSync(s.path, 'utf8')).toContain('\nlanguage: ca\n');
    expect((await asPage(s, { method: 'POST', path: '/api/language', body: '{"language":"fr"}' })).status).toBe(400);
  });
});

describe('clausula serve: clauses and documents', () => {
  const complete = ['language: en', 'answers:', '  authorityName: Ajuntament de Vic', '  contractTitle: Parking sensors', '  contractType: services', '  durationMonths: 24', '  generatesData: true', '  dataKinds: [personal]', '  processesPersonalData: true', '  hosting: authority', '  breachHours: 24', ''].join('\n');

  it('lists the clauses the answers bring in with the reason explain gives, and builds none until every question is answered', async () => {
    const s = await serve({ 'tender.yaml': 'answers:\n  generatesData: true\n  dataKinds: [personal]\n  processesPersonalData: true\n' });
    const clauses = JSON.parse((await asPage(s, { path: '/api/clauses' })).text) as ClausesView;
    expect(clauses.intro).toBe('Your answers bring in 2 clauses.');
    expect(clauses.groups.map((g) => [g.title, g.clauses.map((c) => [c.id, c.reason])])).toEqual([
      ['Data ownership', [['ownership.generated-data', 'Applies when the contractor collects or generates data.']]],
      ['Personal data', [['personal-data.processor', "Applies when the contractor processes personal data on the authority's behalf."]]],
    ]);
    expect(clauses.provisional).toBe(true);
    expect(clauses.blocked).toBe('6 questions the documents need are still unanswered.');
    const refused = await asPage(s, { path: '/api/document?template=data-clauses&format=docx' });
    expect(refused.status).toBe(409);
  });

  it('builds and downloads every document of the tender, a Word file verify accepts', async () => {
    const s = await serve({ 'tender.yaml': complete });
    const clauses = JSON.parse((await asPage(s, { path: '/api/clauses' })).text) as ClausesView;
    expect(clauses.blocked).toBeUndefined();
    expect(clauses.documents).toEqual([
      { template: 'data-clauses', title: 'Data clauses', clauses: '2 clauses', formats: [{ format: 'docx', label: 'Word (.docx)', name: 'Download “Data clauses” as Word (.docx)', href: '/api/document?template=data-clauses&format=docx' }] },
    ]);
    const download = await asPage(s, { path: clauses.documents[0]!.formats[0]!.href });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="tender.data-clauses.docx"; filename*=UTF-8''tender.data-clauses.docx`);
    writeFileSync(join(s.dir, 'downloaded.docx'), download.body);
    const verified = await runCli(['--library', library.dir, 'verify', join(s.dir, 'downloaded.docx')]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect((await asPage(s, { path: '/api/document?template=data-clauses&format=pdf' })).status).toBe(404);
    expect((await asPage(s, { path: '/api/document?template=nope&format=docx' })).status).toBe(404);
  });

  const office = (() => {
    try {
      return findOffice(process.env, 'PDF');
    } catch {
      return undefined;
    }
  })();
  it.skipIf(office === undefined)('builds the PDF too where LibreOffice is installed (skipped without it)', { timeout: 120_000 }, async () => {
    const s = await serve({ 'tender.yaml': complete }, ['docx', 'pdf']);
    const clauses = JSON.parse((await asPage(s, { path: '/api/clauses' })).text) as ClausesView;
    expect(clauses.documents[0]!.formats.map((f) => [f.label, f.href])).toEqual([
      ['Word (.docx)', '/api/document?template=data-clauses&format=docx'],
      ['PDF', '/api/document?template=data-clauses&format=pdf'],
    ]);
    const pdf = await asPage(s, { path: '/api/document?template=data-clauses&format=pdf' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toContain('filename="tender.data-clauses.pdf"');
    expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
