import type { DocumentModel } from '../assemble/document.js';
import type { ReferenceDoc } from './docx/reference.js';

export const documentFormats = ['docx', 'md', 'html', 'json'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export interface RenderOptions {
  /** The document's date and time (SOURCE_DATE_EPOCH or now). */
  date: Date;
  /** Styles from --reference-doc (docx only). */
  reference?: ReferenceDoc;
  /** The table of contents' page numbers (docx only): see DocxOptions. */
  tocPages?: 'estimate' | readonly string[];
}

/** Lay a document model out in a format. Each format loads only when asked for: docx is slow to import. */
export async function renderDocument(format: DocumentFormat, model: DocumentModel, options: RenderOptions): Promise<string | Uint8Array> {
  switch (format) {
    case 'docx':
      return (await import('./docx/index.js')).renderDocx(model, options);
    case 'md':
      return (await import('./markdown.js')).renderMarkdown(model);
    case 'html':
      return (await import('./html.js')).renderHtml(model);
    case 'json':
      return (await import('./json.js')).renderJson(model);
  }
}
