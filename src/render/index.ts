import type { DocumentModel } from '../assemble/document.js';
import type { ReferenceDoc } from './docx/reference.js';

export const documentFormats = ['docx', 'pdf', 'md', 'html', 'json'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

/** The formats that take a reference document's styles: the Word document, and the PDF made from it. */
export const styledFormats: readonly DocumentFormat[] = ['docx', 'pdf'];

export interface RenderOptions {
  /** The document's date and time (SOURCE_DATE_EPOCH or now). */
  date: Date;
  /** Styles from --reference-doc (docx and pdf). */
  reference?: ReferenceDoc;
  /** The table of contents' page numbers (docx only): see DocxOptions. A PDF always has them. */
  tocPages?: 'estimate' | readonly string[];
  /** Where LibreOffice is looked for, and the environment it runs in (pdf). */
  env?: Readonly<Record<string, string | undefined>>;
}

/** Lay a document model out in a format. Each format loads only when asked for: docx is slow to import. */
export async function renderDocument(format: DocumentFormat, model: DocumentModel, options: RenderOptions): Promise<string | Uint8Array> {
  switch (format) {
    case 'docx':
      return (await import('./docx/index.js')).renderDocx(model, options);
    case 'pdf':
      return (await import('./office/index.js')).renderPdf(model, { date: options.date, env: options.env ?? {}, ...(options.reference ? { reference: options.reference } : {}) });
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(model);
    case 'html':
      return (await import('./html.js')).renderHtml(model);
    case 'json':
      return (await import('./json.js')).renderJson(model);
  }
}
