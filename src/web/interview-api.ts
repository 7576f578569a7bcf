import { basename, extname } from 'node:path';
import { unanswered } from '../interview/state.js';
import { missingRequired } from '../library/validate-answers.js';
import type { DocumentFormat } from '../render/index.js';
import { messages } from '../text/messages/index.js';
import { writeFileSafely } from '../write/write-file.js';
import type { AnswerInput, AnswerResult, ClausesView, ErrorBody, View } from './api.js';
import { clausesView, selectionFor } from './clauses.js';
import { renderTenderDocument, tenderDocuments } from './documents.js';
import { fileText, giveAnswer, readState, setLanguage, viewOf, type FileState, type Interview } from './engine.js';

export interface ApiOptions {
  interview: Interview;
  /** The day, YYYY-MM-DD, for the answers file's header. */
  today: () => string;
  /** The date documents carry. */
  documentDate: () => Date;
  /** The formats offered for download, in order. */
  formats: readonly DocumentFormat[];
  /** The environment documents are built in (where LibreOffice is, for a PDF). */
  env: Readonly<Record<string, string | undefined>>;
  /** Why no document can be built from this library (it has errors), if so. */
  documentsBlocked: string | undefined;
}

export interface Reply<T> {
  status: number;
  body: T | ErrorBody;
}

export interface Download {
  name: string;
  type: string;
  bytes: string | Uint8Array;
}

/** What the server does for the page. Every call reads the answers file afresh; every change is written to it before the reply. */
export interface InterviewApi {
  /** The language the page is in now. */
  language(): string;
  view(): View;
  clauses(): ClausesView;
  answer(body: unknown): Promise<Reply<AnswerResult>>;
  setLanguage(body: unknown): Promise<Reply<View>>;
  document(template: string, format: string): Promise<Download | Reply<never>>;
}

const TYPES: Readonly<Record<string, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

export function interviewApi(o: ApiOptions): InterviewApi {
  const i = o.interview;
  // Changes one at a time: each reads the file, changes one thing and writes it back whole, so
  // two windows answering at once both land (and, on the same question, the later one wins).
  let queue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(change: () => Promise<T>): Promise<T> => {
    const next = queue.then(change, change);
    queue = next.catch(() => undefined);
    return next;
  };
  const save = (s: FileState) => writeFileSafely(i.path, fileText(i, s, o.today()), { force: true, display: i.shown, language: s.language, naming: 'argument' });

  return {
    language: () => {
      try {
        return readState(i).language;
      } catch {
        return i.startLanguage;
      }
    },
    view: () => viewOf(i, readState(i)),
    clauses: () => {
      const s = readState(i);
      const t = messages(s.language).serve;
      const selection = selectionFor(i.library, s.session.answers);
      const missing = missingRequired(i.library, s.session.answers).length;
      return clausesView({
        library: i.library,
        selection,
        answers: s.session.answers,
        language: s.language,
        documents: tenderDocuments(i.library, selection, s.template),
        formats: o.formats.map((format) => ({ format, label: format === 'docx' ? t.word : t.pdf })),
        href: (template, format) => `/api/document?${new URLSearchParams({ template, format }).toString()}`,
        blocked: o.documentsBlocked ?? (missing > 0 ? t.answerFirst(missing) : undefined),
        complete: unanswered(i.q, s.session.answers).length === 0,
      });
    },
    answer: (body) =>
      serialized(async () => {
        if (!isAnswerRequest(body)) return { status: 400, body: { error: 'send { "id": "<question id>", "input": { … } }' } };
        const s = readState(i);
        const given = giveAnswer(i, s, body.id, body.input);
        if (given.kind === 'bad-request') return { status: 400, body: { error: given.message } };
        if (given.kind !== 'saved') return { status: 200, body: { ok: false, message: given.message, view: viewOf(i, s) } };
        await save(s);
        return { status: 200, body: { ok: true, view: viewOf(i, { ...s, exists: true }), ...(given.notice ? { notice: given.notice } : {}) } };
      }),
    setLanguage: (body) =>
      serialized(async () => {
        const language = typeof body === 'object' && body !== null ? (body as { language?: unknown }).language : undefined;
        if (typeof language !== 'string') return { status: 400, body: { error: 'send { "language": "<code>" }' } };
        const s = readState(i);
        if (!setLanguage(i, s, language)) return { status: 400, body: { error: `the library has no ${language} texts` } };
        await save(s);
        return { status: 200, body: viewOf(i, { ...s, exists: true }) };
      }),
    document: async (template, format) => {
      const s = readState(i);
      const t = messages(s.language).serve;
      if (!(o.formats as readonly string[]).includes(format)) return { status: 404, body: { error: `documents are offered as ${o.formats.join(', ')}, not ${format}` } };
      if (o.documentsBlocked) return { status: 409, body: { error: o.documentsBlocked } };
      // What `build` refuses without: the required answers.
      const missing = missingRequired(i.library, s.session.answers).length;
      if (missing > 0) return { status: 409, body: { error: t.answerFirst(missing) } };
      const selection = selectionFor(i.library, s.session.answers);
      const document = tenderDocuments(i.library, selection, s.template).find((d) => d.template.id === template);
      if (!document) return { status: 404, body: { error: `this tender has no document ${template}` } };
      const bytes = await renderTenderDocument(i.library, document.template, selection, s.session.answers, { format: format as DocumentFormat, language: s.language, date: o.documentDate(), env: o.env });
      const stem = basename(i.path, extname(i.path));
      return { name: `${stem}.${template}.${format}`, type: TYPES[format] ?? 'application/octet-stream', bytes };
    },
  };
}

function isAnswerRequest(body: unknown): body is { id: string; input: AnswerInput } {
  if (typeof body !== 'object' || body === null) return false;
  const { id, input } = body as { id?: unknown; input?: unknown };
  return typeof id === 'string' && typeof input === 'object' && input !== null && !Array.isArray(input);
}
