import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

// Who may talk to the server. It listens on the loopback interface only, so only programs on
// this computer reach it; of those, only the browser the officer opened with the printed
// address gets in: that address carries a random token, which the first page load exchanges
// for a cookie that scripts cannot read (HttpOnly) and that no other site's page sends
// (SameSite=Strict). A page of another site that points its own name at 127.0.0.1 (DNS
// rebinding) sends its name as Host; one that posts here sends its own Origin: both refused.

/** 32 random bytes, URL-safe: unguessable, and the same length every time. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The names a request may give as Host for this server: the loopback address and localhost, with its port. */
export function ownHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The cookie's name: cookies do not tell ports apart, and two servers may run at once. */
export function cookieName(port: number): string {
  return `clausula-${port}`;
}

export function sessionCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}

export type Refusal = 'host' | 'origin' | 'token';

/**
 * Whether a request may be served: its Host is this server's; its Origin, when it has one (a
 * POST must), is this server's own address; and it carries the token, in the query of the
 * address (the first load) or in the cookie. Returns why not, or undefined when it may.
 */
export function refusal(headers: IncomingHttpHeaders, method: string, query: string | null, token: string, port: number): Refusal | undefined {
  const hosts = ownHosts(port);
  const host = headers.host;
  if (host === undefined || !hosts.includes(host.toLowerCase())) return 'host';
  const origin = headers.origin;
  if (origin !== undefined ? !hosts.some((h) => origin.toLowerCase() === `http://${h}`) : method !== 'GET' && method !== 'HEAD') return 'origin';
  const given = query ?? cookieValue(headers.cookie, cookieName(port));
  if (given === undefined || !sameSecret(given, token)) return 'token';
  return undefined;
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Compared in constant time, so the answer's timing tells nothing about how much of a guess was right. */
function sameSecret(given: string, token: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
