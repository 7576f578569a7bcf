import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface RawRequest {
  method?: string;
  /** Sent exactly as written: no normalising of dots or slashes. */
  path?: string;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length. */
  chunked?: boolean;
}

/** One HTTP request to 127.0.0.1, with every header under the test's control (Host included). */
export function rawRequest(port: number, r: RawRequest = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: r.method ?? 'GET', path: r.path ?? '/', headers: { host: `127.0.0.1:${port}`, ...r.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (r.body !== undefined && r.chunked) {
      const data = Buffer.from(r.body);
      for (let at = 0; at < data.length; at += 16 * 1024) req.write(data.subarray(at, at + 16 * 1024));
      req.end();
    } else req.end(r.body);
  });
}
