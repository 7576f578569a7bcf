import type { AnswerInput, AnswerResult, ClausesView, ErrorBody, View } from '../api.js';

/** The server said no, with its reasons; or it could not be reached at all (it stopped). */
export class RequestFailed extends Error {
  constructor(
    readonly body: ErrorBody | undefined,
    readonly unreachable: boolean,
  ) {
    super(body?.error ?? 'the server could not be reached');
  }
}

async function call<T>(path: string, init?: { method: 'POST'; body: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? 'GET',
      headers: init ? { 'Content-Type': 'application/json' } : {},
      credentials: 'same-origin',
      cache: 'no-store',
      ...(init ? { body: JSON.stringify(init.body) } : {}),
    });
  } catch {
    throw new RequestFailed(undefined, true);
  }
  const body = (await response.json().catch(() => undefined)) as unknown;
  if (!response.ok) throw new RequestFailed(body as ErrorBody | undefined, false);
  return body as T;
}

export const api = {
  view: () => call<View>('/api/view'),
  clauses: () => call<ClausesView>('/api/clauses'),
  answer: (id: string, input: AnswerInput) => call<AnswerResult>('/api/answer', { method: 'POST', body: { id, input } }),
  language: (language: string) => call<View>('/api/language', { method: 'POST', body: { language } }),
};
