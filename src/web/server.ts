import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ClausulaError, InputError } from '../errors.js';
import type { ErrorBody } from './api.js';
import { pageHtml, type AssetTable } from './assets.js';
import type { InterviewApi } from './interview-api.js';
import { refusal, sessionCookie } from './security.js';
import { messages } from '../text/messages/index.js';

export interface ServerOptions {
  api: InterviewApi;
  assets: AssetTable;
  token: string;
  /** 0: any free port. */
  port: number;
  /** The language of what the terminal is told when the server cannot start. */
  language: string;
}

export interface RunningServer {
  /** The address to open, with the token: http://127.0.0.1:PORT/?token=… */
  url: string;
  port: number;
  /** Stop taking requests and end the open connections. */
  close(): Promise<void>;
}

/** The most a request body may hold: an answer is a few hundred bytes; a list of CPV codes a few thousand. */
export const MAX_BODY = 64 * 1024;

const HEADERS: Readonly<Record<string, string>> = {
  // Scripts and styles come only from this server, never inline; nothing may frame the page.
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Start the server on the loopback interface. Resolves once it listens. */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  let port = o.port;
  const server = createServer((req, res) => {
    handle(o, port, req, res).catch((error: unknown) => fail(res, error));
  });
  // A slow or stalled client must not hold the server: answers are small.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const t = messages(o.language).serve;
      if (error.code === 'EADDRINUSE') reject(new InputError(t.portInUse(o.port), t.otherPort));
      else if (error.code === 'EACCES') reject(new InputError(t.portReserved(o.port), t.highPort));
      else reject(error);
    });
    server.listen({ host: '127.0.0.1', port: o.port, exclusive: true }, resolve);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${o.token}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(o: ServerOptions, port: number, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const query = url.searchParams.get('token');
  const refused = refusal(req.headers, method, query, o.token, port);
  if (refused) return refuse(o, res, refused);
  const route = `${method} ${url.pathname}`;
  const asset = method === 'GET' ? o.assets.get(url.pathname) : undefined;
  if (asset && url.pathname === '/') {
    const language = o.api.language();
    const t = messages(language).serve.page;
    const headers: Record<string, string> = { 'Content-Type': asset.type };
    // The first load exchanges the token in the address for the cookie every later request carries.
    if (query !== null) headers['Set-Cookie'] = sessionCookie(port, o.token);
    return send(res, 200, headers, pageHtml(asset.body, { lang: language, title: t.appTitle, loading: t.loading }));
  }
  if (asset) return send(res, 200, { 'Content-Type': asset.type }, asset.body);
  switch (route) {
    case 'GET /api/view':
      return json(res, 200, o.api.view());
    case 'GET /api/clauses':
      return json(res, 200, o.api.clauses());
    case 'POST /api/answer': {
      const body = await readJson(req, res);
      if (body === undefined) return;
      const result = await o.api.answer(body);
      return json(res, result.status, result.body);
    }
    case 'POST /api/language': {
      const body = await readJson(req, res);
      if (body === undefined) return;
      const result = await o.api.setLanguage(body);
      return json(res, result.status, result.body);
    }
    case 'GET /api/document': {
      const document = await o.api.document(url.searchParams.get('template') ?? '', url.searchParams.get('format') ?? '');
      if ('status' in document) return json(res, document.status, document.body);
      return send(res, 200, { 'Content-Type': document.type, 'Content-Disposition': attachment(document.name) }, Buffer.from(document.bytes));
    }
  }
  const known = [...o.assets.keys(), '/api/view', '/api/clauses', '/api/answer', '/api/language', '/api/document'];
  if (known.includes(url.pathname)) return json(res, 405, { error: `${method} is not allowed here` }, { Allow: url.pathname === '/api/answer' || url.pathname === '/api/language' ? 'POST' : 'GET' });
  return json(res, 404, { error: `nothing is served at ${url.pathname}` });
}

/** The request's JSON body, or undefined once a refusal has been sent (too large, not JSON). */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    json(res, 415, { error: 'send the answer as application/json' });
    req.resume();
    return undefined;
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  const body = declared > MAX_BODY ? undefined : await readBody(req);
  if (body === undefined) {
    json(res, 413, { error: `a request may hold at most ${MAX_BODY / 1024} KiB` }, { Connection: 'close' });
    drain(req);
    return undefined;
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    json(res, 400, { error: 'the request body is not JSON' });
    return undefined;
  }
}

/** The body, or undefined as soon as it passes MAX_BODY (what follows is left unread). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.off('data', onData);
        req.off('end', onEnd);
        resolve(undefined);
      } else chunks.push(chunk);
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', reject);
  });
}

/**
 * Read and drop the rest of a refused body, so the client gets to read the refusal (closing on
 * unread data would reset the connection under it); a client that goes on sending past a few
 * megabytes is cut off.
 */
function drain(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > 16 * MAX_BODY) req.destroy();
  });
  req.resume();
}

function refuse(o: ServerOptions, res: ServerResponse, why: 'host' | 'origin' | 'token'): void {
  const t = messages(o.api.language()).serve;
  const words = why === 'host' ? t.hostRefused : why === 'origin' ? t.originRefused : t.refused;
  send(res, 403, { 'Content-Type': 'text/plain; charset=utf-8' }, Buffer.from(`${words}\n`, 'utf8'));
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }, Buffer.from(JSON.stringify(body), 'utf8'));
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer): void {
  res.writeHead(status, { ...HEADERS, ...headers, 'Content-Length': String(body.length) });
  res.end(body);
}

/** Anything unexpected becomes a 500 the page can show; the server goes on. */
function fail(res: ServerResponse, error: unknown): void {
  const body: ErrorBody =
    error instanceof ClausulaError ? { error: error.message, ...(error.fix ? { fix: error.fix } : {}) } : { error: `unexpected error: ${error instanceof Error ? error.message : String(error)}` };
  if (res.headersSent) {
    res.destroy();
    return;
  }
  json(res, error instanceof ClausulaError ? 409 : 500, body);
}

/** Content-Disposition for a download: an ASCII name for old readers, the real one (RFC 5987) for the rest. */
export function attachment(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
